import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import type { ArticlePageRequest } from '../../../../../preload/contract/articlePageTypes';

/**
 * Issue #16: the library pane's list comes from main a window at a time, filtered and ordered
 * there, instead of every article's summary crossing IPC to be filtered and sorted in the page.
 */
let dir: string;
let library: Library;
let clock = 0;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-page-'));
  // A clock that moves, so imports and opens are ordered in time.
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now: () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000) });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ask = (over: Partial<ArticlePageRequest> = {}) =>
  library.listArticlePage({ view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 50, ...over });
const titles = (over: Partial<ArticlePageRequest> = {}) => ask(over).rows.map((r) => r.title);

function add(title: string): number {
  const outcome = library.importText(`${title}的正文,讲一件事,第一段。\n\n第二段,又讲一件事。`, title);
  return outcome.articleId!;
}

describe('listArticlePage', () => {
  it('answers one window of the list with the counts, not the whole library', () => {
    for (let i = 0; i < 120; i++) add(`文章${i}`);
    const page = ask({ offset: 100, limit: 10 });
    expect(page.total).toBe(120);
    expect(page.inView).toBe(120);
    expect(page.rows).toHaveLength(10);
    // Newest imported first: the 101st is the 20th imported.
    expect(page.rows[0]!.title).toBe('文章19');
    expect(ask({ offset: 115, limit: 10 }).rows.map((r) => r.title)).toEqual(['文章4', '文章3', '文章2', '文章1', '文章0']);
    expect(library.listArticles().length).toBe(120);
  });

  it('filters titles in either script and any case, in main', () => {
    add('晋江警方破案');
    add('晉江新聞');
    add('Pizhu 使用说明');
    add('别的文章');
    expect(titles({ query: '晋江' })).toEqual(['晉江新聞', '晋江警方破案']);
    expect(titles({ query: '晉江' })).toEqual(['晉江新聞', '晋江警方破案']);
    expect(titles({ query: 'pizhu' })).toEqual(['Pizhu 使用说明']);
    const filtered = ask({ query: '晋江' });
    expect([filtered.total, filtered.inView]).toEqual([2, 4]);
    expect(titles({ query: '没有这个' })).toEqual([]);
  });

  it('filters by a tag and the tags nested under it, asked in either script', () => {
    const tagged = add('带标签的文章');
    const nested = add('带子标签的文章');
    add('没有标签的文章');
    const paragraphOf = (id: number) => library.getArticle(id).paragraphs.find((p) => p.kind === 'body')!.id;
    library.annotations.tagParagraph(paragraphOf(tagged), '技术');
    library.annotations.createHighlight({ paragraphId: paragraphOf(nested), start: 0, end: 2, color: 'yellow', tags: ['技术/数据库'] });
    expect(titles({ tag: '技术' })).toEqual(['带子标签的文章', '带标签的文章']);
    expect(titles({ tag: '技術' })).toEqual(['带子标签的文章', '带标签的文章']);
    expect(titles({ tag: '技术/数据库' })).toEqual(['带子标签的文章']);
    expect(titles({ tag: '不存在' })).toEqual([]);
  });

  it('orders by title in pinyin or by strokes, by last opened, and tells where the open article stands', () => {
    const ids = ['中国', '安徽', '北京', '「重庆」'].map(add);
    expect(titles({ sort: 'title' })).toEqual(['安徽', '北京', '「重庆」', '中国']);
    expect(titles({ sort: 'title', collation: 'zh-Hant' })).toEqual(['中国', '北京', '安徽', '「重庆」']);
    library.markOpened(ids[1]!);
    library.markOpened(ids[3]!);
    expect(titles({ sort: 'opened' })).toEqual(['「重庆」', '安徽', '北京', '中国']);
    expect(ask({ sort: 'title', around: ids[0] }).aroundIndex).toBe(3);
    // A rename is followed at once.
    library.updateMetadata(ids[0]!, { title: '阿里' });
    expect(titles({ sort: 'title' })).toEqual(['阿里', '安徽', '北京', '「重庆」']);
    expect(ask({ around: 999 }).aroundIndex).toBeNull();
  });

  it('keeps a list between pages only while the library is unchanged, whoever writes to it', () => {
    const [first, second, third] = ['甲文', '乙文', '丙文'].map(add);
    const ids = () => ask({ limit: 2 }).rows.map((r) => r.id).concat(ask({ offset: 2, limit: 2 }).rows.map((r) => r.id));
    expect(ids()).toEqual([third, second, first]);
    // The next page of the same list, asked again: the same rows.
    expect(ids()).toEqual([third, second, first]);
    // Written through the library: an import, a trash, a tag that filters, each seen on the next page asked.
    const fourth = add('丁文');
    expect(ids()).toEqual([fourth, third, second, first]);
    library.trashArticle(second!);
    expect(ids()).toEqual([fourth, third, first]);
    expect(titles({ tag: '标记' })).toEqual([]);
    library.annotations.tagParagraph(library.getArticle(first!).paragraphs.find((p) => p.kind === 'body')!.id, '标记');
    expect(titles({ tag: '标记' })).toEqual(['甲文']);
    expect(titles({ tag: '标记', sort: 'title' })).toEqual(['甲文']);
    // The tag filter's articles, kept for every order, are looked up again after a write too.
    library.annotations.tagParagraph(library.getArticle(fourth).paragraphs.find((p) => p.kind === 'body')!.id, '标记');
    expect(titles({ tag: '标记', sort: 'title' })).toEqual(['丁文', '甲文']);
    expect(titles({ tag: '标记' })).toEqual(['丁文', '甲文']);
    // Written by another connection to the file (the command line while the app is open): seen too.
    const other = new Database(path.join(dir, 'library.sqlite'));
    try {
      other.prepare('UPDATE article SET archived_at = ? WHERE id = ?').run('2026-01-02T00:00:00.000Z', third);
    } finally {
      other.close();
    }
    expect(ids()).toEqual([fourth, first]);
    expect(titles({ view: 'archived' })).toEqual(['丙文']);
  });

  it('keeps archived and trashed articles to their own views', () => {
    const [kept, archived, trashed] = ['留着', '归档', '删掉'].map(add);
    library.setArchived(archived!, true);
    library.trashArticle(trashed!);
    expect(titles()).toEqual(['留着']);
    expect(titles({ view: 'archived' })).toEqual(['归档']);
    expect(titles({ view: 'trash' })).toEqual(['删掉']);
    expect(ask({ view: 'trash' }).rows[0]!.id).toBe(trashed);
    expect(kept).toBeDefined();
  });
});
