import { indexTokens, startsCjkToken } from '../search/searchTokens';

/** Hashes of CJK characters and of words, kept apart: 中 the character never equals a word. */
const wordSeed = 0x5bd1e995;

/**
 * A growing list of unit hashes in one typed array: an import folds every paragraph it reads,
 * and a number array per paragraph (doubles, as hashes pass 2³¹) showed up in its profile.
 */
export class UnitList {
  units = new Uint32Array(1 << 12);
  length = 0;

  push(unit: number): void {
    if (this.length === this.units.length) this.grow(this.length + 1);
    this.units[this.length++] = unit;
  }

  /** Appends units [from, to) of this same list (a paragraph folded once, read twice). */
  copyWithin(from: number, to: number): void {
    if (this.length + (to - from) > this.units.length) this.grow(this.length + (to - from));
    this.units.copyWithin(this.length, from, to);
    this.length += to - from;
  }

  /** Units [from, to) of another list. */
  append(other: UnitList, from: number, to: number): void {
    if (this.length + (to - from) > this.units.length) this.grow(this.length + (to - from));
    this.units.set(other.units.subarray(from, to), this.length);
    this.length += to - from;
  }

  view(): Uint32Array {
    return this.units.subarray(0, this.length);
  }

  private grow(atLeast: number): void {
    const bigger = new Uint32Array(Math.max(atLeast, this.units.length * 2));
    bigger.set(this.units.subarray(0, this.length));
    this.units = bigger;
  }
}

/**
 * Appends the folded units of `text` (see foldedUnits) to `out`. Reads the token string in
 * place: a CJK token's unit is its first code point, a word's the hash of its units.
 */
export function appendFoldedUnits(text: string, out: UnitList): void {
  const tokens = indexTokens(text);
  const end = tokens.length;
  for (let from = 0; from < end;) {
    const cp = tokens.codePointAt(from)!;
    if (cp === 0x20) {
      from++;
      continue;
    }
    if (startsCjkToken(cp)) {
      out.push(cp);
      // A CJK token is one or two characters: its space is near.
      let to = from + (cp > 0xffff ? 2 : 1);
      while (to < end && tokens.charCodeAt(to) !== 0x20) to++;
      from = to + 1;
      continue;
    }
    // A word: FNV-1a over its UTF-16 units.
    let h = 0x811c9dc5;
    let to = from;
    for (let c = tokens.charCodeAt(to); to < end && c !== 0x20; c = tokens.charCodeAt(++to)) {
      h = Math.imul(h ^ c, 0x01000193);
    }
    out.push(((h >>> 0) ^ wordSeed) >>> 0);
    from = to + 1;
  }
}

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
  const list = new UnitList();
  for (const text of texts) appendFoldedUnits(text, list);
  return Array.from(list.view());
}
