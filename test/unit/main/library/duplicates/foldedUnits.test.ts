import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldedUnits } from '../../../../../main/library/duplicates/foldedUnits';
import { indexTokens, startsCjkToken } from '../../../../../main/library/search/searchTokens';

/**
 * The units as they were first read, from the index's token string: a CJK token's first code
 * point, FNV-1a of a word's UTF-16 units. Libraries hold fingerprints made this way, so a file
 * imported today must fold to the very same units to be found a duplicate of them.
 */
function unitsFromTokenString(texts: readonly string[]): number[] {
  const units: number[] = [];
  for (const text of texts) {
    for (const token of indexTokens(text).split(' ')) {
      if (token === '') continue;
      const first = token.codePointAt(0)!;
      if (startsCjkToken(first)) {
        units.push(first);
        continue;
      }
      let h = 0x811c9dc5;
      for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
      units.push(((h >>> 0) ^ 0x5bd1e995) >>> 0);
    }
  }
  return units;
}

const repo = path.resolve(__dirname, '../../../../..');
const corpus = path.resolve(repo, '../shared/corpus/articles');

describe('foldedUnits', () => {
  it.each([
    ['scripts, widths and case', '晉江市公安局 刑偵大隊，在２０１９年破獲了ＡＢＣ案件! iPhone手機 Hong-Kong'],
    ['marks join a word, not a CJK run; invisible characters neither join nor split', 'cafe\u0301 ne\u200bw 晋\u200b江 葛\u{e0100}城 a\u0301\u0301b'],
    ['a mark after an invisible character inside a word', 'ab\u200b\u0301cd'],
    ['astral characters and folds that change width', '𠀀𠀁 勣勣 𝐀𝐁c 😀x'],
    ['lowercase longer than its letter, and lone surrogates', 'İstanbul ß \ud800ab\udc00中'],
    ['kana, hangul and digits between CJK', 'ひらがなカタカナ한국어 第3章第十二节'],
    ['empty and spaces only', ''],
  ])('are the index tokens read back: %s', (_name, text) => {
    expect(foldedUnits([text, ` ${text} `])).toEqual(unitsFromTokenString([text, ` ${text} `]));
  });

  const sameUnits = (files: readonly string[]) => {
    for (const file of files) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      expect(foldedUnits(lines), file).toEqual(unitsFromTokenString(lines));
    }
  };

  it('are the index tokens read back on the seeds', () => {
    const seeds = path.join(repo, 'seeds');
    sameUnits(fs.readdirSync(seeds).map((f) => path.join(seeds, f)));
  });

  it.skipIf(!fs.existsSync(corpus))('are the index tokens read back on every file of ../shared/corpus/articles', () => {
    sameUnits(fs.readdirSync(corpus).map((f) => path.join(corpus, f)));
  });
});
