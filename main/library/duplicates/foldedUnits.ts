import { indexTokens, startsCjkToken } from '../search/searchTokens';

/** FNV-1a over UTF-16 units [from, to) of a string. */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Hashes of CJK characters and of words, kept apart: 中 the character never equals a word. */
const wordSeed = 0x5bd1e995;

/**
 * The text two copies of an article share however they were stored, as search reads it
 * (search/searchTokens): folded to simplified, Latin lowercased and full-width made ASCII,
 * spaces and punctuation dropped. One unit per CJK character and per word, given as a 32-bit
 * hash (a character's is its code point, so no two characters collide), so Big5 and UTF-8
 * copies, a traditional and a simplified repost, or a copy with other line breaks and quotes
 * give the same units.
 *
 * Read from the index's own token string rather than token objects: a 20 MB file must not make
 * millions of objects. A CJK run c1..cn is tokenized c1c2 c2c3 … cn, so each CJK token's first
 * character is the run; a word is one token.
 */
export function foldedUnits(texts: Iterable<string>): number[] {
  const units: number[] = [];
  for (const text of texts) {
    const tokens = indexTokens(text);
    for (let from = 0; from < tokens.length;) {
      let to = tokens.indexOf(' ', from);
      if (to < 0) to = tokens.length;
      if (to > from) {
        const cp = tokens.codePointAt(from)!;
        units.push(startsCjkToken(cp) ? cp : (hashRange(tokens, from, to) ^ wordSeed) >>> 0);
      }
      from = to + 1;
    }
  }
  return units;
}
