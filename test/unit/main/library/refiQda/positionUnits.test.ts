import { describe, expect, it } from 'vitest';
import { codePointOffsets, utf16Offsets } from '../../../../../main/library/refiQda/codePoints';
import { detectPositionUnit } from '../../../../../main/library/refiQda/positionUnits';
import type { QdaSelection } from '../../../../../main/library/refiQda/readProject';

const text = '𠮷野家 sells beef bowls. 😂 Customers love 𠮷野家 and its beef.';

function selection(start: number, end: number, name = ''): QdaSelection {
  return { guid: 'g', name, start, end, description: '', codes: [], notes: [], createdAt: null };
}

/** Positions of `quote` in `text` counted in code points (as the standard) and in UTF-16 units (as NVivo for Windows). */
function positions(quote: string, from = 0) {
  const at = text.indexOf(quote, from);
  const points = codePointOffsets(text);
  return { utf16: [at, at + quote.length] as const, codePoints: [points[at]!, points[at + quote.length]!] as const };
}

describe('which unit a source counts positions in', () => {
  it('maps code points and UTF-16 offsets both ways around 𠮷 and emoji', () => {
    expect(codePointOffsets('a𠮷b')).toEqual(new Uint32Array([0, 1, 1, 2, 3]));
    expect(utf16Offsets('a𠮷b')).toEqual([0, 1, 3, 4]);
  });

  it('reads code points when the selections fall on words counted so, and UTF-16 when they fall so', () => {
    const quotes = [positions('Customers love'), positions('beef.', 30), positions('its beef')];
    expect(detectPositionUnit(text, quotes.map((q) => selection(...q.codePoints)))).toBe('code-points');
    expect(detectPositionUnit(text, quotes.map((q) => selection(...q.utf16)))).toBe('utf-16');
  });

  it('a name equal to its text decides, and a text without astral characters needs no choice', () => {
    const q = positions('love 𠮷野家');
    expect(detectPositionUnit(text, [selection(...q.utf16, 'love 𠮷野家')])).toBe('utf-16');
    expect(detectPositionUnit(text, [selection(...q.codePoints, 'love 𠮷野家')])).toBe('code-points');
    expect(detectPositionUnit('plain text', [selection(0, 5)])).toBe('code-points');
  });
});
