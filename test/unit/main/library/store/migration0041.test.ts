import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { openAsSchema } from './searchMigrationCase';
import { openSeededLibrary, seedArticle, bodyParagraphs, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * Issue #19: migration 0041 adds what the sync purge keeps (sync/purge): the tombstones of this
 * device's deletes and the entries purged. A delete made before it recorded nothing of what the
 * device had seen, so it is never purged; one made after is.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

describe('migration 0041', () => {
  it('carries a schema-40 library over: an older delete stays in the documents, a new one is purged', async () => {
    const article = seedArticle(seeded.library, '001');
    const [paragraph] = bodyParagraphs(article);
    const make = () =>
      seeded.library.annotations.createHighlight({ paragraphId: paragraph!.id, start: 0, end: 4, color: 'yellow' });
    const uidOf = (id: number) =>
      seeded.library.database().prepare('SELECT uid FROM highlight WHERE id = ?').pluck().get(id) as string;
    const older = make();
    const olderUid = uidOf(older.id);
    seeded.library.annotations.deleteHighlight(older.id);
    seeded.library.close();
    const old = openAsSchema(seeded.dbPath, 40);
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('sync_tombstone', 'sync_purged')").pluck().get()).toBe(0);
    old.close();

    const library = (seeded.library = await createLibrary({ dbPath: seeded.dbPath }));
    expect(library.sync.purge()).toMatchObject({ purged: 0, waiting: 0 });
    const newer = make();
    const newerUid = uidOf(newer.id);
    library.annotations.deleteHighlight(newer.id);
    // No other device has ever synced with this library: none to wait for.
    expect(library.sync.purge()).toMatchObject({ purged: 1, waiting: 0, heldBackBy: [] });
    // The older delete's entry is still there; the newer one's is gone.
    const deleted = Object.values(library.sync.dump() as Record<string, { highlights?: Record<string, Record<string, unknown>> }>)
      .flatMap((doc) => Object.entries(doc.highlights ?? {}))
      .filter(([, entry]) => entry.deleted === true)
      .map(([uid]) => uid);
    expect(deleted).toEqual([olderUid]);
    expect(newerUid).not.toBe(olderUid);
  });
});
