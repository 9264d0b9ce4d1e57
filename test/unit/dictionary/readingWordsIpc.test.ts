import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../main/app/createHandlers';
import { channelOf } from '../../../preload/contract/channels';
import type { ReadingWord } from '../../../preload/contract/readingTypes';
import { annotationRows, seedArticle, type SeededLibrary } from '../../support/seededLibrary';
import { openDictionaryDispatch } from './dictionaryDispatch';

/**
 * Issue #17 item 3: readingWords over the contract as the reader calls it: each text's words with
 * their readings, the vocabulary's words marked as the ones the person is learning, nothing changed.
 */
let seeded: SeededLibrary;
let dispatch: Dispatch;
beforeAll(async () => {
  ({ seeded, dispatch } = await openDictionaryDispatch());
}, 60_000);
afterAll(() => seeded.dispose());

const call = (request: unknown) => dispatch(channelOf('readingWords'), request);
async function read(texts: string[]): Promise<ReadingWord[][]> {
  const answer = await call({ texts });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as ReadingWord[][];
}

describe('readingWords over the contract', () => {
  it('answers each text its words and readings, and marks the words in the vocabulary once one is added', async () => {
    const texts = ['银行行长说重庆很重要。', 'A股，3%'];
    const [first, second] = await read(texts);
    expect(first!.map((w) => [texts[0]!.slice(w.start, w.end), w.reading, w.unknown])).toEqual([
      ['银行', 'yin2 hang2', false],
      ['行长', 'hang2 zhang3', false],
      ['说', 'shuo1', false],
      ['重庆', 'chong2 qing4', false],
      ['很', 'hen3', false],
      ['重要', 'zhong4 yao4', false],
    ]);
    expect(second).toEqual([{ start: 1, end: 2, reading: 'gu3', unknown: false }]);

    // A word saved from a traditional seed paragraph (傳承) is then marked where it is read in simplified (传承).
    const paragraph = seedArticle(seeded.library, '002').paragraphs.find((p) => p.text.includes('傳承'))!;
    const start = paragraph.text.indexOf('傳承');
    seeded.library.vocabulary.addVocabulary({ paragraphId: paragraph.id, start, end: start + 2, word: '傳承' });
    const [marked] = await read(['精神传承二十六年。']);
    expect(marked!.filter((w) => w.unknown).map((w) => [w.start, w.end])).toEqual([[2, 4]]);
  });

  it('changes nothing, and refuses a bad call with a typed error', async () => {
    const db = seeded.library.database();
    const before = annotationRows(db);
    const article = seedArticle(seeded.library, '002');
    await read(article.paragraphs.map((p) => p.text).filter((t) => t.length > 0).slice(0, 50));
    expect(annotationRows(db)).toEqual(before);
    expect(seedArticle(seeded.library, '002').paragraphs).toEqual(article.paragraphs);
    for (const bad of [
      {},
      { texts: [] },
      { texts: ['x'.repeat(10_001)] },
      { texts: Array.from({ length: 7 }, () => 'x'.repeat(10_000)) },
      { texts: ['\ud800银行'] },
      { texts: ['银行'], path: '/etc/passwd' },
    ]) {
      const answer = await call(bad);
      expect(answer.ok, JSON.stringify(bad).slice(0, 60)).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('invalid-argument');
    }
  });
});
