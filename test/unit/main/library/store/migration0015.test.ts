import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { readBackup } from '../../../../../main/library/export/exportBackup';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { registerChecksumFunction } from '../../../../../main/library/store/contentHashes';
import { rawTextOf, rawTextSql, storedRawText } from '../../../../../main/library/store/rawTextCodec';
import { registerSearchFunctions } from '../../../../../main/library/search/searchFunctions';
import { annotationRowsWithoutUids, bodyParagraphs, withoutMakers, openSeededLibrary, seedsDir, type SeededLibrary } from '../../../../support/seededLibrary';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * Issue #16, a smaller library: an article's raw text (what a re-clean rebuilds it from) was
 * stored as plain text, a fifth of the file. A library written before migration 0015 is carried
 * over with every article, raw text, anchor and checksum read back identical, and stores the raw
 * texts compressed afterwards.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

/** Everything a person gets back, the raw texts as a re-clean and a backup read them, and the stored checksums. */
function contents(library: Library): unknown {
  const db = library.database();
  const backup = readBackup(db, '2026-11-23T10:00:00.000Z');
  // Less who made each annotation: a library rolled back before migration 0029 has lost that by design.
  return withoutMakers({
    articles: library.listArticles().map((a) => library.getArticle(a.id)),
    rawTexts: backup.articles.map((a) => a.rawText),
    annotations: annotationRowsWithoutUids(db),
    checksums: db.prepare('SELECT id, checksum FROM article UNION ALL SELECT -id, checksum FROM paragraph ORDER BY 1').all(),
  });
}

/** Turns a library of this version back into one of schema 14: raw text stored as text, 0006's article triggers over it. */
function asSchema14(file: string): void {
  const db = new Database(file);
  registerChecksumFunction(db);
  registerSearchFunctions(db);
  const sum = 'pizhu_checksum(new.raw_text, new.title, new.subtitle, new.source, new.author, new.published_at, new.url)';
  db.exec(`
    DROP TRIGGER article_checksum_insert;
    CREATE TRIGGER article_checksum_insert AFTER INSERT ON article WHEN new.checksum IS NULL
    BEGIN UPDATE article SET checksum = ${sum} WHERE id = new.id; END;
    DROP TRIGGER article_checksum_update;
    CREATE TRIGGER article_checksum_update AFTER UPDATE OF raw_text, title, subtitle, source, author, published_at, url, checksum ON article
      WHEN new.checksum IS NOT ${sum}
    BEGIN UPDATE article SET checksum = ${sum} WHERE id = new.id; END;
    UPDATE article SET raw_text = ${rawTextSql('article')};
  `);
  undoMigrationsAfter(db, 14);
  db.pragma('user_version = 14');
  db.close();
}

const storedTypes = (db: Database.Database) =>
  db.prepare('SELECT typeof(raw_text) AS type, count(*) AS n FROM article GROUP BY 1 ORDER BY 1').all();

describe('migration 0015: an article raw text is stored compressed', () => {
  it('carries a schema-14 library over: every article, raw text, anchor, note and checksum reads back identical', async () => {
    const { library } = seeded;
    for (const summary of library.listArticles()) {
      const [p] = bodyParagraphs(library.getArticle(summary.id), 10);
      if (!p) continue;
      library.annotations.createHighlight({ paragraphId: p.id, start: 1, end: Math.min(6, p.text.length), color: 'yellow', tags: ['要点'] });
      library.annotations.saveNote({ paragraphId: p.id, editorState: '{}', plainText: '核对出处', markdown: '核对出处' });
    }
    library.importText('短文。', '短');
    const expected = contents(library);
    library.close();

    asSchema14(seeded.dbPath);
    const old = new Database(seeded.dbPath, { readonly: true });
    expect(storedTypes(old)).toEqual([{ type: 'text', n: 6 }]);
    const oldBytes = (old.prepare('SELECT sum(length(CAST(raw_text AS BLOB))) AS n FROM article').get() as { n: number }).n;
    old.close();

    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir: path.join(seeded.dir, 'backups') });
    const migrated = seeded.library;
    expect(migrated.database().pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(path.join(seeded.dir, 'backups')).some((f) => f.includes('before-migration-14-to'))).toBe(true);
    expect(contents(migrated)).toEqual(expected);
    expect(migrated.verify().damaged).toEqual([]);

    // The five seeds are compressed; the short pasted text stays text.
    const db = migrated.database();
    expect(storedTypes(db)).toEqual([{ type: 'blob', n: 5 }, { type: 'text', n: 1 }]);
    const newBytes = (db.prepare('SELECT sum(length(raw_text)) AS n FROM article').get() as { n: number }).n;
    expect(newBytes).toBeLessThan(oldBytes * 0.75);

    // A re-clean rebuilds from the compressed raw text: the same paragraphs, every anchor kept.
    const first = migrated.listArticles()[0]!;
    const before = migrated.getArticle(first.id);
    const report = migrated.recleanArticle(first.id);
    expect(report.orphans).toEqual([]);
    expect(report.placed.position).toBe(1);
    expect(migrated.getArticle(first.id).paragraphs.map((p) => [p.text, p.raw])).toEqual(before.paragraphs.map((p) => [p.text, p.raw]));
    expect(migrated.verify().damaged).toEqual([]);
  });

  it('a new import stores the file text compressed and gives it back byte for byte, through a reopen', async () => {
    const raw = fs.readFileSync(path.join(seedsDir, '001_a93c50df4467935a.txt'), 'utf8');
    const library = await seeded.reopen();
    const row = library.database().prepare(
      `SELECT typeof(raw_text) AS type, ${rawTextSql('article')} AS text FROM article WHERE file_name = '001_a93c50df4467935a.txt'`,
    ).get() as { type: string; text: string };
    expect(row).toEqual({ type: 'blob', text: raw });
  });
});

describe('rawTextCodec', () => {
  it('round-trips any text, keeps short or incompressible text as text, and says when a stored value holds none', () => {
    const long = '出入境管理大隊為晉江市民辦理業務。𠀀\u0000 mixed ASCII\r\n'.repeat(40);
    const stored = storedRawText(long);
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(rawTextOf(stored)).toBe(long);
    expect(storedRawText('短文。')).toBe('短文。');
    expect(storedRawText('')).toBe('');
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');
    expect(rawTextOf(storedRawText(noise))).toBe(noise);

    const damaged = Buffer.from(stored as Buffer);
    damaged[10] = damaged[10]! ^ 0xff;
    expect(rawTextOf(damaged) === long).toBe(false);
    const unknownFormat = Buffer.from(stored as Buffer);
    unknownFormat[0] = 2;
    expect(rawTextOf(unknownFormat)).toBeUndefined();
    expect(rawTextOf(null)).toBeUndefined();
    expect(rawTextOf(42)).toBeUndefined();
  });
});
