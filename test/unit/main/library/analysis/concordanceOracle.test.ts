import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldToSimplified } from '../../../../../preload/common/foldScript';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * KWIC reads only the paragraphs the search index offers for a word: it must still find every
 * occurrence a plain scan of every paragraph's folded text finds (hidden lines out, or in).
 */
let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await openSeededLibrary();
}, 60_000);
afterAll(() => seeded.dispose());

function scan(word: string, includeHidden: boolean): string[] {
  const rows = seeded.library
    .database()
    .prepare(`SELECT id, kind, text FROM paragraph ORDER BY article_id, ord`)
    .all() as Array<{ id: number; kind: string; text: string }>;
  const folded = foldToSimplified(word);
  const found: string[] = [];
  for (const row of rows) {
    if (!includeHidden && row.kind === 'boilerplate') continue;
    const text = foldToSimplified(row.text);
    for (let at = text.indexOf(folded); at !== -1; at = text.indexOf(folded, at + folded.length)) found.push(`${row.id}:${at}`);
  }
  return found;
}

describe('keyword in context against a scan of every paragraph', () => {
  it.each(['晋江', '晉江', '警', '公安', '發展', '的', '刑警'])('finds every %s', (word) => {
    for (const includeHidden of [false, true]) {
      const expected = scan(word, includeHidden);
      expect(expected.length).toBeGreaterThan(0);
      const lines = seeded.library.analysis.concordance({ word, includeHidden }).lines;
      // The seeds fold without changing length, so folded offsets are stored offsets here.
      expect(lines.map((l) => `${l.paragraphId}:${l.start}`)).toEqual(expected);
      for (const l of lines) expect(foldToSimplified(l.match)).toBe(foldToSimplified(word));
    }
  });
});
