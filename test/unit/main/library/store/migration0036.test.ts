import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { foldTitle } from '../../../../../main/library/store/titleFold';
import { openAsSchema } from './searchMigrationCase';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * Issue #16: migration 0036 gives the library list an index per order and keeps each title as
 * the title filter compares it (title_folded). A library from schema 35 is carried over with its
 * titles folded as they stood, and from then on every import and rename folds its title anew.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const ask = { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 50 } as const;

describe('migration 0036', () => {
  it('folds the titles of a library from schema 35, and each title imported or renamed after', async () => {
    const [first] = seeded.library.listArticles();
    seeded.library.close();
    const old = openAsSchema(seeded.dbPath, 35);
    expect(old.prepare("SELECT count(*) FROM pragma_table_info('article') WHERE name = 'title_folded'").pluck().get()).toBe(0);
    old.prepare('UPDATE article SET title = ? WHERE id = ?').run('晉江 PIZHU 舊聞', first!.id);
    old.close();

    const library = (seeded.library = await createLibrary({ dbPath: seeded.dbPath }));
    const db = library.database();
    const rows = db.prepare('SELECT title, title_folded FROM article').all() as Array<{ title: string; title_folded: string }>;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.title_folded).toBe(foldTitle(row.title));
    expect(library.listArticlePage({ ...ask, query: '晋江 pizhu' }).rows.map((r) => r.id)).toEqual([first!.id]);

    const added = library.importText('新聞的正文。\n\n第二段。', 'Ｐizhu 新聞').articleId!;
    library.updateMetadata(first!.id, { title: '别的标题' });
    const folded = db.prepare('SELECT id, title_folded FROM article WHERE id IN (?, ?) ORDER BY id').raw().all(first!.id, added);
    expect(folded).toEqual([[first!.id, foldTitle('别的标题')], [added, foldTitle('Ｐizhu 新聞')]].sort((a, b) => (a[0] as number) - (b[0] as number)));
    expect(library.listArticlePage({ ...ask, query: '新闻' }).rows.map((r) => r.id)).toEqual([added]);
    expect(library.listArticlePage({ ...ask, query: '晋江' }).total).toBe(rows.filter((r) => r.title_folded.includes('晋江')).length - 1);
  });
});
