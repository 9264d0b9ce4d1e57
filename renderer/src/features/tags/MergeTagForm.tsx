import { useId, useState } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { useTagScript } from './useTagScript';
import { tagMessages } from './messages';
import { isSameOrNestedUnder } from './tagTree';

interface Props {
  name: string;
  tags: readonly TagSummary[];
  onMerge: (into: string) => void;
  onCancel: () => void;
}

/** Picks the tag to merge into: any tag but this one and those nested under it. */
export function MergeTagForm({ name, tags, onMerge, onCancel }: Props) {
  const t = useMessages(tagMessages);
  const shown = useTagScript();
  const targets = tags.filter((tag) => !isSameOrNestedUnder(tag.name, name));
  const [into, setInto] = useState(targets[0]?.name ?? '');
  const explainId = useId();
  return (
    <form
      className="tag-form"
      aria-describedby={explainId}
      onSubmit={(event) => {
        event.preventDefault();
        if (into !== '') onMerge(into);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {targets.length === 0 ? (
        <p id={explainId} className="tag-form-note">
          {t('noMergeTarget')}
        </p>
      ) : (
        <>
          <select
            className="tag-input"
            aria-label={t('mergeLabel', { name })}
            value={into}
            autoFocus
            onChange={(event) => setInto(event.target.value)}
          >
            {targets.map((tag) => (
              <option key={tag.id} value={tag.name} title={tag.name}>
                {shown(tag.name)}
              </option>
            ))}
          </select>
          <p id={explainId} className="tag-form-note">
            {t('mergeExplain', { name })}
          </p>
        </>
      )}
      <div className="tag-form-actions">
        <button type="submit" className="button button-primary" disabled={into === ''}>
          {t('mergeButton')}
        </button>
        <button type="button" className="button" onClick={onCancel} autoFocus={targets.length === 0}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
