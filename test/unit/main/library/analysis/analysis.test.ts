import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { keyness } from '../../../../../main/library/analysis/keyness';
import { sortConcordance } from '../../../../../main/library/analysis/concordance';
import { defaultStopWords } from '../../../../../main/library/analysis/defaultStopWords';

/**
 * A library small enough to count by hand. The dictionary segments (CC-CEDICT, longest match):
 *   A1 p1 晋江经济发展很快。            晋江 | 经济发展 | 很 | 快
 *   A1 p2 晋江人民喜欢发展经济，我们的经济。 晋江 | 人民 | 喜欢 | 发展 | 经济 | 我们 | 的 | 经济
 *   A1 p3 关注晋江 www.example.com 2024 (hidden)  关注 | 晋江 (Latin and digits are noise)
 *   A2 p4 晉江的經濟發展。              晉江 | 的 | 經濟發展   (traditional: folded, 晋江 | 的 | 经济发展)
 *   A2 p5 發展是硬道理。                發展 | 是 | 硬 | 道理
 */
let dir: string;
let library: Library;
let a1: number;
let a2: number;
const p: number[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-analysis-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  a1 = library.importText('晋江经济发展很快。\n\n晋江人民喜欢发展经济，我们的经济。\n\n关注晋江 www.example.com 2024', '晋江一').articleId!;
  a2 = library.importText('晉江的經濟發展。\n\n發展是硬道理。', '晉江二').articleId!;
  for (const id of [a1, a2]) p.push(...library.getArticle(id).paragraphs.map((x) => x.id));
  if (library.getArticle(a1).paragraphs[2]!.kind !== 'boilerplate') library.reclassifyParagraph(p[2]!, 'boilerplate');
}, 60_000);
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const counts = (items: Array<{ folded: string; occurrences: number; articles: number }>) =>
  Object.fromEntries(items.map((i) => [i.folded, [i.occurrences, i.articles]]));

