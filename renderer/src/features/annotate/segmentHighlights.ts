import type { HighlightColor } from '../../../../preload/contract/annotationTypes';

/** A highlight placed on the display text of one paragraph. */
export interface PlacedHighlight {
  id: number;
  /** Display-text UTF-16 offsets [start, end). */
  start: number;
  end: number;
  color: HighlightColor;
  /** Larger is more recent: the most recent highlight is drawn on top where several overlap. */
  rank: number;
}

/** A run of display text covered by the same highlights. */
export interface TextSegment {
  start: number;
  end: number;
  /** The highlights covering this run, most recent first; empty for plain text. */
  highlights: PlacedHighlight[];
}

/**
 * Splits text of `length` at every highlight boundary, so overlapping highlights render as
 * runs each knowing every highlight over it. Empty or out-of-range highlights are clamped or skipped.
 */
export function segmentHighlights(length: number, highlights: readonly PlacedHighlight[]): TextSegment[] {
  const placed = highlights
    .map((h) => ({ ...h, start: Math.max(0, Math.min(h.start, length)), end: Math.max(0, Math.min(h.end, length)) }))
    .filter((h) => h.start < h.end)
    .sort((a, b) => b.rank - a.rank || b.id - a.id);
  const cuts = new Set<number>([0, length]);
  for (const h of placed) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]!;
    const end = bounds[k + 1]!;
    if (start === end) continue;
    segments.push({ start, end, highlights: placed.filter((h) => h.start <= start && h.end >= end) });
  }
  return segments;
}
