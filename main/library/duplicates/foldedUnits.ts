import { tokenize } from '../search/searchTokens';

/**
 * The text two copies of an article share however they were stored, as search reads it
 * (search/searchTokens): folded to simplified, Latin lowercased and full-width made ASCII,
 * spaces and punctuation dropped. One unit per CJK character and per word, so Big5 and UTF-8
 * copies, a traditional and a simplified repost, or a copy with other line breaks and quotes
 * give the same units.
 */
export function foldedUnits(texts: Iterable<string>): string[] {
  const units: string[] = [];
  for (const text of texts) {
    for (const token of tokenize(text)) {
      // A CJK run c1..cn is tokenized c1c2 c2c3 … cn: each token's first character is the run.
      units.push(token.cjk ? String.fromCodePoint(token.text.codePointAt(0) ?? 0) : token.text);
    }
  }
  return units;
}
