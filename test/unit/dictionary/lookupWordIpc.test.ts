import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../main/app/createHandlers';
import type { WordLookup } from '../../../preload/contract/dictionaryTypes';
import { channelOf } from '../../../preload/contract/channels';
import { createConverter } from '../../../preload/common/createConverter';
import { annotationRows, bodyParagraphs, seedArticle, type SeededLibrary } from '../../support/seededLibrary';
import { openDictionaryDispatch } from './dictionaryDispatch';

/**
 * Issue #17: lookupWord over the contract as the page calls it, on what the reader shows in each
 * script mode; a lookup changes nothing (the no-touch rule: canonical text and anchors stay).
 */
let seeded: SeededLibrary;
let dispatch: Dispatch;
beforeAll(async () => {
  ({ seeded, dispatch } = await openDictionaryDispatch());
}, 60_000);
afterAll(() => seeded.dispose());

const call = (request: unknown) => dispatch(channelOf('lookupWord'), request);
const value = async (request: unknown) => {
  const answer = await call(request);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as WordLookup | null;
};

describe('lookupWord over the contract', () => {
  it('finds the same word in 原文, 繁體 and 臺灣(詞彙) of a Taiwan sentence', async () => {
    const stored = '他坐計程車上網際網路';
    for (const mode of ['original', 'cn', 't', 'twp'] as const) {
      const shown = createConverter('traditional', mode, 'taiwan').convert(stored).text;
      const found = (await value({ text: shown, offset: 2 }))!;
      expect(found.entries.some((e) => e.senses.some((s) => /taxi/.test(s))), `${mode}: ${shown}`).toBe(true);
      expect(found.regional.taiwanPhrases).toBe('計程車');
    }
  });

  it('takes a shorter length, answers null where no word starts, and refuses a bad call with a typed error', async () => {
    expect((await value({ text: '网际网路', offset: 0, length: 3 }))!.word).toBe('网际');
    expect(await value({ text: '，。', offset: 0 })).toBeNull();
    for (const bad of [
      { text: '', offset: 0 },
      { text: '银行', offset: 2 },
      { text: '银行', offset: -1 },
      { text: '银行', offset: 0, length: 0 },
      { text: '银行', offset: 0, path: '/etc/passwd' },
      { text: 'x'.repeat(10_001), offset: 0 },
      { text: '\ud800银行', offset: 0 },
    ]) {
      const answer = await call(bad);
      expect(answer.ok, JSON.stringify(bad).slice(0, 60)).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('invalid-argument');
    }
  });

  it('changes no stored text, anchor or annotation while looking up every place of a seed article', async () => {
    const db = seeded.library.database();
    const article = seedArticle(seeded.library, '002');
    const paragraphId = bodyParagraphs(article)[0]!.id;
    const created = await dispatch(channelOf('createHighlight'), { paragraphId, start: 2, end: 8, color: 'yellow' });
    expect(created.ok).toBe(true);
    const paragraphs = () => db.prepare('SELECT * FROM paragraph ORDER BY id').all();
    const before = { paragraphs: paragraphs(), annotations: annotationRows(db), article: seeded.library.getArticle(article.id) };
    for (const paragraph of bodyParagraphs(article).slice(0, 3)) {
      for (const mode of ['original', 'cn', 'twp', 'hk'] as const) {
        const shown = createConverter(article.script, mode, article.region).convert(paragraph.text).text;
        for (let offset = 0; offset < shown.length; offset++) await value({ text: shown, offset });
      }
    }
    expect(paragraphs()).toEqual(before.paragraphs);
    expect(annotationRows(db)).toEqual(before.annotations);
    expect(seeded.library.getArticle(article.id)).toEqual(before.article);
  }, 60_000);
});
