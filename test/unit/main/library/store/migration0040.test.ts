import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { openAsSchema } from './searchMigrationCase';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import type { ArticlePageRequest } from '../../../../../preload/contract/articlePageTypes';

/**
 * Issue #16: migration 0040 keeps each title's place in the list's title order (store/titleRanks)
 * and indexes the last opened article. A library from schema 39 is carried over with every title
 * unplaced; its first list by title shows the collation's order and places them, and the article
 * the app reopens is the one it was.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const byTitle: ArticlePageRequest = { view: 'library', sort: 'title', collation: 'zh', query: '', tag: '', offset: 0, limit: 50 };

describe('migration 0040', () => {
  it('carries a schema-39 library over: its titles in order, ranked at the first list by title, the last opened article kept', async () => {
    const [first, second] = seeded.library.listArticles();
    seeded.library.markOpened(second!.id);
    seeded.library.markOpened(first!.id);
    seeded.library.close();
    const old = openAsSchema(seeded.dbPath, 39);
    expect(old.prepare("SELECT count(*) FROM pragma_table_info('article') WHERE name LIKE 'title_rank%'").pluck().get()).toBe(0);
    old.prepare('UPDATE article SET title = ? WHERE id = ?').run('阿里巴巴', second!.id);
    old.close();

    const library = (seeded.library = await createLibrary({ dbPath: seeded.dbPath }));
    const db = library.database();
    expect(db.prepare('SELECT count(*) FROM article WHERE title_rank_zh IS NOT NULL').pluck().get()).toBe(0);
    expect(library.lastOpenedArticle()).toBe(first!.id);

    // Every title sorted by the collation, as the list sorted them before ranks were kept.
    const collator = new Intl.Collator('zh', { ignorePunctuation: true, numeric: true });
    const sorted = () =>
      (db.prepare('SELECT id, title FROM article').raw().all() as Array<[number, string]>)
        .sort((a, b) => collator.compare(a[1], b[1]) || a[0] - b[0])
        .map(([, title]) => title);
    expect(library.listArticlePage(byTitle).rows.map((r) => r.title)).toEqual(sorted());
    expect(sorted()[0]).toBe('阿里巴巴');
    expect(db.prepare('SELECT count(*) FROM article WHERE title_rank_zh IS NULL').pluck().get()).toBe(0);
    // Renamed after: placed again.
    library.updateMetadata(first!.id, { title: '安徽来信' });
    expect(library.listArticlePage(byTitle).rows.map((r) => r.title)).toEqual(sorted());
    expect(sorted()).toContain('安徽来信');
  });
});
