import type { AttributeSummary } from '../../../../preload/contract/attributeTypes';
import { useMessages } from '../../i18n/useMessages';
import { attributeChoice } from './scopeChoice';
import { wordsMessages } from './messages';

/** A scope menu's attribute values, as the library list's Attribute filter offers them: a group per attribute, each value with its article count. */
export function AttributeScopeOptions({ attributes }: { attributes: readonly AttributeSummary[] }) {
  const t = useMessages(wordsMessages);
  return attributes
    .filter((a) => a.values.length > 0)
    .map((a) => (
      <optgroup key={a.id} label={t('attributeGroup', { name: a.name })}>
        {a.values.map((v) => (
          <option key={v.value} value={attributeChoice(a.name, v.value)}>
            {t('attributeValueScope', { value: v.value, count: v.count })}
          </option>
        ))}
      </optgroup>
    ));
}
