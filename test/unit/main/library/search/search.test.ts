import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldToSimplified } from '../../../../../preload/common/foldScript';
import type { SearchHit } from '../../../../../preload/contract/api';
import type { Library } from '../../../../../main/library/createLibrary';
import { LibraryError } from '../../../../../main/library/libraryError';
import { registerChecksumFunction } from '../../../../../main/library/store/contentHashes';
import { openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { bruteForce, hitKey } from './searchOracle';

let seeded: SeededLibrary;
let library: Library;
beforeAll(async () => {
  seeded = await openSeededLibrary();
  library = seeded.library;
});
afterAll(() => seeded.dispose());

const all = (query: string, options: Parameters<Library['search']['find']>[1] = {}) =>
  library.search.find(query, { limit: 500, ...options });
const keys = (hits: readonly SearchHit[]) => new Set(hits.map(hitKey));
const matchedTexts = (hit: SearchHit) => hit.matches.map((m) => hit.text.slice(m.start, m.end));

describe('search folds scripts', () => {
  it('晋江 finds 晉江 in seed 002 (traditional) and 晋江 in seed 000, whichever script is typed', () => {
    const seed000 = seedArticle(library, '000').id;
    const seed002 = seedArticle(library, '002').id;
    for (const query of ['晋江', '晉江']) {
      const { hits } = all(query);
      const in002 = hits.filter((h) => h.articleId === seed002);
      const in000 = hits.filter((h) => h.articleId === seed000);
      expect(in002.length).toBeGreaterThan(0);
      expect(in000.length).toBeGreaterThan(0);
      expect(in002.flatMap(matchedTexts).every((t) => t === '晉江')).toBe(true);
      expect(in000.flatMap(matchedTexts).every((t) => t === '晋江')).toBe(true);
    }
    expect(keys(all('晋江').hits)).toEqual(keys(all('晉江').hits));
  });

  it.each(['晋江', '公安局', '背包精神', '發展', '民警', '晉江刑警'])(
    'finds exactly the paragraphs whose folded text contains %s',
    (query) => {
      const result = all(query);
      expect(keys(result.hits)).toEqual(bruteForce(library.database(), [query]));
      expect(result.total).toBe(result.hits.length);
    },
  );

  it('a one-character query finds every occurrence of the character, in either script', () => {
    for (const query of ['晉', '晋', '警']) {
      const { hits } = all(query);
      expect(keys(hits)).toEqual(bruteForce(library.database(), [query]));
      const wanted = foldToSimplified(query);
      for (const hit of hits) {
        const occurrences = [...foldToSimplified(hit.text)].filter((c) => c === wanted).length;
        expect(hit.matches).toHaveLength(occurrences);
        expect(matchedTexts(hit).every((t) => foldToSimplified(t) === wanted)).toBe(true);
      }
    }
  });

  it('a two-character query matches the pair, not the characters apart', () => {
    const { hits } = all('平安');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => foldToSimplified(h.text).includes('平安'))).toBe(true);
    expect(hits.flatMap(matchedTexts).every((t) => t === '平安')).toBe(true);
  });

  it('發, 髮 and 发 all meet', () => {
    const { articleId } = library.importText('髮型師說:他的頭髮已經白了。\n\n經濟發展很快。\n\n我们发现了新问题。', '发的测试');
    const expected = library.getArticle(articleId!).paragraphs.filter((p) => /[發髮发]/.test(p.text));
    expect(expected).toHaveLength(3);
    for (const query of ['发', '發', '髮']) {
      const { hits } = all(query, { articleId });
      expect(new Set(hits.map((h) => h.paragraphId)), query).toEqual(new Set(expected.map((p) => p.id)));
    }
    expect(all('頭发', { articleId }).hits.flatMap(matchedTexts)).toEqual(['頭髮']);
  });
});