describe('word frequencies', () => {
  it('counts words folded across scripts, with occurrences and articles, hidden lines and Latin left out', async () => {
    const list = await library.analysis.frequencies({ keepStopWords: true });
    expect(counts(list.items)).toEqual({
      晋江: [3, 2],
      经济发展: [2, 2],
      发展: [2, 2],
      的: [2, 2],
      经济: [2, 1],
      很: [1, 1],
      快: [1, 1],
      人民: [1, 1],
      喜欢: [1, 1],
      我们: [1, 1],
      是: [1, 1],
      硬: [1, 1],
      道理: [1, 1],
    });
    expect(list).toMatchObject({ totalOccurrences: 19, distinctItems: 13, articles: 2, paragraphs: 4 });
    // Most frequent first, then by articles: 经济 (2 in one article) after the words in two.
    expect(list.items.slice(0, 5).map((i) => i.folded)).toEqual(['晋江', '发展', '的', '经济发展', '经济']);
  });

  it('reads hidden lines only when asked, and never counts their Latin or digits', async () => {
    const list = await library.analysis.frequencies({ includeHidden: true, keepStopWords: true });
    const c = counts(list.items);
    expect(c['晋江']).toEqual([4, 2]);
    expect(c['关注']).toEqual([1, 1]);
    expect(list.items.some((i) => /[a-z0-9]/i.test(i.folded))).toBe(false);
    expect(list.totalOccurrences).toBe(21);
  });

  it('leaves out the default stop words, and an edited list (folded, one undo step)', async () => {
    expect(library.analysis.stopWords()).toEqual({ words: [...defaultStopWords], isDefault: true });
    const list = await library.analysis.frequencies({});
    expect(list.items.map((i) => i.folded)).not.toContain('的');
    expect(list.totalOccurrences).toBe(19 - 5); // 的 ×2, 很, 我们, 是

    // A traditional stop word leaves out both scripts.
    expect(library.analysis.setStopWords([' 晉江 ', '晉江', ''])).toEqual({ words: ['晉江'], isDefault: false });
    const edited = counts((await library.analysis.frequencies({})).items);
    expect(edited['晋江']).toBeUndefined();
    expect(edited['的']).toEqual([2, 2]);
    expect(library.annotations.undo()).toMatchObject({ op: 'analysis.stop-words' });
    expect(library.analysis.stopWords().isDefault).toBe(true);
    expect(() => library.analysis.setStopWords(['一二三四五六七八九十一二三四五六七八九十一'])).toThrow(/longer than a stop word/);
    expect(library.analysis.stopWords().isDefault).toBe(true);
  });

  it('writes the items in the script asked for', async () => {
    const list = await library.analysis.frequencies({ script: 't', keepStopWords: true, limit: 2 });
    expect(list.items).toEqual([
      { text: '晉江', folded: '晋江', occurrences: 3, articles: 2 },
      { text: '發展', folded: '发展', occurrences: 2, articles: 2 },
    ]);
    expect(list.distinctItems).toBe(13);
  });

  it('counts character n-grams within runs of Han characters, folded', async () => {
    const bigrams = counts((await library.analysis.frequencies({ unit: 2, keepStopWords: true })).items);
    expect(bigrams['经济']).toEqual([4, 2]); // p1, p2 twice, p4
    expect(bigrams['发展']).toEqual([4, 2]); // p1, p2, p4, p5
    expect(bigrams['济我']).toBeUndefined(); // the comma separates
    const unigrams = counts((await library.analysis.frequencies({ unit: 1 })).items);
    expect(unigrams['江']).toEqual([3, 2]);
    expect(unigrams['的']).toBeUndefined(); // a stop word
    const four = counts((await library.analysis.frequencies({ unit: 4, keepStopWords: true })).items);
    expect(four['经济发展']).toEqual([2, 2]);
  });

  it('counts a subset: a tag with its subtree, or an article selection', async () => {
    library.annotations.tagParagraph(p[4]!, 'stance/硬');
    const tagged = await library.analysis.frequencies({ tag: 'stance', keepStopWords: true });
    expect(counts(tagged.items)).toEqual({ 发展: [1, 1], 是: [1, 1], 硬: [1, 1], 道理: [1, 1] });
    expect((await library.analysis.frequencies({ tag: 'no such tag' })).items).toEqual([]);
    const chosen = counts((await library.analysis.frequencies({ articleIds: [a1] })).items);
    expect(chosen['晋江']).toEqual([2, 1]);
    await expect(library.analysis.frequencies({ articleIds: [9999] })).rejects.toMatchObject({ code: 'not-found' });
    await expect(library.analysis.frequencies({ unit: 5 as never })).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('counts a paragraph again when its text changes (a re-import), not from the kept segmentation', async () => {
    const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-analysis-edit-'));
    const other = await createLibrary({ dbPath: path.join(dirB, 'library.sqlite') });
    try {
      const id = other.importText('晋江经济发展很快。', '一').articleId!;
      expect(counts((await other.analysis.frequencies({})).items)['晋江']).toEqual([1, 1]);
      other.reimportArticle(id, new TextEncoder().encode('一\n\n晋江人民发展晋江。'), 'edited.txt');
      const again = counts((await other.analysis.frequencies({})).items);
      expect(again['晋江']).toEqual([2, 1]);
      expect(again['经济发展']).toBeUndefined();
    } finally {
      other.close();
      fs.rmSync(dirB, { recursive: true, force: true });
    }
  });

  it('reports progress and ends at the whole', async () => {
    const seen: Array<[number, number]> = [];
    await library.analysis.frequencies({}, (done, total) => seen.push([done, total]));
    expect(seen.at(-1)).toEqual([4, 4]);
  });
});

describe('keyword in context', () => {
  it('finds a word in both scripts with its context and its place in the stored text', () => {
    const { lines } = library.analysis.concordance({ word: '经济', context: 2 });
    expect(lines.map((l) => [l.paragraphId, l.start, l.end, l.left, l.match, l.right])).toEqual([
      [p[0], 2, 4, '晋江', '经济', '发展'],
      [p[1], 8, 10, '发展', '经济', '，我'],
      [p[1], 14, 16, '们的', '经济', '。'],
      [p[3], 3, 5, '江的', '經濟', '發展'],
    ]);
    expect(lines[3]).toMatchObject({ articleId: a2, articleTitle: '晉江二', ord: 0 });
    expect(library.analysis.concordance({ word: '晉江' }).lines).toHaveLength(3);
    expect(library.analysis.concordance({ word: '晋江', includeHidden: true }).lines).toHaveLength(4);
    expect(library.analysis.concordance({ word: '晋江', articleIds: [a2] }).lines).toHaveLength(1);
    expect(() => library.analysis.concordance({ word: ' ' })).toThrow(/Give a word/);
  });

  it('sorts by the left context from the word outwards, or by the right, folded', () => {
    const { lines } = library.analysis.concordance({ word: '经济', context: 2 });
    const key = (l: { paragraphId: number; start: number }) => `${l.paragraphId}:${l.start}`;
    // Left, reversed: 展发 < 江晋 < 的们 < 的江 (們 and 江 after 的 by code point).
    expect(sortConcordance(lines, 'left').map(key)).toEqual([`${p[1]}:8`, `${p[0]}:2`, `${p[1]}:14`, `${p[3]}:3`]);
    // Right: ，我 (U+FF0C) sorts last; 。 (U+3002) < 发展 (folded 發展 too, then text order).
    expect(sortConcordance(lines, 'right').map(key)).toEqual([`${p[1]}:14`, `${p[0]}:2`, `${p[3]}:3`, `${p[1]}:8`]);
  });

  it('codes three lines at once as one undo step', () => {
    const db = library.database();
    const journal = () => db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
    const highlights = () => db.prepare('SELECT count(*) FROM highlight').pluck().get() as number;
    const before = [journal(), highlights()];
    const { lines } = library.analysis.concordance({ word: '经济' });
    const chosen = [lines[0]!, lines[1]!, lines[3]!];
    const result = library.analysis.codeConcordanceLines(chosen, 'topics/经济');
    expect(result).toEqual({ paragraphs: 3, highlights: 3, articleIds: [a1, a2] });
    expect(journal()).toBe(before[0]! + 1);
    const passages = library.annotations.listTaggedPassages('topics');
    expect(passages.map((x) => x.highlight?.quote).sort()).toEqual(['經濟', '经济', '经济']);
    // Coding them again changes nothing.
    expect(library.analysis.codeConcordanceLines(chosen, 'topics/经济').highlights).toBe(0);
    expect(library.annotations.undo()).toMatchObject({ op: 'analysis.code-kwic' });
    expect(highlights()).toBe(before[1]);
    expect(() => library.analysis.codeConcordanceLines([{ paragraphId: p[0]!, start: 5, end: 99 }], 'x')).toThrow(/not a place/);
    expect(journal()).toBe(before[0]! + 1);
  });
});

describe('keyness', () => {
  it('computes G2 and %DIFF as by hand', () => {
    // a=10, b=5, c=100, d=200: E1 = 100·15/300 = 5, E2 = 10; G2 = 2(10 ln 2 + 5 ln ½) = 10 ln 2.
    const k = keyness(10, 5, 100, 200);
    expect(k.logLikelihood).toBeCloseTo(10 * Math.log(2), 10);
    expect(k.logLikelihood).toBeCloseTo(6.931472, 6);
    expect(k.percentDiff).toBeCloseTo(300, 10); // (0.1 − 0.025) / 0.025
    expect(k.direction).toBe('over');
    expect(keyness(3, 0, 10, 10).percentDiff).toBeNull();
    expect(keyness(0, 4, 10, 10)).toMatchObject({ percentDiff: -100, direction: 'under' });
  });

  it('reads a subset against the rest of the library', async () => {
    // Stop words out: A2 counts 晋江 经济发展 发展 硬 道理 (5); A1 晋江 经济发展 快 晋江 人民 喜欢 发展 经济 经济 (9).
    const result = await library.analysis.keyness({ subset: { articleIds: [a2] }, minOccurrences: 1 });
    expect(result).toMatchObject({ subsetOccurrences: 5, restOccurrences: 9 });
    const develop = result.items.find((i) => i.folded === '发展')!;
    // a=1, b=1: E1 = 5·2/14, E2 = 9·2/14; G2 = 2(ln(14/10) + ln(14/18)) = 0.1703157; %DIFF = (1/5 − 1/9)/(1/9) = 80.
    expect(develop).toMatchObject({ subset: 1, rest: 1, direction: 'over' });
    expect(develop.logLikelihood).toBeCloseTo(0.1703157, 6);
    expect(develop.percentDiff).toBeCloseTo(80, 10);
    expect(result.items[0]!.logLikelihood).toBeGreaterThanOrEqual(result.items.at(-1)!.logLikelihood);
    await expect(library.analysis.keyness({ subset: {} })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('an attribute subset', () => {
  // 晋江一 is outlet 官方, 晉江二 outlet 市场; only 晋江一 has a year (2024).
  beforeAll(() => {
    const outlet = library.attributes.defineAttribute({ name: 'Outlet', kind: 'text' });
    library.attributes.setAttributeValue([a1], outlet.id, '官方');
    library.attributes.setAttributeValue([a2], outlet.id, '市场');
    const year = library.attributes.defineAttribute({ name: 'year', kind: 'number' });
    library.attributes.setAttributeValue([a1], year.id, '2024');
    const source = library.attributes.defineAttribute({ name: '来源', kind: 'text' });
    library.attributes.setAttributeValue([a2], source.id, '报纸');
  });

  it('counts only the articles whose attribute has the value', async () => {
    const market = await library.analysis.frequencies({ attribute: { name: 'Outlet', value: '市场' }, keepStopWords: true });
    // 晉江二 alone: 晉江 的 經濟發展 | 發展 是 硬 道理, folded.
    expect(counts(market.items)).toEqual({
      晋江: [1, 1],
      的: [1, 1],
      经济发展: [1, 1],
      发展: [1, 1],
      是: [1, 1],
      硬: [1, 1],
      道理: [1, 1],
    });
    expect(market).toMatchObject({ totalOccurrences: 7, articles: 1, paragraphs: 2 });
    // The name in any case, a number in any form it is set in.
    const official = await library.analysis.frequencies({ attribute: { name: 'outlet', value: '官方' } });
    expect(counts(official.items)['晋江']).toEqual([2, 1]);
    const year = await library.analysis.frequencies({ attribute: { name: 'year', value: '2,024' } });
    expect(year.totalOccurrences).toBe(official.totalOccurrences);
    // The name in the other script, as the attributes module matches a name.
    const source = await library.analysis.frequencies({ attribute: { name: '來源', value: '报纸' }, keepStopWords: true });
    expect(source.totalOccurrences).toBe(market.totalOccurrences);
    expect(library.analysis.concordance({ word: '晋江', attribute: { name: 'Outlet', value: '市场' } }).lines).toHaveLength(1);
    expect((await library.analysis.frequencies({ attribute: { name: 'Outlet', value: '无' } })).items).toEqual([]);
    await expect(library.analysis.frequencies({ attribute: { name: 'no such', value: 'x' } })).rejects.toMatchObject({ code: 'not-found' });
    await expect(library.analysis.frequencies({ attribute: { name: 'year', value: 'soon' } })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('reads one value against the rest of the library', async () => {
    // Stop words out: 官方 (晋江一) counts 9, the rest (晉江二) 5. 晋江: a=2, b=1; E1 = 9·3/14, E2 = 5·3/14;
    // G2 = 2(2 ln(28/27) + ln(14/15)) = 0.0074848; %DIFF = (2/9 − 1/5)/(1/5) = 11.1111.
    const result = await library.analysis.keyness({ subset: { attribute: { name: 'Outlet', value: '官方' } }, minOccurrences: 1 });
    expect(result).toMatchObject({ subsetOccurrences: 9, restOccurrences: 5 });
    const jinjiang = result.items.find((i) => i.folded === '晋江')!;
    expect(jinjiang).toMatchObject({ subset: 2, rest: 1, direction: 'over' });
    expect(jinjiang.logLikelihood).toBeCloseTo(0.0074848, 6);
    expect(jinjiang.percentDiff).toBeCloseTo(100 / 9, 8);
    // The other value against the rest is the article selection's figures.
    const market = await library.analysis.keyness({ subset: { attribute: { name: 'Outlet', value: '市场' } }, minOccurrences: 1 });
    expect(market).toMatchObject({ subsetOccurrences: 5, restOccurrences: 9 });
    expect(market.items.find((i) => i.folded === '发展')!.logLikelihood).toBeCloseTo(0.1703157, 6);
  });
});
