import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { registerChecksumFunction } from '../../../../../main/library/store/contentHashes';
import { rawSql } from '../../../../../main/library/store/paragraphRaw';
import { registerSearchFunctions } from '../../../../../main/library/search/searchFunctions';
import { annotationRowsWithoutUids, bodyParagraphs, withoutMakers, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * Issue #16, a smaller library: a paragraph's raw text equal to its text was stored twice. A
 * library written before migration 0014 is carried over with every article, anchor and checksum
 * read back identical, and holds the raw text once afterwards.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

/** Everything a person gets back from the library, per article, plus the stored checksums. */
function contents(library: Library): unknown {
  const db = library.database();
  // Less who made each annotation: a library rolled back before migration 0029 has lost that by design.
  return withoutMakers({
    articles: library.listArticles().map((a) => library.getArticle(a.id)),
    annotations: annotationRowsWithoutUids(db),
    checksums: db.prepare('SELECT id, checksum FROM paragraph UNION ALL SELECT -id, checksum FROM article ORDER BY 1').all(),
  });
}

/**
 * Turns a library of this version back into one of schema 13: raw text stored beside every
 * text, and migration 0006's checksum trigger over the stored columns, as Pizhu wrote them.
 */
function asSchema13(file: string): void {
  const db = new Database(file);
  registerChecksumFunction(db);
  registerSearchFunctions(db);
  db.exec(`
    DROP TRIGGER paragraph_checksum_update;
    CREATE TRIGGER paragraph_checksum_update AFTER UPDATE OF text, raw, flags, removals, kind, checksum ON paragraph
      WHEN new.checksum IS NOT pizhu_checksum(new.text, new.raw, new.flags, new.removals, new.kind)
    BEGIN
      UPDATE paragraph SET checksum = pizhu_checksum(new.text, new.raw, new.flags, new.removals, new.kind) WHERE id = new.id;
    END;
    UPDATE paragraph SET raw = ${rawSql()} WHERE raw = '';
  `);
  undoMigrationsAfter(db, 13);
  db.pragma('user_version = 13');
  db.close();
}

describe('migration 0014: a paragraph raw text that is its text is stored once', () => {
  it('carries a schema-13 library over: every article, highlight anchor, note and checksum reads back identical', async () => {
    const { library } = seeded;
    for (const summary of library.listArticles()) {
      bodyParagraphs(library.getArticle(summary.id), 10).slice(0, 3).forEach((p, i) => {
        library.annotations.createHighlight({ paragraphId: p.id, start: 1, end: Math.min(6, p.text.length), color: 'yellow', tags: ['要点'] });
        if (i === 0) library.annotations.saveNote({ paragraphId: p.id, editorState: '{}', plainText: '核对出处', markdown: '核对出处' });
      });
    }
    // A paragraph whose cleaning removed something keeps its own raw text.
    library.importText('第一段 有 空格\n\n第二段文字內容。', '空格');
    const expected = contents(library);
    const db = library.database();
    const rawDiffers = (db.prepare(`SELECT count(*) AS n FROM paragraph WHERE ${rawSql()} <> text`).get() as { n: number }).n;
    expect(rawDiffers).toBeGreaterThan(0);
    library.close();

    asSchema13(seeded.dbPath);
    const old = new Database(seeded.dbPath, { readonly: true });
    expect((old.prepare("SELECT count(*) AS n FROM paragraph WHERE raw = ''").get() as { n: number }).n).toBe(0);
    const bytes = (sql: string) => (old.prepare(sql).get() as { n: number }).n;
    const oldBytes = bytes('SELECT sum(length(CAST(raw AS BLOB))) AS n FROM paragraph');
    const ownRawBytes = bytes('SELECT sum(length(CAST(raw AS BLOB))) AS n FROM paragraph WHERE raw <> text');
    old.close();

    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir: path.join(seeded.dir, 'backups') });
    const migrated = seeded.library;
    expect(migrated.database().pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(path.join(seeded.dir, 'backups')).some((f) => f.includes('before-migration-13-to'))).toBe(true);
    expect(contents(migrated)).toEqual(expected);
    expect(migrated.verify().damaged).toEqual([]);

    const stored = migrated.database();
    const newBytes = (stored.prepare('SELECT sum(length(CAST(raw AS BLOB))) AS n FROM paragraph').get() as { n: number }).n;
    // Only the raw texts that are not their text were still stored; since 0028 not those their removals give back either.
    expect(ownRawBytes).toBeGreaterThan(0);
    expect(newBytes).toBe(0);
    expect(newBytes).toBeLessThan(oldBytes);
    expect((stored.prepare(`SELECT count(*) AS n FROM paragraph WHERE ${rawSql()} <> text`).get() as { n: number }).n).toBe(rawDiffers);
  });

  it('keeps checksums right through writes after the migration: a re-classification and a re-clean', () => {
    const { library } = seeded;
    const article = library.listArticles()[0]!;
    const paragraph = bodyParagraphs(library.getArticle(article.id), 10)[0]!;
    library.reclassifyParagraph(paragraph.id, 'boilerplate');
    library.recleanArticle(article.id);
    const check = library.verify();
    expect(check.damaged).toEqual([]);
    const view = library.getArticle(article.id);
    expect(view.paragraphs.every((p) => p.raw.length >= p.text.length)).toBe(true);
    expect(view.paragraphs.find((p) => p.id === paragraph.id)?.raw).toBe(paragraph.raw);
  });
});
