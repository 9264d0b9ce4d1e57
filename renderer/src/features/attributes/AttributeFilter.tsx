import { useId } from 'react';
import type { AttributeFilter as Filter, AttributeSummary } from '../../../../preload/contract/attributeTypes';
import { useMessages } from '../../i18n/useMessages';
import { attributeMessages } from './messages';
import './attributes.css';

interface Props {
  attributes: readonly AttributeSummary[];
  value: Filter | null;
  onChange: (filter: Filter | null) => void;
  /** Opens the attributes dialog (define, set on the articles listed, import). */
  onManage: () => void;
  /** The attribute the list is grouped by, or null. */
  groupBy: number | null;
  onGroupBy: (attributeId: number | null) => void;
}

/**
 * The library list's filter by an attribute's value (each attribute a group of its values with
 * how many articles have each), and its grouping by an attribute: a header per value.
 */
export function AttributeFilter({ attributes, value, onChange, onManage, groupBy, onGroupBy }: Props) {
  const t = useMessages(attributeMessages);
  const id = useId();
  const groupId = useId();
  const withValues = attributes.filter((a) => a.values.length > 0);
  const manage = (
    <button type="button" className="button attribute-manage" onClick={onManage}>
      {t('attributes')}
    </button>
  );
  if (withValues.length === 0) return <div className="attribute-filter">{manage}</div>;
  const key = value ? JSON.stringify([value.attributeId, value.value]) : '';
  return (
    <div className="library-selects attribute-filter">
      <label htmlFor={id}>{t('filter')}</label>
      <span className="attribute-filter-row">
        <select
          id={id}
          className="field"
          value={key}
          onChange={(e) => {
            if (e.target.value === '') return onChange(null);
            const [attributeId, chosen] = JSON.parse(e.target.value) as [number, string];
            onChange({ attributeId, value: chosen });
          }}
        >
          <option value="">{t('allValues')}</option>
          {withValues.map((a) => (
            <optgroup key={a.id} label={a.name}>
              {a.values.map((v) => (
                <option key={v.value} value={JSON.stringify([a.id, v.value])}>
                  {t('filterOption', { value: v.value, count: v.count })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {manage}
      </span>
      <label htmlFor={groupId}>{t('groupBy')}</label>
      <select
        id={groupId}
        className="field"
        value={groupBy ?? ''}
        onChange={(e) => onGroupBy(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('noGrouping')}</option>
        {withValues.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
