import type { ParagraphFlag, ParagraphView } from '../../../../preload/contract/articleTypes';

const flagExplanations: Record<ParagraphFlag, string> = {
  duplicate: 'This paragraph repeats an earlier one.',
  fragment: 'This paragraph starts mid-sentence: part of it may be missing or out of order.',
  'keyword-stuffed': 'Words injected for search engines were hidden from this paragraph.',
  mojibake: 'Part of this paragraph was decoded wrongly at the source (garbled characters). Shown as found.',
};

const flagLabels: Record<ParagraphFlag, string> = {
  duplicate: 'duplicate',
  fragment: 'fragment',
  'keyword-stuffed': 'keywords hidden',
  mojibake: 'garbled',
};

export function ParagraphBlock({ paragraph }: { paragraph: ParagraphView }) {
  const Tag = paragraph.kind === 'heading' || paragraph.kind === 'title' ? 'h3' : 'p';
  return (
    <div className={`paragraph kind-${paragraph.kind}`} data-paragraph-id={paragraph.id} data-kind={paragraph.kind}>
      <Tag className="paragraph-text">{paragraph.text}</Tag>
      {paragraph.flags.length > 0 && (
        <ul className="flags" aria-label="Cleaning notes">
          {paragraph.flags.map((flag) => (
            <li key={flag} className={`flag flag-${flag}`} title={flagExplanations[flag]}>
              {flagLabels[flag]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
