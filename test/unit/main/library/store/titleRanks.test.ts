import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { titleRankColumn } from '../../../../../main/library/store/titleRanks';
import {
  titleCollations,
  type ArticlePageRequest,
  type TitleCollation,
} from '../../../../../preload/contract/articlePageTypes';

/**
 * Issue #16: the title order of the library list is kept in the library (migration 0040), each
 * title placed once, so a list by title is a walk of an index, not a sort of every title at each
 * start. What the person sees must stay the order the collation gives: the oracle here is every
 * title sorted by Intl's collator, as the list sorted them before.
 */
let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-title-ranks-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  for (const title of [
    '晋江警方',
    '晉江新聞',
    'Pizhu 说明',
    'pizhu 指南',
    '「重庆」消息',
    '第10期',
    '第9期',
    '安徽',
    '中国',
    '北京',
    '上海',
    '广州',
    '深圳',
    '天津',
    '重庆',
    '成都',
  ])
    add(title);
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function add(title: string): number {
  return library.importText(`${title}的正文。\n\n第二段,又讲一件事。`, title).articleId!;
}

function byTitle(collation: TitleCollation): string[] {
  const request: ArticlePageRequest = {
    view: 'library',
    sort: 'title',
    collation,
    query: '',
    tag: '',
    offset: 0,
    limit: 500,
  };
  return library.listArticlePage(request).rows.map((r) => r.title);
}

/** Every title in the library, sorted as the list sorted them before ranks were kept. */
function oracle(collation: TitleCollation): string[] {
  const collator = new Intl.Collator(collation, { ignorePunctuation: true, numeric: true });
  const rows = library.database().prepare('SELECT id, title FROM article').raw().all() as Array<[number, string]>;
  return rows.sort((a, b) => collator.compare(a[1], b[1]) || a[0] - b[0]).map(([, title]) => title);
}

function ranks(collation: TitleCollation): Map<number, number | null> {
  const rows = library.database().prepare(`SELECT id, ${titleRankColumn[collation]} FROM article`).raw().all() as Array<
    [number, number | null]
  >;
  return new Map(rows);
}

describe('title ranks', () => {
  it.each(titleCollations)(
    'lists by title in the %s order, and places an imported title without moving the others',
    (collation) => {
      expect(byTitle(collation)).toEqual(oracle(collation));
      const before = ranks(collation);
      const added = add('长沙');
      expect(byTitle(collation)).toEqual(oracle(collation));
      const after = ranks(collation);
      // Only the new article's rank was written.
      for (const [id, rank] of before) expect(after.get(id)).toBe(rank);
      expect(after.get(added)).toEqual(expect.any(Number));
    },
  );

  it('places the titles of an import batch (its title trigger lifted for the batch, store/deferTitleFold)', async () => {
    byTitle('zh');
    const files = path.join(dir, 'files');
    fs.mkdirSync(files);
    for (const title of ['南京', '杭州', '阿城'])
      fs.writeFileSync(path.join(files, `${title}.txt`), `${title}\n\n${title}的正文,讲一件事。\n\n第二段。`);
    const outcomes = await library.importPaths([files]);
    expect(outcomes.filter((o) => o.articleId !== undefined)).toHaveLength(3);
    expect(byTitle('zh')).toEqual(oracle('zh'));
    expect(byTitle('zh')).toHaveLength(19);
  });

  it('follows a rename, and titles equal under the collation stay in the order they were added', () => {
    const [, second] = library.listArticles().map((a) => a.id);
    library.updateMetadata(second!, { title: '阿里巴巴' });
    add('安徽');
    add('安徽');
    expect(byTitle('zh')).toEqual(oracle('zh'));
    expect(byTitle('zh')[0]).toBe('阿里巴巴');
  });

  it('ranks every title anew when a gap between two ranks has no room left', () => {
    byTitle('zh');
    // Two neighbours one floating-point step apart: no number lies between them.
    const order = library.database().prepare('SELECT id FROM article ORDER BY title_rank_zh').pluck().all() as number[];
    const titles = oracle('zh');
    const set = library.database().prepare('UPDATE article SET title_rank_zh = ? WHERE id = ?');
    set.run(1, order[0]);
    set.run(1 + Number.EPSILON, order[1]);
    for (let i = 2; i < order.length; i++) set.run(i, order[i]);
    // A title that sorts between those two.
    const between = `${titles[0]}0`;
    add(between);
    expect(byTitle('zh')).toEqual(oracle('zh'));
    expect(byTitle('zh')[1]).toBe(between);
  });

  it('places a quarter of the library new in one go, and ranks all anew when most titles are new', () => {
    byTitle('zh');
    const before = ranks('zh');
    for (const title of ['甲', '乙', '丙', '丁']) add(title);
    expect(byTitle('zh')).toEqual(oracle('zh'));
    for (const [id, rank] of before) expect(ranks('zh').get(id)).toBe(rank);
    for (let i = 0; i < 21; i++) add(`新${i}`);
    expect(byTitle('zh')).toEqual(oracle('zh'));
    expect([...ranks('zh').values()].sort((a, b) => a! - b!)).toEqual(oracle('zh').map((_, i) => i + 1));
  });

  it('orders in memory, writing nothing, while the library is read-only (the start-up check)', () => {
    byTitle('zh-Hant');
    const added = add('長沙');
    library.database().pragma('query_only = ON');
    expect(byTitle('zh-Hant')).toEqual(oracle('zh-Hant'));
    expect(ranks('zh-Hant').get(added)).toBeNull();
    library.database().pragma('query_only = OFF');
    add('南京');
    expect(byTitle('zh-Hant')).toEqual(oracle('zh-Hant'));
    expect(ranks('zh-Hant').get(added)).toEqual(expect.any(Number));
  });

  it('orders in memory on a read-only connection (the command line reading while the app is open)', async () => {
    byTitle('zh');
    add('長沙');
    const reader = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), readOnly: true });
    try {
      const request: ArticlePageRequest = {
        view: 'library',
        sort: 'title',
        collation: 'zh',
        query: '',
        tag: '',
        offset: 0,
        limit: 500,
      };
      expect(reader.listArticlePage(request).rows.map((r) => r.title)).toEqual(oracle('zh'));
    } finally {
      reader.close();
    }
  });

  it('ranks anew once when the ranks were placed by other collation data (an Electron or Node update)', () => {
    const db = library.database();
    expect(byTitle('zh')).toEqual(oracle('zh'));
    // Ranks as another CLDR might have placed them: two titles the other way round.
    const [first, second] = db
      .prepare('SELECT id FROM article ORDER BY title_rank_zh LIMIT 2')
      .pluck()
      .all() as number[];
    const swap = db.prepare('UPDATE article SET title_rank_zh = ? WHERE id = ?');
    const rankOf = db.prepare('SELECT title_rank_zh FROM article WHERE id = ?').pluck();
    const [a, b] = [rankOf.get(first) as number, rankOf.get(second) as number];
    swap.run(b, first);
    swap.run(a, second);
    db.prepare("UPDATE article_title_ranked SET collation = 'zh cldr 0.0' WHERE collation LIKE 'zh %'").run();
    expect(byTitle('zh')).toEqual(oracle('zh'));
    // Recorded under this process's data: the next list reads the ranks as they are.
    expect(db.prepare("SELECT count(*) FROM article_title_ranked WHERE collation LIKE 'zh %'").pluck().get()).toBe(1);
  });
});
