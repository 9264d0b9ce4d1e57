import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { articlesWithValueSql } from '../../../../../main/library/attributes/attributeStore';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { tagAndNestedIds } from '../../../../../main/library/store/tags';
import { foldTitle } from '../../../../../main/library/store/titleFold';
import {
  articleListSorts,
  articleListViews,
  titleCollations,
  type ArticlePageRequest,
} from '../../../../../preload/contract/articlePageTypes';

/**
 * Issue #16: the library list reads an index per order (migration 0036) instead of sorting the
 * article table. Every view, order and filter must give the same articles in the same order as
 * before: the list as the previous code made it (a scan of the table, the title filter folded in
 * JavaScript, titles sorted by the collation) is the oracle here.
 */
let dir: string;
let library: Library;
let clock = 0;
let attributeId = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-page-orders-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now: () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000) });
  // Titles in both scripts, in Latin of either case, behind quotes and brackets, with numbers;
  // some dated (some on one day), some not; opened, archived and trashed ones; tags on
  // paragraphs and highlights, nested; an attribute on some.
  const stems = ['晋江警方', '晉江新聞', 'Pizhu 说明', 'pizhu 指南', '「重庆」消息', '“北京”来信', '第10期', '第9期', '安徽', '中国'];
  const ids: number[] = [];
  for (let i = 0; i < 40; i++) {
    const title = `${stems[i % stems.length]}${i % 3 === 0 ? '' : ` 之${i}`}`;
    ids.push(library.importText(`${title}的正文,讲一件事,第一段。\n\n第二段,又讲一件事。`, title).articleId!);
  }
  const outlet = library.attributes.defineAttribute({ name: '媒体类型', kind: 'choice', choices: ['官方', '市场化'] });
  attributeId = outlet.id;
  ids.forEach((id, i) => {
    if (i % 4 !== 3) library.updateMetadata(id, { publishedAt: `2025-0${1 + (i % 5)}-1${i % 2}` });
    if (i % 5 === 1) library.markOpened(id);
    if (i % 7 === 2) library.setArchived(id, true);
    if (i % 9 === 4) library.trashArticle(id);
    const body = library.getArticle(id).paragraphs.find((p) => p.kind === 'body')!.id;
    if (i % 3 === 1) library.annotations.tagParagraph(body, i % 2 ? '技术' : '技术/数据库');
    if (i % 4 === 2) library.annotations.createHighlight({ paragraphId: body, start: 0, end: 2, color: 'yellow', tags: [i % 8 === 2 ? '其他' : '技术/索引'] });
    if (i % 3 === 2) library.attributes.setAttributeValue([id], outlet.id, i % 2 ? '官方' : '市场化');
  });
  // A rename after the title order was first made is followed (article_title_version).
  library.listArticlePage(request({ sort: 'title' }));
  library.updateMetadata(ids[5]!, { title: '阿里巴巴' });
});
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(over: Partial<ArticlePageRequest> = {}): ArticlePageRequest {
  return { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 500, ...over };
}

/** The list as the code before migration 0036 made it (store/articlePage at bb9df17). */
function listBefore(db: Db, r: ArticlePageRequest): { ids: number[]; inView: number } {
  const view = {
    library: 'a.trashed_at IS NULL AND a.archived_at IS NULL',
    archived: 'a.trashed_at IS NULL AND a.archived_at IS NOT NULL',
    trash: 'a.trashed_at IS NOT NULL',
  }[r.view];
  const query = foldTitle(r.query.trim());
  const tagIds = r.tag === '' ? null : tagAndNestedIds(db, r.tag);
  const where = [view];
  if (query !== '') where.push('instr(fold_before(a.title), @query) > 0');
  if (tagIds !== null)
    where.push(`a.id IN (
      SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id WHERE pt.tag_id IN (SELECT value FROM json_each(@tagIds))
      UNION
      SELECT h.article_id FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id WHERE ht.tag_id IN (SELECT value FROM json_each(@tagIds)))`);
  if (r.attribute) where.push(`a.id IN (${articlesWithValueSql})`);
  db.function('fold_before', { deterministic: true }, (title: unknown) => foldTitle(String(title)));
  const params = { query, tagIds: JSON.stringify(tagIds ?? []), attributeId: r.attribute?.attributeId ?? 0, attributeValue: r.attribute?.value ?? '' };
  const sql = `SELECT a.id, a.title FROM article a NOT INDEXED WHERE ${where.join(' AND ')}`;
  const dateOrder = 'a.published_at IS NULL, a.published_at DESC, a.imported_at DESC, a.id DESC';
  let ids: number[];
  if (r.sort === 'title') {
    const collator = new Intl.Collator(r.collation, { ignorePunctuation: true, numeric: true });
    const rows = db.prepare(sql).raw().all(params) as Array<[number, string]>;
    ids = rows.sort((a, b) => collator.compare(a[1], b[1]) || a[0] - b[0]).map(([id]) => id);
  } else {
    const order = r.sort === 'opened' ? `a.last_opened_at IS NULL, a.last_opened_at DESC, ${dateOrder}` : dateOrder;
    ids = (db.prepare(`${sql} ORDER BY ${order}`).raw().all(params) as Array<[number, string]>).map(([id]) => id);
  }
  const inView = db.prepare(`SELECT count(*) FROM article a NOT INDEXED WHERE ${view}`).pluck().get() as number;
  return { ids, inView };
}

const filters: Array<Partial<ArticlePageRequest>> = [
  {},
  { query: '晋江' },
  { query: 'PIZHU' },
  { query: '之1' },
  { tag: '技术' },
  { tag: '技術/索引' },
  { tag: '其他', query: '之' },
  { attribute: { attributeId: -1, value: '官方' } },
  { attribute: { attributeId: -1, value: '市场化' }, tag: '技术' },
];

describe('the library list in each order, read from its indexes', () => {
  const cases = articleListViews.flatMap((view) =>
    articleListSorts.flatMap((sort) => titleCollations.flatMap((collation) => filters.map((f) => ({ view, sort, collation, ...f })))),
  );

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s: the same articles in the same order as before', (_, c) => {
    const over: Partial<ArticlePageRequest> = c.attribute ? { ...c, attribute: { ...c.attribute, attributeId } } : c;
    const before = listBefore(library.database(), request(over));
    // A page at a time, as the pane scrolls: each the same stretch of the list as before.
    const pages: number[] = [];
    for (let offset = 0; offset < before.ids.length || offset === 0; offset += 7) {
      const page = library.listArticlePage(request({ ...over, offset, limit: 7 }));
      expect([page.total, page.inView]).toEqual([before.ids.length, before.inView]);
      pages.push(...page.rows.map((row) => row.id));
    }
    expect(pages).toEqual(before.ids);
    expect(library.listArticleIds(request(over)).ids).toEqual(before.ids);
  });

  it('has articles in every view and filters that keep some and leave some', () => {
    for (const view of articleListViews) expect(listBefore(library.database(), request({ view })).ids.length).toBeGreaterThan(1);
    for (const f of filters.slice(1)) {
      const over = f.attribute ? { ...f, attribute: { ...f.attribute, attributeId } } : f;
      const kept = listBefore(library.database(), request(over)).ids.length;
      expect(kept, JSON.stringify(f)).toBeGreaterThan(0);
      expect(kept).toBeLessThan(listBefore(library.database(), request()).ids.length);
    }
  });
});
