import { Fragment, memo, useMemo } from 'react';
import { rangeToConverted, type OffsetMap } from '../../../../preload/common/offsetMap';
import type { Highlight } from '../../../../preload/contract/annotationTypes';
import { segmentHighlights, type PlacedHighlight } from './segmentHighlights';
import './annotate.css';

interface Props {
  /** The paragraph's display text. */
  text: string;
  /** Canonical <-> display offsets of that text. */
  map: OffsetMap;
  /** The paragraph's placed highlights (canonical offsets). */
  highlights: readonly Highlight[];
}

function rankOf(h: Highlight): number {
  const t = Date.parse(h.createdAt);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * The display text with its highlights drawn on the right characters in any script mode.
 * Nothing but the text itself goes into the DOM here (no markers, no spaces), so a selection's
 * text-node offsets are display offsets. Where highlights overlap, the most recent one's colour
 * shows, with the next one's colour as an underline.
 */
export const HighlightedText = memo(function HighlightedText({ text, map, highlights }: Props) {
  const { segments, byId } = useMemo(() => {
    const placed: PlacedHighlight[] = [];
    const ids = new Map<number, Highlight>();
    for (const h of highlights) {
      if (h.start === null || h.end === null) continue;
      ids.set(h.id, h);
      placed.push({
        id: h.id,
        color: h.color,
        rank: rankOf(h),
        ...rangeToConverted(map, { start: h.start, end: h.end }),
      });
    }
    return { segments: segmentHighlights(text.length, placed), byId: ids };
  }, [text, map, highlights]);

  const tabbable = new Set<number>();
  return (
    <>
      {segments.map((s) => {
        const slice = text.slice(s.start, s.end);
        const [top, under] = s.highlights;
        if (!top) return <Fragment key={s.start}>{slice}</Fragment>;
        // One tab stop per highlight: its first segment.
        const first = !tabbable.has(top.id);
        tabbable.add(top.id);
        const tags = byId.get(top.id)?.tags ?? [];
        const group = byId.get(top.id)?.groupId ?? undefined;
        let className = `hl hl-${top.color}`;
        if (under) className += ` hl-overlap hl-under-${under.color}`;
        return (
          <mark
            key={s.start}
            className={className}
            data-highlight-id={top.id}
            data-highlight-ids={s.highlights.map((h) => h.id).join(' ')}
            data-highlight-group={group}
            tabIndex={first ? 0 : -1}
            title={tags.length > 0 ? tags.map((tag) => `#${tag}`).join(' ') : undefined}
          >
            {slice}
          </mark>
        );
      })}
    </>
  );
});
