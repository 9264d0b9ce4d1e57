import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldToSimplified } from '../../../../../preload/common/foldScript';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { parseQuery } from '../../../../../main/library/search/parseQuery';
import { indexCharacters, indexTokens, indexTokensAndCharacters, tokenSpans, tokenize } from '../../../../../main/library/search/searchTokens';
import { seedsDir } from '../../../../support/seededLibrary';

const seeds = fs
  .readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));
const hasPair = (text: string) => /[\ud800-\udbff][\udc00-\udfff]/.test(text);

describe('tokens', () => {
  it('are the bigrams of a CJK run and its last character, folded', () => {
    expect(indexTokens('晉江市')).toBe('晋江 江市 市');
    expect(indexTokens('晋')).toBe('晋');
    // Punctuation and spaces end a run; words are lowercased; full-width Latin is Latin.
    expect(indexTokens('平安晋江,背包 精神')).toBe('平安 安晋 晋江 江 背包 包 精神 神');
    expect(indexTokens('iPhone手機 ＩＣＰ備案 Hong-Kong')).toBe('iphone 手机 机 icp 备案 案 hong kong');
    // Invisible characters neither join nor split; a variation selector stays with its character.
    expect(indexTokens('晋\u200b江')).toBe('晋江 江');
    expect(indexTokens('葛\u{e0100}城')).toBe('葛城 城');
  });

  it('are what every library on disk was indexed with: a change needs a migration that re-indexes', () => {
    // The index triggers take a row out with the tokens it went in with, recomputed from the old
    // row (migration 0004). Different tokens for the same text would leave stale entries behind in
    // every existing library, so new tokens come with a migration that rebuilds the index (as
    // 0004 does), and only then a new digest here.
    const digest = createHash('sha256');
    for (const { text } of [...seeds].sort((a, b) => (a.name < b.name ? -1 : 1)))
      digest.update(`${indexTokens(text)}\n`);
    expect(digest.digest('hex')).toBe('e66fbf586f974235dae565cabf0e7f39654359d179ab5df8d598286fcc7e672e');
  });

  it('never carry ASCII punctuation, so the ascii tokenizer keeps each one whole', () => {
    for (const { text } of seeds) {
      for (const token of indexTokens(text).split(' ')) {
        expect(token).not.toBe('');
        expect(
          [...token].every((c) => c.charCodeAt(0) >= 0x80 || /[a-z0-9]/.test(c)),
          token,
        ).toBe(true);
      }
    }
  });

  it('carry ranges of the original text, also where folding changes UTF-16 length', () => {
    // 勣 (BMP) folds to 𪟝 (astral): the folded text is one unit longer than the original.
    expect(foldToSimplified('功勣').length).toBe(3);
    expect(tokenize('功勣卓著 𠀀書')).toEqual([
      { text: '功𪟝', start: 0, end: 2, firstEnd: 1, cjk: true, runEnd: false },
      { text: '𪟝卓', start: 1, end: 3, firstEnd: 2, cjk: true, runEnd: false },
      { text: '卓着', start: 2, end: 4, firstEnd: 3, cjk: true, runEnd: false },
      { text: '着', start: 3, end: 4, firstEnd: 4, cjk: true, runEnd: true },
      { text: '𠀀书', start: 5, end: 8, firstEnd: 7, cjk: true, runEnd: false },
      { text: '书', start: 7, end: 8, firstEnd: 8, cjk: true, runEnd: true },
    ]);
  });
});

describe('the scan behind both', () => {
  it('writes whole outputs, however much longer than their text they grow', () => {
    // Every character of a long CJK run folds to an astral one: five UTF-16 units out per unit in.
    const n = 30_000;
    expect(indexTokens('勣'.repeat(n))).toBe('𪟝𪟝 '.repeat(n - 1) + '𪟝');
    // A lowercase longer than its capital (İ -> i̇), in a word as long as the buffer it starts with.
    expect(indexTokens('İ'.repeat(1 << 16))).toBe('i\u0307'.repeat(1 << 16));
    expect(indexTokens('İ'.repeat(3) + ' 晉江')).toBe('i\u0307i\u0307i\u0307 晋江 江');
    // A paragraph far larger than any other (its buffer is not kept), then an ordinary one.
    const huge = '晉江'.repeat(250_000);
    expect(indexTokens(huge)).toBe('晋江 江晋 '.repeat(249_999) + '晋江 江');
    expect(indexTokens('晉江市')).toBe('晋江 江市 市');
  });

  it('gives indexTokens exactly the texts of tokenize, call after call', () => {
    const pieces = [
      '晉江',
      '市',
      ' ',
      '，',
      'iPhone',
      'ＩＣＰ',
      'İ',
      'ß',
      '\u0301',
      '\u200b',
      '𠀀',
      '勣',
      'かな',
      '한',
      'Ω',
      '12',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % pieces.length;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = k % 23; i > 0; i--) text += pieces[next()];
      expect(indexTokens(text), text).toBe(
        tokenize(text)
          .map((t) => t.text)
          .join(' '),
      );
    }
  });
});

