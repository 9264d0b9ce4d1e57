import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { openAsSchema } from './searchMigrationCase';
import { openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * Issue #19: migration 0043 keeps the unplaced notes and tags a JSON backup brought back
 * (restored_unplaced): listed with the article, set aside like the others, gone with the article.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

describe('migration 0043', () => {
  it('carries a schema-42 library over, and its rows are listed with their article and go with it', async () => {
    const article = seedArticle(seeded.library, '001');
    seeded.library.close();
    const old = openAsSchema(seeded.dbPath, 42);
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'restored_unplaced'").pluck().get()).toBe(0);
    old.close();

    const library = (seeded.library = await createLibrary({ dbPath: seeded.dbPath }));
    const db = library.database();
    const insert = db.prepare(
      `INSERT INTO restored_unplaced (article_id, entry, kind, tag_name, plain_text, markdown, made_by_name, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(article.id, 'note/1@aa', 'note', null, '备份里的笔记', '备份里的笔记', '林', '2026-12-01T08:00:00.000Z');
    // A tag row names its tag; a note's none.
    expect(() => insert.run(article.id, 'x', 'paragraph_tag', null, '', '', '', '')).toThrow(/CHECK/);
    expect(library.getArticle(article.id).unplaced).toEqual([
      {
        key: 'note/1@aa',
        kind: 'note',
        plainText: '备份里的笔记',
        markdown: '备份里的笔记',
        tag: null,
        madeBy: '',
        updatedAt: '2026-12-01T08:00:00.000Z',
        dismissed: false,
        restoredMaker: '林',
      },
    ]);
    expect(library.setUnplacedDismissed(article.id, 'note/1@aa', true).map((u) => u.dismissed)).toEqual([true]);
    db.prepare('DELETE FROM article WHERE id = ?').run(article.id);
    expect(db.prepare('SELECT count(*) FROM restored_unplaced').pluck().get()).toBe(0);
  });
});
