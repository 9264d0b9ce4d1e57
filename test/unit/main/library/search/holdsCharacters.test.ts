import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsCharacters, indexCharacters } from '../../../../../main/library/search/searchTokens';

/** The seeds' lines, and texts with what folding and the character index treat specially. */
const seedsDir = path.resolve(__dirname, '../../../../../seeds');
const texts = [
  ...fs
    .readdirSync(seedsDir)
    .slice(0, 12)
    .flatMap((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8').split('\n'))
    .filter((line) => line.trim() !== ''),
  '晉江市公安局「警務」',
  '𪟝 and 勣, a\u0301 e\u200b警',
  '',
];

const cp = (c: string) => c.codePointAt(0) ?? 0;

describe('holdsCharacters', () => {
  it('says a text holds a character exactly when its row of the character index lists it', () => {
    let compared = 0;
    for (const text of texts) {
      const listed = indexCharacters(text).split(' ').filter((c) => c !== '');
      const candidates = new Set([...listed, '警', '晋', '的', '𪟝', 'a', '龘']);
      for (const c of candidates) {
        expect(holdsCharacters(text, [[cp(c)]]), `${c} in ${text.slice(0, 40)}`).toBe(listed.includes(c));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('needs every term, and any one of a term’s forms', () => {
    const text = '晉江市公安局';
    expect(holdsCharacters(text, [[cp('晋')], [cp('公')]])).toBe(true);
    expect(holdsCharacters(text, [[cp('晋')], [cp('警')]])).toBe(false);
    expect(holdsCharacters(text, [[cp('警'), cp('局')]])).toBe(true);
    expect(holdsCharacters(text, [])).toBe(true);
  });
});