describe('token spans (findMatches reads them for every hit of a page)', () => {
  it('are the tokens of tokenize call after call, their arrays reused, also after a paragraph too long to keep them for', () => {
    const spansOf = (text: string) => {
      const s = tokenSpans(text);
      return Array.from({ length: s.count }, (_, i) => ({
        text: String.fromCharCode(...s.units.subarray(s.from[i], s.to[i])),
        start: s.start[i],
        end: s.end[i],
        firstEnd: s.firstEnd[i],
      }));
    };
    const tokensOf = (text: string) => tokenize(text).map(({ text: t, start, end, firstEnd }) => ({ text: t, start, end, firstEnd }));
    const huge = '晉江公安，iPhone 勣𠀀。'.repeat(150_000);
    for (const text of [...seeds.map((s) => s.text), huge, '晋江', '', 'İ ß ＩＣＰ', ...seeds.map((s) => s.text.slice(0, 300))]) {
      expect(spansOf(text)).toEqual(tokensOf(text));
    }
  });
});

describe('folded offsets', () => {
  it('equal canonical offsets in every seed (no surrogate pairs, no length change)', () => {
    for (const { name, text } of seeds) {
      expect(hasPair(text), name).toBe(false);
      expect(foldToSimplified(text).length, name).toBe(text.length);
      // Every token's range holds, folded, the token's characters.
      for (const token of tokenize(text)) {
        expect(foldToSimplified(text.slice(token.start, token.end)).toLowerCase(), name).toBe(token.text);
      }
    }
  });

  it('are not canonical offsets once pairs appear, and search ranges are canonical all the same', async () => {
    const text = '𠀀字之後,功勣卓著。韓愈說:「𠀀」';
    expect(hasPair(text)).toBe(true);
    expect(foldToSimplified(text).length).not.toBe(text.length); // the assumption fails here
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-fold-'));
    const library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    try {
      const { articleId } = library.importText(text, '代理字');
      for (const [query, expected] of [
        ['功勣', ['功勣']],
        ['功𪟝卓', ['功勣卓']],
        ['卓著', ['卓著']],
        ['韩愈', ['韓愈']],
        ['𠀀', ['𠀀', '𠀀']],
      ] as const) {
        const [hit] = library.search.find(query, { articleId }).hits;
        expect(hit, query).toBeDefined();
        expect(
          hit!.matches.map((m) => hit!.text.slice(m.start, m.end)),
          query,
        ).toEqual(expected);
      }
    } finally {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('queries', () => {
  it('turn a CJK term into the phrase of its bigrams, one character into a prefix', () => {
    expect(parseQuery('晉江').match).toBe('"晋江"');
    expect(parseQuery('平安晋江').match).toBe('"平安 安晋 晋江"');
    expect(parseQuery('晋').match).toBe('"晋"*');
    expect(parseQuery('a晋').match).toBe('"a 晋"*');
  });

  it('AND the terms, keep quoted phrases whole, and drop repeats', () => {
    expect(parseQuery('晋江 刑警 晉江').match).toBe('"晋江" AND "刑警"');
    expect(parseQuery('"Hong Kong" police').match).toBe('"hong kong" AND "police"');
    expect(parseQuery('“再出发 守护”').match).toBe('"再出 出发 发 守护"');
    expect(parseQuery('「背包精神').match).toBe('"背包 包精 精神"'); // unclosed: runs to the end
  });

  it('cannot be turned into FTS5 syntax by what a person types', () => {
    for (const query of ['a OR b', 'NEAR(a b)', 'col:晋江', '晋江 AND', '^晋', '(晋江', 'x" OR "y', '晋* -江']) {
      const { match } = parseQuery(query);
      for (const term of match.split(' AND ')) expect(term).toMatch(/^"[^"\s][^"]*"\*?$/);
    }
    for (const query of ['"', '*', '""', '( )']) expect(() => parseQuery(query)).toThrow(/Type at least one/);
  });
});

describe('the character index tokens (migration 0018)', () => {
  it('are each CJK character once, folded, in order of first appearance; words, punctuation and spaces left out', () => {
    expect(indexCharacters('晉江的晋江, Jinjiang 2024 𠀀、かな')).toBe('晋 江 的 𠀀 か な');
    expect(indexCharacters('abc 123 ,.')).toBe('');
    // Each character of a paragraph's bigram tokens starts one of them: the same characters.
    for (const file of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
      const fromTokens = new Set(tokenize(text).filter((t) => t.cjk).map((t) => String.fromCodePoint(t.text.codePointAt(0)!)));
      expect(new Set(indexCharacters(text).split(' ')), file).toEqual(fromTokens);
    }
  });
});

describe('tokens and characters read at once (the import makes both for every paragraph)', () => {
  it('are indexTokens and indexCharacters of the same text, call after call', () => {
    const texts = [
      ...seeds.map((s) => s.text),
      ...seeds.flatMap((s) => s.text.split('\n')),
      '晉江的晋江, Jinjiang 2024 𠀀、かな',
      '功勣卓著 𠀀書 葛\u{e0100}城 晋\u200b江 İİ ＩＣＰ備案',
      '勣'.repeat(30_000),
      '',
      'abc 123 ,.',
      '晉江'.repeat(250_000),
      '晉江市',
    ];
    for (const text of texts) {
      expect(indexTokensAndCharacters(text)).toEqual({ tokens: indexTokens(text), characters: indexCharacters(text) });
    }
  });
});
