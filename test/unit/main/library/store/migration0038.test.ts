import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { openAsSchema } from './searchMigrationCase';

/**
 * Issue #16: migration 0038 stores a highlight this library's member made with its maker as x''
 * (store/madeHere), read back as the member's uid. A schema-37 library is carried over, backed up,
 * with every highlight's maker reading back as it was (this member's, another member's, nobody's),
 * new and synced makers kept so, and the uid written out should the member's uid ever change.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const storedMakers = (db: Db) =>
  db.prepare("SELECT id, iif(typeof(made_by) = 'blob', 'here', made_by) AS made_by FROM highlight ORDER BY id").raw().all();
const makersRead = (seeded: SeededLibrary) =>
  seeded.library
    .listArticles()
    .flatMap((a) => seeded.library.getArticle(a.id).highlights.map((h) => [h.id, h.madeBy]))
    .sort((a, b) => (a[0] as number) - (b[0] as number));

describe('migration 0038: highlights made here', () => {
  it('carries a schema-37 library over with every maker reading back as it was, and keeps new ones so', async () => {
    const { library } = seeded;
    const paragraphs = bodyParagraphs(seedArticle(library, '001'), 20);
    for (const p of paragraphs.slice(0, 6)) library.annotations.createHighlight({ paragraphId: p.id, start: 0, end: 4, color: 'yellow', tags: ['甲'] });
    const me = library.team.members().find((m) => m.me)!.uid;
    library.close();

    const old = openAsSchema(seeded.dbPath, 37);
    const [other, nobody] = old.prepare('SELECT id FROM highlight ORDER BY id LIMIT 2').pluck().all() as number[];
    const someoneElse = '0f0e0d0c-0b0a-4908-8706-050403020100';
    old.prepare('UPDATE highlight SET made_by = ? WHERE id = ?').run(someoneElse, other);
    old.prepare("UPDATE highlight SET made_by = '' WHERE id = ?").run(nobody);
    const before = old.prepare('SELECT id, made_by FROM highlight ORDER BY id').raw().all() as Array<[number, string]>;
    expect(before.filter(([, by]) => by === me)).toHaveLength(4);
    const bytesBefore = old.prepare('SELECT sum(length(made_by)) FROM highlight').pluck().get() as number;
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const db = seeded.library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-37-to'))).toBe(true);
    expect(storedMakers(db)).toEqual(before.map(([id, by]) => [id, by === me ? 'here' : by]));
    expect(db.prepare('SELECT sum(length(made_by)) FROM highlight').pluck().get()).toBeLessThan(bytesBefore / 3);
    expect(makersRead(seeded)).toEqual(before);
    expect(seeded.library.verify().damaged).toEqual([]);

    // A new highlight is made here; an edit keeps each maker; a writer naming the member (a sync
    // projection, an undo) is kept as made here, one naming another member as written.
    const made = seeded.library.annotations.createHighlight({ paragraphId: paragraphs[7]!.id, start: 1, end: 3, color: 'blue' });
    expect(made.madeBy).toBe(me);
    seeded.library.annotations.updateHighlight(other!, 'pink');
    db.prepare('UPDATE highlight SET made_by = ? WHERE id = ?').run(me, nobody);
    const expected: Array<[number, string]> = [...before.map(([id, by]): [number, string] => [id, id === nobody ? me : by]), [made.id, me]];
    expect(makersRead(seeded)).toEqual(expected);
    expect(storedMakers(db)).toEqual(expected.map(([id, by]) => [id, by === me ? 'here' : by]));

    // Undo puts a deleted row back through the journal, its maker written as the uid: made here again.
    seeded.library.annotations.deleteHighlight(made.id);
    seeded.library.annotations.undo();
    expect(makersRead(seeded)).toContainEqual([made.id, me]);
    expect(storedMakers(db)).toContainEqual([made.id, 'here']);

    // Should the member's uid change, what was made here keeps the uid it was made by.
    const read = makersRead(seeded);
    db.prepare("UPDATE sync_state SET member_uid = 'a-new-uid'").run();
    expect(makersRead(seeded)).toEqual(read);
    expect(db.prepare("SELECT count(*) FROM highlight WHERE typeof(made_by) = 'blob'").pluck().get()).toBe(0);
  });
});
