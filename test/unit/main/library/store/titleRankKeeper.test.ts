import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { keepTitleRanks, rankAnew } from '../../../../../main/library/store/titleRankKeeper';
import { titleRanksNeed } from '../../../../../main/library/store/titleRanks';
import type { ArticlePageRequest, TitleCollation } from '../../../../../preload/contract/articlePageTypes';

/**
 * Issue #16: no person's title list ranks the library's titles. An import places its titles at
 * its end; a library whose titles have no rank (migrated by 0040, ranked by other collation
 * data, an import cut short) is ranked in the background after the open, in slices, safely
 * against a write meanwhile, a list asked meanwhile, and a kill. The oracle is every title
 * sorted by Intl's collator, as the list sorted them before ranks were kept.
 */
let dir: string;
let dbPath: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-title-rank-keeper-'));
  dbPath = path.join(dir, 'library.sqlite');
  library = await createLibrary({ dbPath });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cities = ['晋江', '晉江新聞', '北京', '上海', '广州', '深圳', '天津', '重庆', '成都', '「重庆」消息', '第10期', '第9期', '安徽', '中国'];

function add(title: string): number {
  return library.importText(`${title}的正文。\n\n第二段,又讲一件事。`, title).articleId!;
}

function byTitle(collation: TitleCollation, lib = library): string[] {
  const request: ArticlePageRequest = { view: 'library', sort: 'title', collation, query: '', tag: '', offset: 0, limit: 5000 };
  return lib.listArticlePage(request).rows.map((r) => r.title);
}

function oracle(collation: TitleCollation, lib = library): string[] {
  const collator = new Intl.Collator(collation, { ignorePunctuation: true, numeric: true });
  const rows = lib.database().prepare('SELECT id, title FROM article').raw().all() as Array<[number, string]>;
  return rows.sort((a, b) => collator.compare(a[1], b[1]) || a[0] - b[0]).map(([, title]) => title);
}

/** As migration 0040 leaves a library: no title ranked, no record. */
function unrank(lib = library): void {
  lib.database().exec('UPDATE article SET title_rank_zh = NULL, title_rank_zh_hant = NULL; DELETE FROM article_title_ranked');
}

/** A title list that writes nothing: its ranks were current. */
function listedWithoutWriting(collation: TitleCollation): string[] {
  const changes = () => library.database().prepare('SELECT total_changes()').pluck().get() as number;
  const before = changes();
  const titles = byTitle(collation);
  expect(changes()).toBe(before);
  return titles;
}

