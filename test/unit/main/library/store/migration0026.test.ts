import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { openAsSchema } from './searchMigrationCase';

/**
 * Sync (#19): migration 0026 gives every replicated row a uid (an article its content hash) and
 * the first open after it writes the annotations the library already had into its sync documents,
 * so a library with years of notes starts syncing with them, and a second library that takes
 * those documents shows the same annotations.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

describe('migration 0026: uids and sync documents', () => {
  it('carries a schema-25 library over with uids, and its annotations into the documents', async () => {
    const article = seedArticle(seeded.library, '001');
    const [first, second] = bodyParagraphs(article, 20);
    const { annotations } = seeded.library;
    annotations.createHighlight({ paragraphId: first!.id, start: 0, end: 4, color: 'green', tags: ['旧标签'] });
    annotations.tagParagraph(second!.id, '段落标签');
    annotations.saveNote({ paragraphId: second!.id, editorState: '{}', plainText: '旧笔记', markdown: '旧笔记' });
    seeded.library.close();

    const old = openAsSchema(seeded.dbPath, 25);
    expect(old.prepare("SELECT count(*) FROM pragma_table_info('highlight') WHERE name = 'uid'").pluck().get()).toBe(0);
    old.close();

    seeded.library = await createLibrary({ dbPath: seeded.dbPath });
    const db = seeded.library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.prepare('SELECT count(*) FROM article WHERE uid IS NOT content_hash').pluck().get()).toBe(0);
    for (const table of ['highlight', 'tag']) {
      const uids = db.prepare(`SELECT uid FROM ${table}`).pluck().all() as string[];
      expect(uids.length).toBeGreaterThan(0);
      for (const uid of uids)
        expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const dump = JSON.stringify(seeded.library.sync.dump());
    for (const words of ['旧标签', '段落标签', '旧笔记']) expect(dump).toContain(words);

    // A new library with the same article takes the documents and shows the same annotations.
    const other = await openSeededLibrary();
    try {
      const copy = seedArticle(other.library, '001');
      for (const name of seeded.library.sync.docNames()) other.library.sync.apply(name, seeded.library.sync.diff(name));
      expect(other.library.sync.projectionDump()).toEqual(seeded.library.sync.projectionDump());
      const view = other.library.getArticle(copy.id);
      expect(view.highlights.map((h) => h.tags)).toEqual([['旧标签']]);
      expect(view.notes.map((n) => n.plainText)).toEqual(['旧笔记']);
    } finally {
      other.dispose();
    }
  });
});
