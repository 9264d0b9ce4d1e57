import type { Highlight } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { readerMessages } from './messages';
import { OrphanSection } from './OrphanSection';

interface Props {
  orphans: readonly Highlight[];
  display: (text: string) => string;
  /** Opens the highlight popover, anchored at the entry (which carries data-highlight-id). */
  onOpen: (entry: HTMLElement) => void;
}

/** Highlights a re-clean could not place again: listed with their quote, never dropped. */
export function OrphanHighlights({ orphans, display, onOpen }: Props) {
  const t = useMessages(readerMessages);
  if (orphans.length === 0) return null;
  return (
    <OrphanSection id="orphans-title" title={t('unplaced')} explanation={t('unplacedExplanation')}>
      <ul className="orphan-list">
        {orphans.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              className={`orphan hl-accent-${h.color}`}
              data-highlight-id={h.id}
              onClick={(e) => onOpen(e.currentTarget)}
            >
              <span className={`swatch swatch-${h.color}`} aria-hidden="true" />
              <q>{display(h.quote)}</q>
              {h.tags.length > 0 && <span className="orphan-tags">{h.tags.map((tag) => `#${tag}`).join(' ')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </OrphanSection>
  );
}
