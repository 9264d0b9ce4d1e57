/**
 * The code points that start some key of a set of tries: a stage whose input holds none of
 * them changes nothing, so it can be skipped without walking its trie at every position.
 * Normalization (CJK compatibility ideographs) and the regional stages (TWVariants: 48 starting
 * characters) change nothing in nearly every paragraph, and skipping them is most of what keeps
 * a conversion cheap before V8 has optimized it.
 */

import type { DictionaryTrie } from './dictionaryTrie';

function hex(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

export class KeyStarts {
  /**
   * Per UTF-16 code unit, 1 when it may start a key. Conservative: every surrogate is marked
   * when any key starts outside the BMP, or with a surrogate, so a pair is never missed.
   */
  private readonly units = new Uint8Array(0x10000);
  private readonly firsts: readonly number[];
  /** Matches any starting code point in a string; null when some key starts with a lone surrogate. */
  private pattern: RegExp | null | undefined;

  constructor(tries: readonly DictionaryTrie[]) {
    this.firsts = [...new Set(tries.flatMap((t) => t.firstCodePoints()))].sort((a, b) => a - b);
    let surrogates = false;
    for (const cp of this.firsts) {
      if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) surrogates = true;
      else this.units[cp] = 1;
    }
    if (surrogates) this.units.fill(1, 0xd800, 0xe000);
  }

  /** Built on first use: only the normalization stages test whole strings. */
  private buildPattern(): RegExp | null {
    const firsts = this.firsts;
    // With the u flag a class matches whole code points, as the tries read them; a key starting
    // with a lone surrogate could match half a pair, so then there is no pattern.
    if (firsts.some((cp) => cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (firsts.length === 0) return /(?!)/u;
    const ranges: string[] = [];
    for (let k = 0; k < firsts.length;) {
      let last = k;
      while (last + 1 < firsts.length && firsts[last + 1] === firsts[last]! + 1) last++;
      ranges.push(last === k ? hex(firsts[k]!) : `${hex(firsts[k]!)}-${hex(firsts[last]!)}`);
      k = last + 1;
    }
    return new RegExp(`[${ranges.join('')}]`, 'u');
  }

  /** False when no code point of `text` starts a key: then no trie here changes it. */
  mayStartIn(text: string): boolean {
    if (this.pattern === undefined) this.pattern = this.buildPattern();
    return this.pattern === null || this.pattern.test(text);
  }

  /** False when no code unit of units[start, end) can start a key. */
  mayStartInUnits(units: Uint16Array, start: number, end: number): boolean {
    const starts = this.units;
    for (let i = start; i < end; i++) if (starts[units[i]!] !== 0) return true;
    return false;
  }
}
