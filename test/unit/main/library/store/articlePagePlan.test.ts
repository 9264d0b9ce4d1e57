import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, taggedArticlesSql, viewCountSql } from '../../../../../main/library/store/articlePage';
import { articleListSorts, articleListViews, type ArticlePageRequest } from '../../../../../preload/contract/articlePageTypes';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * Issue #16: at 100,000 articles each order's first page sorted the whole article table. Each
 * view in each order, with each filter, is now a walk of that order's index (migration 0036).
 */
let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await openSeededLibrary();
  seeded.library.annotations.tagParagraph(seeded.library.getArticle(1).paragraphs.find((p) => p.kind === 'body')!.id, '技术');
});
afterAll(() => seeded.dispose());

function plan(sql: string, params: object = {}): string {
  const rows = seeded.library.database().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

const filters: Array<[string, Partial<ArticlePageRequest>]> = [
  ['no filter', {}],
  ['a title filter', { query: '晋江' }],
  ['a tag filter', { tag: '技术' }],
  ['a title and a tag filter', { query: '晋江', tag: '技术' }],
  ['an attribute filter', { attribute: { attributeId: 1, value: '官方' } }],
];
const indexOf = { date: 'article_list_by_date', opened: 'article_list_by_opened', title: 'article_list_by_title_zh' };

describe('library list query plans', () => {
  const cases = articleListViews.flatMap((view) => articleListSorts.flatMap((sort) => filters.map(([how, f]) => [view, sort, how, f] as const)));

  it.each(cases)('the %s view by %s with %s reads its order from an index, never the table', (view, sort, _, f) => {
    const db = seeded.library.database();
    const { sql, params } = listQuery(db, { view, sort, collation: 'zh', query: '', tag: '', ...f });
    const detail = plan(sql, params);
    // The view is a range of the order's index, which holds the folded title too: no sort, no row read.
    expect(detail).toMatch(new RegExp(`^SEARCH a USING COVERING INDEX ${indexOf[sort]} \\(<expr>=\\?\\)`));
    expect(detail).not.toMatch(/TEMP B-TREE/);
    expect(detail).not.toMatch(/\bSCAN a\b|SEARCH a USING INTEGER PRIMARY KEY/);
    if (f.attribute) expect(detail).toMatch(/USING COVERING INDEX article_attribute_by_value/);
  });

  it.each(articleListViews)('the %s view by strokes (a Traditional interface) reads its own title ranks', (view) => {
    const { sql, params } = listQuery(seeded.library.database(), { view, sort: 'title', collation: 'zh-Hant', query: '晋江', tag: '' });
    expect(plan(sql, params)).toMatch(/^SEARCH a USING COVERING INDEX article_list_by_title_zh_hant \(<expr>=\?\)$/);
  });

  it('finds the article the app reopens at start in the small index of opened ones', () => {
    // The query of store/articles' lastOpenedArticle.
    const detail = plan(`SELECT id FROM article WHERE trashed_at IS NULL AND last_opened_at IS NOT NULL
       ORDER BY last_opened_at DESC, id DESC LIMIT 1`);
    // One entry of the index read (and its row, for the partial index's terms), not the table sorted.
    expect(detail).toMatch(/^SEARCH article USING (COVERING )?INDEX article_last_opened \(last_opened_at>\?\)$/);
  });

  it("finds a tag filter's articles from the tags' index rows, a tagged highlight's article in the small index", () => {
    const detail = plan(taggedArticlesSql, { tagIds: '[1]' });
    expect(detail).toMatch(/SEARCH pt USING COVERING INDEX paragraph_tag_by_tag \(tag_id=\?\)/);
    expect(detail).toMatch(/SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).toMatch(/SEARCH ht USING COVERING INDEX highlight_tag_by_tag \(tag_id=\?\)/);
    expect(detail).toMatch(/SEARCH h USING COVERING INDEX highlight_article_of \(id=\?\)/);
    expect(detail).not.toMatch(/\bSCAN (p|h|pt|ht)\b|TEMP B-TREE/);
  });

  it("counts a view's articles in the index", () => {
    for (const view of articleListViews)
      expect(plan(viewCountSql(view))).toMatch(
        /^SEARCH a USING COVERING INDEX article_list_by_(date|opened|title_zh|title_zh_hant) \(<expr>=\?\)$/,
      );
  });
});
