import { describe, expect, it } from 'vitest';
import { foldedUnits } from '../../../../../main/library/duplicates/foldedUnits';
import {
  bandBuckets,
  bandCount,
  distinctCount,
  estimatedSimilarity,
  jaccard,
  minHashSignature,
  shingleSet,
} from '../../../../../main/library/duplicates/minHash';

/** Two sets of `size` distinct numbers sharing `shared` of them. */
function overlapping(size: number, shared: number, seed: number): [Set<number>, Set<number>] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const common = Array.from({ length: shared }, next);
  const a = new Set([...common, ...Array.from({ length: size - shared }, next)]);
  const b = new Set([...common, ...Array.from({ length: size - shared }, next)]);
  return [a, b];
}

describe('MinHash signatures', () => {
  it('estimate the Jaccard similarity of two shingle sets to within 0.15, from unrelated to all but equal', () => {
    for (const [shared, seed] of [
      [0, 1],
      [300, 2],
      [700, 3],
      [1000, 4],
      [1400, 5],
      [1900, 6],
    ] as const) {
      const [a, b] = overlapping(2000, shared, seed);
      const exact = jaccard(a, b);
      expect(
        Math.abs(estimatedSimilarity(minHashSignature(a), minHashSignature(b)) - exact),
        `J=${exact}`,
      ).toBeLessThan(0.15);
    }
  });

  it('put equal texts in every same bucket, and unrelated ones in none', () => {
    const [a, b] = overlapping(2000, 0, 7);
    const same = bandBuckets(minHashSignature(a));
    expect(bandBuckets(minHashSignature(new Set(a)))).toEqual(same);
    expect(same).toHaveLength(bandCount);
    const other = bandBuckets(minHashSignature(b));
    expect(same.filter((bucket, band) => other[band] === bucket)).toEqual([]);
  });

  it('read folded text: the same passage in traditional, full-width and other punctuation has the same shingles', () => {
    const simplified = shingleSet(foldedUnits(['晋江市公安局刑侦大队，在2019年破获了ABC案件。']));
    const traditional = shingleSet(foldedUnits(['晉江市公安局 刑偵大隊 在２０１９年破獲了ａｂｃ案件！']));
    expect(jaccard(simplified, traditional)).toBe(1);
  });
});

describe('distinctCount', () => {
  it('counts the distinct hashes of a list as a Set does, repeats, 0 and 0xffffffff included', () => {
    let state = 7;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    for (const size of [0, 1, 5, 100, 4097]) {
      // Drawn from a small pool so most values repeat, with the table's empty marker among them.
      const pool = [0, 0xffffffff, ...Array.from({ length: Math.max(1, size >> 2) }, next)];
      const hashes = Uint32Array.from({ length: size }, () => pool[next() % pool.length]!);
      expect(distinctCount(hashes)).toBe(new Set(hashes).size);
    }
  });
});
