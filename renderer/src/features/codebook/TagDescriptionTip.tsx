import type { TagDescription } from '../../../../preload/contract/codebookTypes';
import { tagDescriptionParts } from '../../../../preload/contract/codebookTypes';
import { useMessages } from '../../i18n/useMessages';
import { codebookMessages } from './messages';
import './codebook.css';

/** The mark beside a described tag's name in the tag pane. */
export function TagDescriptionMark() {
  const t = useMessages(codebookMessages);
  return (
    <span className="tag-description-mark" title={t('hasDescription')} aria-hidden="true">
      <svg
        width="12"
        height="12"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      >
        <path d="M3 3.5h10M3 7h10M3 10.5h6" />
      </svg>
    </span>
  );
}

/**
 * The description shown under a tag's row while the pointer is on the row or the keyboard focus
 * is in it (codebook.css shows it then); the tag's button names it with aria-describedby, so a
 * screen reader reads it on focus too.
 */
export function TagDescriptionTip({ id, description }: { id: string; description: TagDescription }) {
  const t = useMessages(codebookMessages);
  return (
    <div id={id} role="tooltip" className="tag-description-tip">
      {tagDescriptionParts.map((part) =>
        description[part] === '' ? null : (
          <div key={part} className={`tag-description-part tag-description-${part}`}>
            <span className="tag-description-label">{t(part)}</span>
            {part === 'example' ? (
              <blockquote lang="zh">{description[part]}</blockquote>
            ) : (
              <p lang="zh">{description[part]}</p>
            )}
          </div>
        ),
      )}
      <p className="tag-description-date">{t('updated', { date: description.updatedAt.slice(0, 10) })}</p>
    </div>
  );
}

/** The Describe… action's icon: lines of text with a pen. */
export const DescribeIcon = () => (
  <svg
    width="14"
    height="14"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.5"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M2.5 3.5h8M2.5 6.5h6M2.5 9.5h3.5M9 13.5l.5-2 4-4 1.5 1.5-4 4z" />
  </svg>
);