describe('search queries', () => {
  it('several terms must all match, in any order', () => {
    const result = all('刑警 晋江');
    expect(keys(result.hits)).toEqual(bruteForce(library.database(), ['晋江', '刑警']));
    for (const hit of result.hits) {
      const texts = matchedTexts(hit).map(foldToSimplified);
      expect(texts).toContain('晋江');
      expect(texts).toContain('刑警');
    }
    expect(all('晋江 不存在的词').total).toBe(0);
  });

  it('a quoted phrase must appear as written; unquoted, its words may be apart', () => {
    const quoted = all('"平安晋江"');
    expect(keys(quoted.hits)).toEqual(bruteForce(library.database(), ['平安晋江']));
    expect(all('平安 晋江').total).toBeGreaterThan(quoted.total);
    // Inside quotes a space or punctuation is a break: it meets the title's “扛起背包再出发 守护”.
    const title = all('“再出发 守护”');
    expect(title.hits.map((h) => h.paragraphKind)).toContain('title');
    expect(matchedTexts(title.hits[0]!)).toEqual(['再出发 守护']);

    const { articleId } = library.importText('Hong Kong police said so.\n\nThe police in Kong Hong did not.', 'Latin words');
    expect(all('"hong kong"', { articleId }).hits.map((h) => h.text)).toEqual(['Hong Kong police said so.']);
    expect(all('HONG kong', { articleId }).total).toBe(2);
    expect(matchedTexts(all('"Hong Kong police"', { articleId }).hits[0]!)).toEqual(['Hong Kong police']);
  });

  it('Latin words match whole words, any case, full-width or not', () => {
    const { articleId } = library.importText('本網ＩＣＰ備案與iPhone手機,以及 iPhones 的說明。', 'Latin');
    expect(all('icp', { articleId }).total).toBe(1);
    expect(all('iphone手机', { articleId }).hits.flatMap(matchedTexts)).toEqual(['iPhone手機']);
    expect(all('phone', { articleId }).total).toBe(0);
  });

  it('filters by article', () => {
    const seed002 = seedArticle(library, '002').id;
    const result = all('民警', { articleId: seed002 });
    expect(result.hits.every((h) => h.articleId === seed002)).toBe(true);
    expect(keys(result.hits)).toEqual(bruteForce(library.database(), ['民警'], { articleId: seed002 }));
    expect(() => all('民警', { articleId: 99_999 })).toThrow(/no article 99999/);
  });

  it('filters by tag: on the paragraph or on a highlight in it, and sub-tags count', () => {
    const article = seedArticle(library, '001');
    const withTerm = article.paragraphs.filter((p) => p.text.includes('晋江'));
    const [tagged, highlighted, other] = withTerm;
    library.annotations.tagParagraph(tagged!.id, 'Policing/community');
    const start = highlighted!.text.indexOf('晋江');
    library.annotations.createHighlight({
      paragraphId: highlighted!.id,
      start,
      end: start + 2,
      color: 'green',
      tags: ['policing/raids'],
    });
    const paragraphIds = (tag: string) => new Set(all('晋江', { tag }).hits.map((h) => h.paragraphId));
    expect(paragraphIds('policing')).toEqual(new Set([tagged!.id, highlighted!.id]));
    expect(paragraphIds('Policing/Raids')).toEqual(new Set([highlighted!.id]));
    expect(paragraphIds('policing').has(other!.id)).toBe(false);
    expect(all('晋江', { tag: 'no such tag' })).toEqual({ hits: [], total: 0 });
    library.annotations.deleteTag('policing');
  });

  it('hides boilerplate unless asked, and matches case-insensitively', () => {
    const articleId = seedArticle(library, '003').id;
    expect(all('ICP', { articleId }).total).toBe(0);
    const shown = all('icp', { articleId, includeHidden: true });
    expect(shown.hits).toHaveLength(1);
    expect(shown.hits[0]).toMatchObject({ paragraphKind: 'boilerplate', kind: 'paragraph' });
    expect(matchedTexts(shown.hits[0]!)).toEqual(['ICP']);
    expect(keys(all('相关文章', { includeHidden: true }).hits)).toEqual(
      bruteForce(library.database(), ['相关文章'], { includeHidden: true }),
    );
  });

  it('lists hits in reading order (a heading no longer jumps ahead), and pages through a stable order', () => {
    const text = '云朵飘过山岗。\n\n云朵飘过山岗。\n\n另外一段,与云无关。';
    const { articleId } = library.importText(text, '排序测试');
    const [first, second] = library.getArticle(articleId!).paragraphs.filter((p) => p.text === '云朵飘过山岗。');
    library.reclassifyParagraph(second!.id, 'heading');
    expect(all('云朵', { articleId }).hits.map((h) => h.paragraphId)).toEqual([first!.id, second!.id]);

    const whole = all('公安');
    const pages = [0, 7, 14, 21, 28, 35, 42].flatMap((offset) => library.search.find('公安', { limit: 7, offset }).hits);
    expect(pages.map(hitKey)).toEqual(whole.hits.slice(0, pages.length).map(hitKey));
    // A full page says "more than 7"; the count, when asked, is the whole result's.
    expect(library.search.find('公安', { limit: 7 })).toMatchObject({ total: 7, totalIsLowerBound: true });
    expect(library.search.find('公安', { limit: 7, exactTotal: true }).total).toBe(whole.total);
    expect(library.search.find('公安', { limit: 7, exactTotal: true }).totalIsLowerBound).toBeUndefined();
  });

  it('gives ranges that slice the canonical text to what matched', () => {
    for (const query of ['晋江', '公安局 民警', '"背包精神"', '發']) {
      for (const hit of all(query).hits) {
        expect(hit.matches.length).toBeGreaterThan(0);
        let end = 0;
        for (const m of hit.matches) {
          expect(m.start).toBeGreaterThanOrEqual(end); // sorted, never overlapping
          expect(m.end).toBeLessThanOrEqual(hit.text.length);
          end = m.end;
        }
        const wanted = query.replaceAll('"', '').split(' ').map(foldToSimplified);
        for (const t of matchedTexts(hit)) expect(wanted.some((w) => foldToSimplified(t).includes(w))).toBe(true);
      }
    }
  });

  it('refuses an empty, punctuation-only or too long query with a clear message', () => {
    for (const query of ['', '  ', ',。!', 'x'.repeat(201)]) {
      const error = (() => {
        try {
          library.search.find(query);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(LibraryError);
      expect((error as LibraryError).code).toBe('invalid-argument');
    }
    expect(() => library.search.find('晋江', { limit: 0 })).toThrow(/1 to 500/);
  });
});

describe('a hit names its article as it is now', () => {
  it('after a rename, an archive and a region set on this connection, and a rename another connection commits', () => {
    const id = seedArticle(library, '002').id;
    const hitOf = () => all('晋江').hits.find((h) => h.articleId === id);
    const before = hitOf();
    expect(before).toMatchObject({ articleArchived: false });
    const title = before!.articleTitle;
    library.updateMetadata(id, { title: '改过的标题' });
    expect(hitOf()).toMatchObject({ articleTitle: '改过的标题', articleArchived: false });
    library.setArchived(id, true);
    library.setArticleRegion(id, 'hongkong');
    expect(hitOf()).toMatchObject({ articleTitle: '改过的标题', articleArchived: true, articleRegion: 'hongkong' });
    const other = new Database(seeded.dbPath);
    try {
      registerChecksumFunction(other);
      other.prepare('UPDATE article SET title = ? WHERE id = ?').run('另一个窗口的标题', id);
    } finally {
      other.close();
    }
    expect(hitOf()).toMatchObject({ articleTitle: '另一个窗口的标题', articleArchived: true, articleRegion: 'hongkong' });
    library.updateMetadata(id, { title });
    library.setArchived(id, false);
    library.setArticleRegion(id, null);
    expect(hitOf()).toEqual(before);
  });
});
