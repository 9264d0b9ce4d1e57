import type { AttributeDefinition } from '../../../../preload/contract/attributeTypes';
import { useMessages } from '../../i18n/useMessages';
import { attributeMessages } from './messages';

interface Props {
  attribute: AttributeDefinition;
  value: string;
  onChange: (value: string) => void;
  id?: string;
  label?: string;
}

/** A value of one attribute as its kind is typed: a list's choices, a date picker, a number or text. */
export function AttributeValueField({ attribute, value, onChange, id, label }: Props) {
  const t = useMessages(attributeMessages);
  if (attribute.kind === 'choice') {
    return (
      <select id={id} aria-label={label} className="field" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('noValue')}</option>
        {attribute.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      aria-label={label}
      className="field"
      type={attribute.kind === 'date' ? 'date' : 'text'}
      inputMode={attribute.kind === 'number' ? 'decimal' : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export const kindLabel = { text: 'kindText', number: 'kindNumber', date: 'kindDate', choice: 'kindChoice' } as const;
