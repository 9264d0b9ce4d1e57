/** How often a pair of neighbouring characters occurs in the article: its own language model. */
export interface JoinCounts {
  count(pair: string): number;
}

/**
 * Counts of the character pairs of the article. Pairs with a character of the title (every join
 * of a title piece to its neighbours) are counted in one pass; any other pair is counted when
 * first asked for, which is rare.
 */
export function countJoins(texts: readonly string[], title: string): JoinCounts {
  const slots = titleSlots(title);
  const titleJoins = countTitleJoins(texts, slots);
  const otherJoins = countOnRequest(texts);
  return {
    count(pair) {
      if (pair.length === 2) {
        const first = slots.get(pair.charCodeAt(0));
        if (first !== undefined) return titleJoins.get(first, pair.charCodeAt(1));
        const second = slots.get(pair.charCodeAt(1));
        if (second !== undefined) return titleJoins.get(-second, pair.charCodeAt(0));
      }
      return otherJoins.count(pair);
    },
  };
}

/**
 * Counts in the texts joined by line breaks, each pair when first asked for: by a search of
 * the text while few pairs were asked, then from one sorted index of all its pairs, so that a
 * long text full of title pieces (thousands of pairs to ask) is not searched once per pair.
 */
function countOnRequest(texts: readonly string[]): JoinCounts {
  let joined: string | null = null;
  let index: Uint32Array | null = null;
  const searched = new Map<string, number>();
  return {
    count(pair) {
      joined ??= texts.join('\n');
      if (pair.length === 2 && (index || searched.size >= searchesBeforeIndex)) {
        index ??= sortedPairs(joined);
        return runLength(index, pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1));
      }
      let n = searched.get(pair);
      if (n === undefined) {
        n = 0;
        for (let at = joined.indexOf(pair); at >= 0; at = joined.indexOf(pair, at + 1)) n++;
        searched.set(pair, n);
      }
      return n;
    },
  };
}

/** Searching the text once per pair beats sorting every pair of it, up to about this many pairs. */
const searchesBeforeIndex = 32;

/** Every pair of neighbouring code units of the text as a * 0x10000 + b, sorted. */
function sortedPairs(text: string): Uint32Array {
  const keys = new Uint32Array(Math.max(text.length - 1, 0));
  for (let i = 1; i < text.length; i++) keys[i - 1] = text.charCodeAt(i - 1) * 0x10000 + text.charCodeAt(i);
  return keys.sort();
}

/** How often the key occurs in sorted keys: the distance between two binary searches. */
function runLength(keys: Uint32Array, key: number): number {
  return firstAbove(keys, key) - firstAbove(keys, key - 1);
}

/** The index of the first key greater than `key`. */
function firstAbove(keys: Uint32Array, key: number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] ?? 0) <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The title's distinct code units, each with its place (1, 2, …) in order of first appearance. */
function titleSlots(title: string): Map<number, number> {
  const slots = new Map<number, number>();
  for (let i = 0; i < title.length; i++) {
    const code = title.charCodeAt(i);
    if (!slots.has(code)) slots.set(code, slots.size + 1);
  }
  return slots;
}

/**
 * Every code unit's title slot during one counting pass (0: not in the title). One table for the
 * process, filled and cleared again by each pass, so a lookup per character is an array read
 * and an article costs no table of its own.
 */
const slotOfCode = new Int32Array(0x10000);

/** The pairs (a, b) with a title character, keyed (slot of a, b) or else (-slot of b, a). */
function countTitleJoins(texts: readonly string[], slots: ReadonlyMap<number, number>): PairCounts {
  const counts = pairCounts();
  for (const [code, slot] of slots) slotOfCode[code] = slot;
  try {
    for (const text of texts) {
      for (let i = 1; i < text.length; i++) {
        const a = text.charCodeAt(i - 1);
        const b = text.charCodeAt(i);
        const first = slotOfCode[a] ?? 0;
        if (first !== 0) counts.add(first, b);
        else {
          const second = slotOfCode[b] ?? 0;
          if (second !== 0) counts.add(-second, a);
        }
      }
    }
  } finally {
    for (const code of slots.keys()) slotOfCode[code] = 0;
  }
  return counts;
}

/** Counts per (signed title slot, code unit), a key that is never (0, x). */
interface PairCounts {
  add(slot: number, code: number): void;
  get(slot: number, code: number): number;
}

/**
 * Open addressing with linear probing over typed arrays, doubling at half full. One character
 * in five or so touches the title, and a Map update costs more than all the rest of the scan.
 */
function pairCounts(): PairCounts {
  let size = 1024;
  let slots = new Int32Array(size); // 0: an empty place
  let codes = new Int32Array(size);
  let counts = new Int32Array(size);
  let used = 0;
  const placeOf = (slot: number, code: number): number => {
    let at = (Math.imul(slot, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & (size - 1);
    while (slots[at] !== 0 && (slots[at] !== slot || codes[at] !== code)) at = (at + 1) & (size - 1);
    return at;
  };
  const grow = (): void => {
    const [oldSlots, oldCodes, oldCounts] = [slots, codes, counts];
    size *= 2;
    slots = new Int32Array(size);
    codes = new Int32Array(size);
    counts = new Int32Array(size);
    for (let k = 0; k < oldSlots.length; k++) {
      const slot = oldSlots[k] ?? 0;
      if (slot === 0) continue;
      const at = placeOf(slot, oldCodes[k] ?? 0);
      slots[at] = slot;
      codes[at] = oldCodes[k] ?? 0;
      counts[at] = oldCounts[k] ?? 0;
    }
  };
  return {
    add(slot, code) {
      const at = placeOf(slot, code);
      if (slots[at] !== 0) {
        counts[at] = (counts[at] ?? 0) + 1;
        return;
      }
      slots[at] = slot;
      codes[at] = code;
      counts[at] = 1;
      if (++used * 2 > size) grow();
    },
    get(slot, code) {
      const at = placeOf(slot, code);
      return slots[at] === 0 ? 0 : (counts[at] ?? 0);
    },
  };
}
