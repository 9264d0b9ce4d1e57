import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import type { ArticlePageRequest } from '../../../../../preload/contract/articlePageTypes';

/**
 * Issue #18: the library list grouped by an attribute's value (headers with counts, the articles
 * without a value in a group of their own, the list's order within each group), paged from main;
 * and the ids of a stretch of the list, for a selection of rows not fetched yet.
 */
let dir: string;
let library: Library;
let clock = 0;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-groups-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now: () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000) });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const base = { view: 'library', sort: 'title', collation: 'zh', query: '', tag: '', offset: 0, limit: 50 } as const;
const ask = (over: Partial<ArticlePageRequest> = {}) => library.listArticlePage({ ...base, ...over });

function add(title: string): number {
  return library.importText(`${title}的正文,讲一件事。\n\n第二段,又讲一件事。`, title).articleId!;
}

describe('the library list grouped by an attribute', () => {
  it('runs value by value in the list order of the choices, the articles without a value last, each group in title order', () => {
    const [a, b, c, d, e] = ['北京', '上海', '广州', '深圳', '杭州'].map(add) as [number, number, number, number, number];
    const stance = library.attributes.defineAttribute({ name: '立场', kind: 'choice', choices: ['支持', '反对'] });
    library.attributes.setAttributeValue([a, c], stance.id, '反对');
    library.attributes.setAttributeValue([e, b], stance.id, '支持');

    const page = ask({ groupBy: stance.id });
    // Titles by pinyin: 北京 bei, 广州 guang, 杭州 hang, 上海 shang, 深圳 shen.
    expect(page.rows.map((r) => r.title)).toEqual(['杭州', '上海', '北京', '广州', '深圳']);
    expect(page.groups).toEqual([
      { value: '支持', start: 0, count: 2 },
      { value: '反对', start: 2, count: 2 },
      { value: null, start: 4, count: 1 },
    ]);
    expect(page.total).toBe(5);
    expect(d).toBeGreaterThan(0);
  });

  it('pages the grouped order, gives the headers with the first page only, and places the open article in it', () => {
    const ids = Array.from({ length: 30 }, (_, i) => add(`文章${String(i).padStart(2, '0')}`));
    const year = library.attributes.defineAttribute({ name: '年份', kind: 'number' });
    ids.forEach((id, i) => library.attributes.setAttributeValue([id], year.id, String(2000 + (i % 3))));

    const first = ask({ groupBy: year.id, limit: 10, around: ids[1]! });
    expect(first.groups?.map((g) => [g.value, g.count])).toEqual([
      ['2000', 10],
      ['2001', 10],
      ['2002', 10],
    ]);
    // 文章01 is the first 2001 (numbers ascending), so the eleventh row.
    expect(first.aroundIndex).toBe(10);
    const second = ask({ groupBy: year.id, offset: 10, limit: 10 });
    expect(second.groups).toBeUndefined();
    expect(second.rows.map((r) => r.title)).toEqual(
      [1, 4, 7, 10, 13, 16, 19, 22, 25, 28].map((i) => `文章${String(i).padStart(2, '0')}`),
    );
  });

  it('groups only what the filters keep, and answers not-found for an attribute that is gone', () => {
    const [a, b] = [add('晋江新闻'), add('别的')];
    const region = library.attributes.defineAttribute({ name: '地区', kind: 'text' });
    library.attributes.setAttributeValue([a, b], region.id, '福建');
    expect(ask({ groupBy: region.id, query: '晋江' }).groups).toEqual([{ value: '福建', start: 0, count: 1 }]);
    library.attributes.removeAttribute(region.id);
    expect(() => ask({ groupBy: region.id })).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('refuses a gone attribute before the list is made, so the refusal writes nothing (no title is ranked)', () => {
    add('晋江新闻');
    add('别的');
    // A text import leaves its titles for the list to place (store/titleRanks).
    const ranks = () => {
      const db = new Database(path.join(dir, 'library.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT title_rank_zh FROM article ORDER BY id').pluck().all();
      } finally {
        db.close();
      }
    };
    expect(ranks()).toEqual([null, null]);
    expect(() => ask({ groupBy: 999 })).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(ranks()).toEqual([null, null]);
    ask();
    expect(ranks().every((r) => typeof r === 'number')).toBe(true);
  });
});

describe('listArticleIds', () => {
  it('answers the ids of a stretch of the list in the order its pages show', () => {
    const ids = Array.from({ length: 12 }, (_, i) => add(`文章${String(i).padStart(2, '0')}`));
    const stretch = library.listArticleIds({ ...base, offset: 3, limit: 4 });
    expect(stretch).toEqual({ ids: ids.slice(3, 7), total: 12 });
    const page = ask({ offset: 3, limit: 4 });
    expect(page.rows.map((r) => r.id)).toEqual(stretch.ids);
    expect(library.listArticleIds({ ...base, query: '文章1', offset: 0, limit: 100 }).ids).toEqual(ids.slice(10));
  });
});
