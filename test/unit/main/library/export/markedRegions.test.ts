import { describe, expect, it } from 'vitest';
import { trimBlankEdges, trimBlankLines } from '../../../../../main/library/export/markedRegions';

describe('trimBlankEdges', () => {
  it('cuts the blank lines at either end of a block as trimBlankLines does on its lines', () => {
    const pieces = ['', ' ', '\t', '\r', '\u3000', 'a', '> 引文', '\n', '\n', '\n', '  b  '];
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from(
        { length: Math.floor(next() * 9) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect(trimBlankEdges(text), JSON.stringify(text)).toBe(trimBlankLines(text.split('\n')).join('\n'));
    }
  });
});
