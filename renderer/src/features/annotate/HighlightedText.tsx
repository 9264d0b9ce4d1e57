import { Fragment, memo, useMemo, type CSSProperties } from 'react';
import { rangeToConverted, type OffsetMap } from '../../../../preload/common/offsetMap';
import type { Highlight } from '../../../../preload/contract/annotationTypes';
import type { RubyWord } from '../../../../preload/common/readingAids';
import { rubyGroups } from '../reading/rubyPieces';
import { useMakerColors } from '../team/membersStore';
import { segmentHighlights, type PlacedHighlight, type TextSegment } from './segmentHighlights';
import './annotate.css';

interface Props {
  /** The paragraph's display text. */
  text: string;
  /** Canonical <-> display offsets of that text. */
  map: OffsetMap;
  /** The paragraph's placed highlights (canonical offsets). */
  highlights: readonly Highlight[];
  /** Readings to draw over words of the text (reading aids); drawn by CSS, so the text nodes stay the text. */
  rubies?: readonly RubyWord[];
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
export const HighlightedText = memo(function HighlightedText({ text, map, highlights, rubies }: Props) {
  // In a team library, each highlight is underlined in its maker's colour and names them.
  const makers = useMakerColors();
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
  const piece = (s: TextSegment, start: number, end: number) => {
    const slice = text.slice(start, end);
    const [top, under] = s.highlights;
    if (!top) return <Fragment key={start}>{slice}</Fragment>;
    // One tab stop per highlight: its first segment.
    const first = !tabbable.has(top.id);
    tabbable.add(top.id);
    const tags = byId.get(top.id)?.tags ?? [];
    const group = byId.get(top.id)?.groupId ?? undefined;
    let className = `hl hl-${top.color}`;
    if (under) className += ` hl-overlap hl-under-${under.color}`;
    const maker = makers?.get(byId.get(top.id)?.madeBy ?? '');
    if (maker) className += ' hl-maker';
    const title = [maker?.name, ...tags.map((tag) => `#${tag}`)].filter((part) => part !== undefined).join(' ');
    return (
      <mark
        key={start}
        className={className}
        data-highlight-id={top.id}
        data-highlight-ids={s.highlights.map((h) => h.id).join(' ')}
        data-highlight-group={group}
        data-made-by={maker ? byId.get(top.id)?.madeBy : undefined}
        style={maker ? ({ '--maker': maker.color } as CSSProperties) : undefined}
        tabIndex={first ? 0 : -1}
        title={title !== '' ? title : undefined}
      >
        {slice}
      </mark>
    );
  };
  if (!rubies || rubies.length === 0) return <>{segments.map((s) => piece(s, s.start, s.end))}</>;
  // The reading is the <rt>'s CSS content, not a text node: selection offsets, copy and every
  // anchor read the characters only (reading/reading.css).
  return (
    <>
      {rubyGroups(segments, rubies).map(({ ruby, pieces }) =>
        ruby ? (
          <ruby key={`r${ruby.start}`} className="reading-word">
            {pieces.map((p) => piece(p.segment, p.start, p.end))}
            <rt data-reading={ruby.reading} aria-hidden="true" />
          </ruby>
        ) : (
          <Fragment key={`t${pieces[0]?.start ?? 0}`}>{pieces.map((p) => piece(p.segment, p.start, p.end))}</Fragment>
        ),
      )}
    </>
  );
});
