import { describe, expect, it } from 'vitest';
import type { WordLengths } from '../../../../../preload/common/segmentWords';
import { countItems, createWordCache } from '../../../../../main/library/analysis/countItems';

/** No dictionary words at all: a word is one only on the person's own list; counts how often it is asked. */
function noDictionary(): WordLengths & { asked: number } {
  const lengths = {
    asked: 0,
    lengthsAt: () => {
      lengths.asked++;
      return [];
    },
  };
  return lengths;
}

const paragraphs = [
  { id: 1, article_id: 1, ord: 0, text: '晋江人民。', checksum: 'a' },
  { id: 2, article_id: 2, ord: 0, text: '晉江很好。', checksum: 'b' },
];

async function wordCounts(cache: ReturnType<typeof createWordCache>, own: readonly string[]): Promise<Record<string, number>> {
  const tally = await countItems(paragraphs, 'words', cache, new Set(), own);
  return Object.fromEntries(tally.counted.map((id): [string, number] => [cache.names[id]!, tally.occurrences[id]!]));
}

describe('the words kept per paragraph and the own-word list', () => {
  it('segments again when the own-word list changes, and reads what it kept while the list is the same', async () => {
    const dictionary = noDictionary();
    const cache = createWordCache(() => dictionary);
    expect(await wordCounts(cache, [])).toEqual({ 晋: 2, 江: 2, 人: 1, 民: 1, 很: 1, 好: 1 });
    const segmented = dictionary.asked;
    expect(segmented).toBeGreaterThan(0);

    // A word added to the vocabulary: both paragraphs are read again, 晉江 folded with 晋江.
    expect(await wordCounts(cache, ['晋江'])).toEqual({ 晋江: 2, 人: 1, 民: 1, 很: 1, 好: 1 });
    expect(dictionary.asked).toBe(segmented * 2);

    // The same words again (a new list, as each count reads the vocabulary afresh): nothing is segmented.
    expect(await wordCounts(cache, ['晋江'])).toEqual({ 晋江: 2, 人: 1, 民: 1, 很: 1, 好: 1 });
    expect(dictionary.asked).toBe(segmented * 2);

    // The word removed: back to single characters.
    expect(await wordCounts(cache, [])).toEqual({ 晋: 2, 江: 2, 人: 1, 民: 1, 很: 1, 好: 1 });
  });
});

describe('the words kept in the library', () => {
  it('are read a paragraph at a time: a list of one paragraph reads its own row, once, not every row kept', async () => {
    const rows = new Map([
      ['a', '晋江 人民'],
      ['b', '晋江 很 好'],
    ]);
    const read: string[] = [];
    const store = {
      reader: () => (checksum: string) => {
        read.push(checksum);
        return rows.get(checksum);
      },
      write: () => undefined,
    };
    const dictionary = noDictionary();
    const cache = createWordCache(() => dictionary, store);
    const one = await countItems([paragraphs[1]!], 'words', cache, new Set(), []);
    expect(one.counted.map((id) => cache.names[id])).toEqual(['晋江', '很', '好']);
    expect(read).toEqual(['b']);
    await countItems(paragraphs, 'words', cache, new Set(), []);
    expect(read).toEqual(['b', 'a']);
    expect(dictionary.asked).toBe(0);
  });
});
