import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { selectedColumns } from '../../../../../main/library/journal/journaledTables';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { openAsSchema } from './searchMigrationCase';

/**
 * Issue #16: migration 0039 stores a tag assignment (on a highlight or a paragraph) that this
 * library's member made with its maker as x'' (store/madeHere), read back as the member's uid. A
 * schema-38 library is carried over, backed up, every maker reading back as it was; new
 * assignments, an undo and a change of the member's uid keep it so.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const tables = ['highlight_tag', 'paragraph_tag'] as const;
/** Every assignment's row as the journal reads it (the maker as its uid), and as stored ('here' for x''). */
const makersRead = (db: Db) => tables.map((t) => db.prepare(`SELECT ${selectedColumns(t)} FROM ${t} ORDER BY 1, 2`).raw().all());
const makersStored = (db: Db) =>
  tables.flatMap((t) => db.prepare(`SELECT iif(typeof(made_by) = 'blob', 'here', made_by) FROM ${t}`).pluck().all() as string[]);

describe('migration 0039: tag assignments made here', () => {
  it('carries a schema-38 library over with every maker reading back as it was, and keeps new ones so', async () => {
    const { library } = seeded;
    const paragraphs = bodyParagraphs(seedArticle(library, '001'), 20);
    for (const p of paragraphs.slice(0, 4)) library.annotations.createHighlight({ paragraphId: p.id, start: 0, end: 4, color: 'yellow', tags: ['甲', '乙'] });
    for (const p of paragraphs.slice(4, 7)) library.annotations.tagParagraph(p.id, '段落');
    const me = library.team.members().find((m) => m.me)!.uid;
    library.close();

    const old = openAsSchema(seeded.dbPath, 38);
    const someoneElse = '0f0e0d0c-0b0a-4908-8706-050403020100';
    old.prepare("UPDATE highlight_tag SET made_by = ? WHERE tag_id = (SELECT id FROM tag WHERE name = '乙') AND highlight_id = ?")
      .run(someoneElse, old.prepare('SELECT min(id) FROM highlight').pluck().get());
    old.prepare("UPDATE paragraph_tag SET made_by = '' WHERE paragraph_id = ?").run(paragraphs[4]!.id);
    const before = makersRead(old);
    expect(before.flat().filter((r) => (r as unknown[])[2] === me)).toHaveLength(7 + 2);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const db = seeded.library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-38-to'))).toBe(true);
    expect(makersRead(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM highlight_tag WHERE typeof(made_by) = 'blob'").pluck().get()).toBe(7);
    expect(db.prepare("SELECT count(*) FROM paragraph_tag WHERE typeof(made_by) = 'blob'").pluck().get()).toBe(2);

    // New assignments are made here; an undone removal is put back through the journal as made here.
    seeded.library.annotations.tagParagraph(paragraphs[8]!.id, '段落');
    const highlight = seeded.library.annotations.createHighlight({ paragraphId: paragraphs[9]!.id, start: 0, end: 2, color: 'blue', tags: ['丙'] });
    seeded.library.annotations.untagParagraph(paragraphs[5]!.id, '段落');
    seeded.library.annotations.undo();
    const after = makersRead(db);
    expect(after[1]).toContainEqual([paragraphs[8]!.id, expect.any(Number), me]);
    expect(after[1]).toContainEqual([paragraphs[5]!.id, expect.any(Number), me]);
    expect(after[0]).toContainEqual([highlight.id, expect.any(Number), me]);
    expect(makersStored(db)).not.toContain(me);
    expect(new Set(makersStored(db))).toEqual(new Set(['here', ...makersStored(db).filter((by) => by === '' || by === someoneElse)]));

    // Should the member's uid change, what was made here keeps the uid it was made by.
    db.prepare("UPDATE sync_state SET member_uid = 'a-new-uid'").run();
    expect(makersRead(db)).toEqual(after);
    expect(db.prepare("SELECT count(*) FROM highlight_tag WHERE typeof(made_by) = 'blob'").pluck().get()).toBe(0);
  });
});