describe('title ranks kept current', () => {
  it('an import places its titles at its end, in both collations', async () => {
    const files = path.join(dir, 'files');
    fs.mkdirSync(files);
    const write = (titles: string[]) => {
      for (const title of titles) fs.writeFileSync(path.join(files, `${title}.txt`), `${title}\n\n${title}的正文,讲一件事。\n\n第二段。`);
    };
    // A first import (the whole library ranked), then one into it (placed among the ranked).
    write(cities);
    await library.importPaths([files]);
    for (const collation of ['zh', 'zh-Hant'] as const) expect(listedWithoutWriting(collation)).toEqual(oracle(collation));
    fs.rmSync(files, { recursive: true });
    fs.mkdirSync(files);
    write(['南京', '杭州', '阿城']);
    await library.importPaths([files]);
    for (const collation of ['zh', 'zh-Hant'] as const) {
      expect(listedWithoutWriting(collation)).toEqual(oracle(collation));
      expect(byTitle(collation)).toHaveLength(cities.length + 3);
    }
  });

  it('an import into a library that needs ranking anew leaves it to the background', async () => {
    for (const title of cities) add(title);
    unrank();
    const files = path.join(dir, 'files');
    fs.mkdirSync(files);
    fs.writeFileSync(path.join(files, 'a.txt'), '南京\n\n南京的正文,讲一件事。');
    await library.importPaths([files]);
    // Ranking 15 titles for 1 imported is not the import's to pay.
    expect(titleRanksNeed(library.database(), 'zh')).toBe('rank');
    expect(byTitle('zh')).toEqual(oracle('zh'));
  });

  it('ranks an unranked library in the background, after which a title list writes nothing', async () => {
    for (const title of cities) add(title);
    unrank();
    const keeper = keepTitleRanks(() => library.database(), () => Promise.resolve(), { startDelayMs: 0, sliceMs: 0 });
    try {
      await keeper.whenCurrent();
      expect(keeper.slices.count).toBeGreaterThan(3);
    } finally {
      keeper.stop();
    }
    for (const collation of ['zh', 'zh-Hant'] as const) {
      expect(titleRanksNeed(library.database(), collation)).toBe('nothing');
      expect(listedWithoutWriting(collation)).toEqual(oracle(collation));
    }
  });

  it('follows writes made between its slices: a rename, an article added, one deleted', async () => {
    const ids = cities.map(add);
    unrank();
    const work = rankAnew(library.database(), ['zh', 'zh-Hant'], 4);
    // Titles read, sorted, and some ranks written.
    for (let i = 0; i < 6; i++) work.next();
    library.updateMetadata(ids[3]!, { title: '阿里巴巴' });
    library.updateMetadata(ids[12]!, { title: '最后' });
    add('长沙');
    library.trashArticle(ids[5]!);
    await library.emptyTrash();
    while (!work.next().done);
    for (const collation of ['zh', 'zh-Hant'] as const) {
      expect(titleRanksNeed(library.database(), collation)).toBe('nothing');
      expect(listedWithoutWriting(collation)).toEqual(oracle(collation));
    }
    expect(byTitle('zh')[0]).toBe('阿里巴巴');
  });

  it('a title list asked mid-way ranks every title itself, and the ranking then writes nothing more', () => {
    for (const title of cities) add(title);
    unrank();
    const work = rankAnew(library.database(), ['zh'], 4);
    // Titles read and sorted, the first two stretches of ranks written.
    for (let i = 0; i < 4; i++) work.next();
    expect(byTitle('zh')).toEqual(oracle('zh'));
    const ranks = () => library.database().prepare('SELECT id, title_rank_zh FROM article ORDER BY id').raw().all();
    const listed = ranks();
    while (!work.next().done);
    expect(ranks()).toEqual(listed);
    expect(listedWithoutWriting('zh')).toEqual(oracle('zh'));
  });

  it('a ranking cut off (kill -9) leaves ranks of two orders that no list reads as one', async () => {
    for (const title of cities) add(title);
    byTitle('zh');
    // Ranks of another order, as other collation data would have placed them: reversed.
    library.database().exec("UPDATE article SET title_rank_zh = -title_rank_zh; UPDATE article_title_ranked SET collation = 'zh cldr 0.0' WHERE collation LIKE 'zh %'");
    const work = rankAnew(library.database(), ['zh'], 4);
    // Titles read and sorted, the first two stretches of ranks written.
    for (let i = 0; i < 4; i++) work.next();
    // Cut off: never resumed. The next process's list orders right, and so does its keeper.
    library.close();
    library = await createLibrary({ dbPath });
    expect(titleRanksNeed(library.database(), 'zh')).toBe('rank');
    expect(byTitle('zh')).toEqual(oracle('zh'));
    library.database().exec("UPDATE article SET title_rank_zh = -title_rank_zh; UPDATE article_title_ranked SET collation = 'zh cldr 0.0' WHERE collation LIKE 'zh %'");
    const cut = rankAnew(library.database(), ['zh'], 4);
    for (let i = 0; i < 4; i++) cut.next();
    library.close();
    library = await createLibrary({ dbPath, rankTitlesInBackground: true });
    await library.titleRanks!.whenCurrent();
    expect(listedWithoutWriting('zh')).toEqual(oracle('zh'));
  });
});
