import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDictionary, type OpenedDictionary } from '../../../main/library/dictionary/openDictionary';
import { segmentWords, wordsOf, type WordLengths } from '../../../preload/common/segmentWords';

/** Issue #17 item 5: longest-match segmentation over CC-CEDICT, checked on sentences of the bundled seeds by hand. */
let dictionary: OpenedDictionary;
beforeAll(() => {
  dictionary = openDictionary(null);
}, 60_000);

const seeds = path.resolve(__dirname, '../../../seeds');

/** The sentence of a seed that starts with `opening`, up to its sentence-ending punctuation. */
function seedSentence(file: string, opening: string): string {
  const text = fs.readFileSync(path.join(seeds, file), 'utf8');
  const at = text.indexOf(opening);
  expect(at, `${file} holds "${opening}"`).toBeGreaterThanOrEqual(0);
  const end = text.slice(at).search(/[。；;！？]/);
  return text.slice(at, end < 0 ? undefined : at + end);
}

describe('segmentation of seed sentences', () => {
  it('reads a mainland news sentence word by word', () => {
    const sentence = seedSentence('001_a93c50df4467935a.txt', '街头巷尾');
    expect(wordsOf(sentence, dictionary).join('|')).toBe(
      '街头巷尾|巡逻|民警|与|义警|队员|的|身影|穿梭|不息|定格|成|群众|心中|最|安心|的|风景',
    );
  });

  it('reads a traditional (Hong Kong style) sentence, 著 and 即時 apart', () => {
    const sentence = seedSentence('002_38ec194fd46b2b30.txt', '老背包上');
    expect(wordsOf(sentence, dictionary).join('|')).toBe(
      '老|背包|上|的|補丁|凝固|著|風餐露宿|的|堅韌|新|背包|的|電子|屏|閃爍|著|即時|更新|的|群眾|訴求',
    );
  });

  it('keeps a number with its unit, a number alone, and takes the person\'s own words', () => {
    const sentence = seedSentence('004_4c9d1322342f8b93.txt', '33年初心不改');
    const words = wordsOf(sentence, dictionary, ['心系', '为民']);
    expect(words.join('|')).toBe(
      '33年|初心|不|改|漳州|110|这|支|队伍|全息|作战|日夜|穿梭|在|漳州|市区|的|大街小巷|心系|群众|热心|为民|排忧解难|永|做|人民|的|保护神',
    );
    // Without the own list, CC-CEDICT has neither word.
    expect(wordsOf(sentence, dictionary)).toContain('系');
  });

  it('reads words of either script and of Taiwan phrases, and runs of Latin letters', () => {
    expect(wordsOf('深圳市南山区的银行行长坐計程車去網際網路公司，买了3个iPhone。', dictionary).join('|')).toBe(
      '深圳市|南山区|的|银行|行长|坐|計程車|去|網際網路|公司|买|了|3个|iPhone',
    );
  });

  it('covers the text with its pieces, separators included, and names what each is', () => {
    const text = '“漳州110”就是一面旗帜。Hello 世界';
    const segments = segmentWords(text, dictionary);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(segments.map((s) => `${s.text}:${s.kind}`)).toEqual([
      '“:separator',
      '漳州:word',
      '110:word',
      '”:separator',
      '就是:word',
      '一面:word',
      '旗帜:word',
      '。:separator',
      'Hello:other',
      ' :separator',
      '世界:word',
    ]);
  });

  it('never splits a run of letters for a word that covers part of it', () => {
    const lengths: WordLengths = { lengthsAt: (text, at) => (text.startsWith('3C', at) ? [2] : []) };
    expect(wordsOf('3Com的3C', lengths)).toEqual(['3Com', '的', '3C']);
    expect(segmentWords('的', lengths)).toEqual([{ start: 0, end: 1, text: '的', kind: 'single' }]);
  });
});
