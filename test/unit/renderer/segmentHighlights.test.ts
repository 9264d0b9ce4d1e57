import { describe, expect, it } from 'vitest';
import { segmentHighlights, type PlacedHighlight } from '../../../renderer/src/features/annotate/segmentHighlights';

const h = (id: number, start: number, end: number, rank = id): PlacedHighlight => ({
  id,
  start,
  end,
  color: 'yellow',
  rank,
});

const shape = (length: number, hs: PlacedHighlight[]) =>
  segmentHighlights(length, hs).map((s) => [s.start, s.end, s.highlights.map((x) => x.id)]);

describe('segmenting text by highlight boundaries', () => {
  it('gives one plain segment without highlights, none for empty text', () => {
    expect(shape(5, [])).toEqual([[0, 5, []]]);
    expect(shape(0, [])).toEqual([]);
  });

  it('splits at both ends of one highlight', () => {
    expect(shape(10, [h(1, 2, 5)])).toEqual([
      [0, 2, []],
      [2, 5, [1]],
      [5, 10, []],
    ]);
  });

  it('splits overlapping highlights at every boundary, most recent first', () => {
    expect(shape(10, [h(1, 1, 6), h(2, 4, 9)])).toEqual([
      [0, 1, []],
      [1, 4, [1]],
      [4, 6, [2, 1]],
      [6, 9, [2]],
      [9, 10, []],
    ]);
    // Rank, not id or input order, decides which is on top.
    expect(shape(6, [h(5, 0, 6, 1), h(3, 2, 4, 9)])[1]).toEqual([2, 4, [3, 5]]);
  });

  it('handles nested and identical ranges, and ranges touching at a point', () => {
    expect(shape(8, [h(1, 0, 8), h(2, 3, 5), h(3, 3, 5)])).toEqual([
      [0, 3, [1]],
      [3, 5, [3, 2, 1]],
      [5, 8, [1]],
    ]);
    expect(shape(6, [h(1, 0, 3), h(2, 3, 6)])).toEqual([
      [0, 3, [1]],
      [3, 6, [2]],
    ]);
  });

  it('clamps out-of-range highlights and skips empty ones', () => {
    expect(shape(4, [h(1, -2, 2), h(2, 3, 99), h(3, 2, 2)])).toEqual([
      [0, 2, [1]],
      [2, 3, []],
      [3, 4, [2]],
    ]);
  });
});
