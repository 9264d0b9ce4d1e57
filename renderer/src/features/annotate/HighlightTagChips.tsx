import { rangeToConverted, type OffsetMap } from '../../../../preload/common/offsetMap';
import type { Highlight } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { highlightTagMessages } from './highlightTagMessages';
import './highlightTags.css';
import { useTagScript } from '../tags/useTagScript';

interface Props {
  highlights: readonly Highlight[];
  /** The paragraph as shown (script mode) and its offset map: each chip's tooltip quotes its highlight so. */
  text: string;
  map: OffsetMap;
}

/**
 * Every tag on the paragraph's highlights, in the margin under it, each in its highlight's colour:
 * otherwise a highlight's tags are seen only by opening its popover. Nothing is added inside the
 * text itself, so selection offsets stay exact.
 */
export function HighlightTagChips({ highlights, text, map }: Props) {
  const t = useMessages(highlightTagMessages);
  const shownTag = useTagScript();
  const chips = highlights.flatMap((h) => h.tags.map((tag) => ({ key: `${h.id}:${tag}`, tag, highlight: h })));
  if (chips.length === 0) return null;
  return (
    <ul className="tag-chips highlight-tag-chips" aria-label={t('highlightTags')}>
      {chips.map(({ key, tag, highlight }) => (
        <li
          key={key}
          className={`highlight-tag-chip hl-accent-${highlight.color}`}
          title={t('taggedHighlight', { quote: shownQuote(highlight, text, map) })}
        >
          #{shownTag(tag)}
        </li>
      ))}
    </ul>
  );
}

function shownQuote(h: Highlight, text: string, map: OffsetMap): string {
  if (h.start === null || h.end === null) return h.quote;
  const { start, end } = rangeToConverted(map, { start: h.start, end: h.end });
  return text.slice(start, end);
}
