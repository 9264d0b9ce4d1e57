import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../../../main/library/analysis/createAnalysis';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { openDictionary } from '../../../../../main/library/dictionary/openDictionary';
import type { PackedDictionary } from '../../../../../main/library/dictionary/packedDictionary';

/**
 * Issue #18 item 5 (speed): a frequency list keeps each paragraph's words in the library
 * (migration 0023), so the first list of a later process does not segment the library again;
 * paragraphs with the same text share one entry; an edited paragraph, or a changed own-word
 * list, is segmented again.
 */
let dir: string;
let library: Library;

/** The bundled dictionary, counting the places it is asked about. */
function countingDictionary(): { packed: PackedDictionary; asked: () => number } {
  const packed = openDictionary().packed;
  let asked = 0;
  return {
    packed: {
      ...packed,
      find: (headword: string) => {
        asked++;
        return packed.find(headword);
      },
    },
    asked: () => asked,
  };
}

const counts = (items: Array<{ folded: string; occurrences: number }>) => Object.fromEntries(items.map((i) => [i.folded, i.occurrences]));
const kept = () => library.database().prepare('SELECT COUNT(*) FROM word_segmentation').pluck().get() as number;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-kept-words-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  library.importText('晋江经济发展很快。\n\n人民喜欢发展经济。\n\n关注晋江', '晋江一');
  // The same paragraph again in another article (a repost's line): one entry for both.
  library.importText('人民喜欢发展经济。\n\n發展是硬道理。', '晉江二');
}, 60_000);
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('words kept in the library', () => {
  it('are read by a later process instead of segmenting again, with the same list', async () => {
    const first = await library.analysis.frequencies({ keepStopWords: true, includeHidden: true });
    const paragraphs = library.database().prepare('SELECT COUNT(*) FROM paragraph').pluck().get() as number;
    const distinct = library.database().prepare('SELECT COUNT(DISTINCT checksum) FROM paragraph').pluck().get() as number;
    expect(distinct).toBeLessThan(paragraphs);
    expect(kept()).toBe(distinct);

    const dictionary = countingDictionary();
    const later = createAnalysis(library.database(), () => new Date().toISOString(), { dictionary: () => dictionary.packed });
    const again = await later.frequencies({ keepStopWords: true, includeHidden: true });
    expect(again).toEqual(first);
    expect(dictionary.asked()).toBe(0);

    // One paragraph changes (hidden now: its kind is in its checksum): only it is segmented again.
    const p = library.getArticle(1).paragraphs.find((x) => x.text === '关注晋江')!;
    library.reclassifyParagraph(p.id, p.kind === 'boilerplate' ? 'body' : 'boilerplate');
    const third = createAnalysis(library.database(), () => new Date().toISOString(), { dictionary: () => dictionary.packed });
    expect(counts((await third.frequencies({ keepStopWords: true, includeHidden: true })).items)).toEqual(counts(first.items));
    expect(dictionary.asked()).toBeGreaterThan(0);
    expect(dictionary.asked()).toBeLessThan(20);
    expect(kept()).toBe(distinct); // the old checksum's row is gone
  });

  it('are segmented again when the own-word list changes', async () => {
    expect(counts((await library.analysis.frequencies({ keepStopWords: true })).items)['硬道理']).toBeUndefined();
    library.vocabulary.addVocabulary({ word: '硬道理', paragraphId: library.getArticle(2).paragraphs.at(-1)!.id, start: 3, end: 6 });
    const list = await library.analysis.frequencies({ keepStopWords: true });
    expect(counts(list.items)['硬道理']).toBe(1);
    // Only the new version's rows stay once a list has read them.
    const dictionary = countingDictionary();
    const later = createAnalysis(library.database(), () => new Date().toISOString(), { dictionary: () => dictionary.packed });
    expect(counts((await later.frequencies({ keepStopWords: true })).items)['硬道理']).toBe(1);
    expect(dictionary.asked()).toBe(0);
    expect(library.database().prepare('SELECT COUNT(DISTINCT version) FROM word_segmentation').pluck().get()).toBe(1);
  });

  it('count an own word with a space in it as one word in a later process too', async () => {
    const { articleId } = library.importText('新款苹果 手机很好。', '手机');
    const paragraph = library.getArticle(articleId!).paragraphs.at(-1)!;
    const start = paragraph.text.indexOf('苹果 手机');
    library.vocabulary.addVocabulary({ word: '苹果 手机', paragraphId: paragraph.id, start, end: start + 5 });
    const first = counts((await library.analysis.frequencies({ keepStopWords: true })).items);
    expect(first['苹果 手机']).toBe(1);
    const later = createAnalysis(library.database(), () => new Date().toISOString(), { dictionary: () => openDictionary().packed });
    expect(counts((await later.frequencies({ keepStopWords: true })).items)).toEqual(first);
  });
});
