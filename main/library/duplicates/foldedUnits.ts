import { foldedTokenUnits, type FoldedTokenSink } from '../search/searchTokens';

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

/** Turns foldedTokenUnits' report into units: a CJK character's code point, a word's hash. */
class UnitSink implements FoldedTokenSink {
  out = new UnitList();
  /** FNV-1a over the UTF-16 units of the word being read. */
  private hash = 0x811c9dc5;

  cjk(folded: number): void {
    this.out.push(folded);
  }

  wordUnit(unit: number): void {
    this.hash = Math.imul(this.hash ^ unit, 0x01000193);
  }

  endWord(): void {
    this.out.push(((this.hash >>> 0) ^ wordSeed) >>> 0);
    this.hash = 0x811c9dc5;
  }
}

const sink = new UnitSink();

/**
 * Appends the folded units of `text` (see foldedUnits) to `out`: a CJK token's unit is its first
 * code point, a word's the hash of its units. Read as the index reads the text
 * (foldedTokenUnits), without the token string itself.
 */
export function appendFoldedUnits(text: string, out: UnitList): void {
  sink.out = out;
  foldedTokenUnits(text, sink);
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
