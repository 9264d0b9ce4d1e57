import { describe, expect, it } from 'vitest';
import type { RubyWord } from '../../../preload/common/readingAids';
import { segmentHighlights } from '../../../renderer/src/features/annotate/segmentHighlights';
import { rubyGroups } from '../../../renderer/src/features/reading/rubyPieces';

/**
 * Issue #17 item 3, the no-touch rule in the reader's DOM: ruby words and highlights cut the
 * shown text into pieces that cover it once, in order, so the text nodes are the shown text and
 * a selection's offsets (and so every anchor made from one) are the same with readings on or off.
 */
const text = '他坐計程車去銀行，行長說重慶很重要。';
const word = (start: number, end: number, reading: string): RubyWord => ({ start, end, reading });
const rubies = [word(2, 5, 'jì chéng chē'), word(6, 8, 'yín háng'), word(9, 11, 'háng zhǎng')];

function shown(groups: ReturnType<typeof rubyGroups>): string {
  return groups.map((g) => g.pieces.map((p) => text.slice(p.start, p.end)).join('')).join('');
}

describe('ruby pieces', () => {
  it('puts each word in one group and leaves the rest as it is', () => {
    const groups = rubyGroups(segmentHighlights(text.length, []), rubies);
    expect(shown(groups)).toBe(text);
    expect(groups.map((g) => [g.ruby?.reading ?? null, g.pieces.map((p) => text.slice(p.start, p.end)).join('')])).toEqual([
      [null, '他坐'],
      ['jì chéng chē', '計程車'],
      [null, '去'],
      ['yín háng', '銀行'],
      [null, '，'],
      ['háng zhǎng', '行長'],
      [null, '說重慶很重要。'],
    ]);
  });

  it('splits a highlight crossing word ends into pieces under each word, covering the same characters', () => {
    const highlight = { id: 7, start: 3, end: 10, color: 'yellow' as const, rank: 1 };
    const groups = rubyGroups(segmentHighlights(text.length, [highlight]), rubies);
    expect(shown(groups)).toBe(text);
    const marked = groups.flatMap((g) => g.pieces.filter((p) => p.segment.highlights[0]?.id === 7));
    expect(marked.map((p) => text.slice(p.start, p.end)).join('')).toBe(text.slice(3, 10));
    expect(marked[0]!.start).toBe(3);
    expect(marked.at(-1)!.end).toBe(10);
  });

  it('draws nothing over an empty list and keeps the text whole', () => {
    expect(shown(rubyGroups(segmentHighlights(text.length, []), []))).toBe(text);
  });
});
