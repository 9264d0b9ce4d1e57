/**
 * MinHash over shingles of folded units, and the bands of the signature that the LSH index
 * stores (Broder 1997; Leskovec, Rajaraman, Ullman, Mining of Massive Datasets, ch. 3).
 *
 * A shingle is `shingleUnits` consecutive units (characters of Chinese, words of Latin). The
 * signature holds `signatureLength` least hashes over the article's shingles; the share of
 * positions two signatures agree on estimates the Jaccard similarity of their shingle sets. Cut into `bandCount` bands of `bandRows` positions, two
 * articles become candidates when any band is equal: with 20 bands of 3 rows a pair at
 * similarity 0.5 is a candidate with probability 1 - (1 - 0.5³)²⁰ ≈ 0.93, at 0.6 ≈ 0.99, at
 * 0.1 ≈ 0.02, so reposts are looked up in a few buckets and unrelated articles rarely meet.
 */

export const shingleUnits = 4;
export const bandCount = 20;
export const bandRows = 3;
export const signatureLength = bandCount * bandRows;

/** murmur3's finaliser: a bijection on 32 bits that spreads every input bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The hash of each shingle of a sequence of unit hashes, in order and with repeats; a text
 * shorter than one shingle is one shingle of all it has. One mix per shingle, over the units
 * weighted by their place: the import computes this for every article it reads.
 */
export function shingleHashes(units: ArrayLike<number>): Uint32Array {
  if (units.length === 0) return new Uint32Array(0);
  const count = Math.max(units.length - shingleUnits + 1, 1);
  const width = Math.min(shingleUnits, units.length);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0;
    for (let j = 0; j < width; j++) h = (Math.imul(h, 0x01000193) + units[i + j]!) | 0;
    hashes[i] = mix32(h >>> 0);
  }
  return hashes;
}

/** The distinct shingle hashes of a sequence of unit hashes. */
export function shingleSet(units: readonly number[]): Set<number> {
  return new Set(shingleHashes(units));
}

/**
 * How many distinct values a list of hashes holds: counted in an open-addressing table of
 * twice its size (no Set, no sort; the import counts every article's shingles).
 */
export function distinctCount(hashes: Uint32Array): number {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  const shift = 32 - Math.log2(size);
  const mask = size - 1;
  // 0 marks an empty slot, so the value 0 is counted apart.
  const table = new Uint32Array(size);
  let zero = 0;
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!;
    if (h === 0) {
      zero = 1;
      continue;
    }
    let slot = Math.imul(h, 0x9e3779b1) >>> shift;
    for (;;) {
      const held = table[slot]!;
      if (held === h) break;
      if (held === 0) {
        table[slot] = h;
        distinct++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return distinct + zero;
}

/**
 * The MinHash signature of a shingle set, by one-permutation hashing with densification (Li,
 * Owen, Zhang 2012; Shrivastava, Li 2014): each shingle is hashed once and kept in one of the
 * signature's positions if it is that position's least, instead of hashed once per position;
 * a position no shingle fell in takes the value of the next filled one, shifted by how far it
 * had to look. As good an estimate of the Jaccard similarity, at a sixtieth of the hashing.
 * An empty set gives all 0xffffffff.
 */
export function minHashSignature(shingles: Iterable<number> | Uint32Array): Uint32Array {
  const signature = new Uint32Array(signatureLength).fill(0xffffffff);
  const filled = new Uint8Array(signatureLength);
  // An import's shingles come as a typed array, read by index rather than through an iterator.
  const list = shingles instanceof Uint32Array ? shingles : Uint32Array.from(shingles);
  for (let i = 0; i < list.length; i++) {
    const h = mix32((list[i]! ^ 0x9e3779b9) >>> 0);
    const position = Math.floor((h / 0x100000000) * signatureLength);
    const value = mix32((h + 0x6d2b79f5) >>> 0);
    if (!filled[position] || value < signature[position]!) {
      signature[position] = value;
      filled[position] = 1;
    }
  }
  if (!filled.includes(1)) return signature;
  const dense = signature.slice();
  for (let i = 0; i < signatureLength; i++) {
    if (filled[i]) continue;
    let distance = 1;
    while (!filled[(i + distance) % signatureLength]) distance++;
    dense[i] = mix32((signature[(i + distance) % signatureLength]! + Math.imul(distance, 0x9e3779b1)) >>> 0);
  }
  return dense;
}

/** One bucket per band: a hash of the band's rows, as a signed 32-bit integer for SQLite. */
export function bandBuckets(signature: Uint32Array): number[] {
  const buckets: number[] = [];
  for (let b = 0; b < bandCount; b++) {
    let h = b;
    for (let r = 0; r < bandRows; r++) h = mix32(Math.imul(h, 31) + signature[b * bandRows + r]!);
    buckets.push(h | 0);
  }
  return buckets;
}

/** The share of signature positions that agree: an estimate of the shingle sets' Jaccard similarity. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < signatureLength; i++) if (a[i] === b[i]) same++;
  return same / signatureLength;
}

/** Jaccard similarity of two shingle sets: shared shingles over all shingles. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}
