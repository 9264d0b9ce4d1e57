import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { readBackup } from '../../../../../main/library/export/exportBackup';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { bodyParagraphs, everythingReadBack, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { openAsSchema } from './searchMigrationCase';

/**
 * Issue #16, a smaller library: migration 0037 stores each paragraph's removals compactly
 * (store/removalsCodec) and keeps article_band without its index by article, a fingerprint's
 * delete trigger finding its rows by their key. A schema-36 library is carried over, backed up,
 * with every article, anchor, backup and re-clean reading back as before, a damaged paragraph
 * still reported, and the band rows as they were, deleted with their fingerprint from then on.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
  const folder = path.join(seeded.dir, 'html');
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, 'page.html'),
    `<html><head><title>区域网络</title></head><body><article><h1>区域网络</h1>
     <p>\u3000\u3000街头巷尾，巡逻民警的身影穿梭不息，区(qū)域内的治安持续向好，网(wǎng)格员走街串巷。</p>
     <p>指挥中心的数(shù)智系统高效运转，让违法犯罪无处遁形。</p></article></body></html>`,
  );
  await seeded.library.importPaths([folder]);
});
afterEach(() => seeded.dispose());

const bandRows = (db: Db) => db.prepare('SELECT band, bucket, article_id FROM article_band ORDER BY 1, 2, 3').raw().all();
const removalsBytes = (db: Db) => db.prepare('SELECT sum(length(CAST(removals AS BLOB))) FROM paragraph').pluck().get() as number;
const jsonRemovals = (db: Db) => db.prepare("SELECT count(*) FROM paragraph WHERE removals LIKE '[{%'").pluck().get() as number;

/** A highlight on each paragraph with removals (up to two an article) and a note in each article. */
function annotate(seeded: SeededLibrary): void {
  const { library } = seeded;
  for (const summary of library.listArticles()) {
    for (const p of library.getArticle(summary.id).paragraphs.filter((p) => p.removals.length > 0).slice(0, 2)) {
      library.annotations.createHighlight({ paragraphId: p.id, start: 0, end: Math.min(4, p.text.length), color: 'blue', tags: ['读音'] });
    }
    const [body] = bodyParagraphs(library.getArticle(summary.id), 10);
    if (body) library.annotations.saveNote({ paragraphId: body.id, editorState: '{}', plainText: '注', markdown: '注' });
  }
}

describe('migration 0037: a smaller library', () => {
  it('carries a schema-36 library over: every article, anchor, backup and re-clean reads back as before', async () => {
    annotate(seeded);
    const { library } = seeded;
    // Fingerprints for every article, so there are band rows to carry.
    expect(library.listDuplicates()).toBeDefined();
    const expected = everythingReadBack(library);
    const backupJson = JSON.stringify(readBackup(library.database(), '2026-12-07T00:00:00.000Z'));
    const compactBytes = removalsBytes(library.database());
    library.close();

    const old = openAsSchema(seeded.dbPath, 36);
    const bands = bandRows(old);
    expect(bands.length).toBeGreaterThanOrEqual(20 * 6);
    const withRemovals = jsonRemovals(old);
    expect(withRemovals).toBeGreaterThan(10);
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'article_band_by_article'").pluck().get()).toBe(1);
    const jsonBytes = removalsBytes(old);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    const migrated = (seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir }));
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-36-to'))).toBe(true);
    expect(everythingReadBack(migrated)).toEqual(expected);
    expect(JSON.stringify(readBackup(db, '2026-12-07T00:00:00.000Z'))).toBe(backupJson);
    expect(migrated.verify().damaged).toEqual([]);
    expect(jsonRemovals(db)).toBe(0);
    expect(removalsBytes(db)).toBe(compactBytes);
    expect(compactBytes).toBeLessThan(jsonBytes / 3);
    expect(bandRows(db)).toEqual(bands);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'article_band_by_article'").pluck().get()).toBe(0);

    // A re-clean rebuilds every paragraph from the raw text that the compact removals give back.
    for (const summary of migrated.listArticles()) expect(migrated.recleanArticle(summary.id).orphans).toEqual([]);
    expect(everythingReadBack(migrated)).toEqual(expected);
    expect(migrated.verify().damaged).toEqual([]);
  });

  it('leaves a damaged paragraph as it was, still reported, and an irregular list as JSON', async () => {
    const { library } = seeded;
    const html = library.listArticles().find((a) => a.title === '区域网络')!;
    const [damaged, irregular] = library.getArticle(html.id).paragraphs.filter((p) => p.removals.length > 0);
    expect(irregular).toBeDefined();
    library.close();

    const old = openAsSchema(seeded.dbPath, 36);
    // Irregular: the same removals with their keys in another order (nothing Pizhu writes), checksummed by the trigger.
    const reordered = JSON.stringify(irregular!.removals.map(({ start, end, text, reason }) => ({ reason, text, end, start })));
    old.prepare('UPDATE paragraph SET removals = ? WHERE id = ?').run(reordered, irregular!.id);
    // Damaged: a byte changed on disk, which no trigger saw (the checksum no longer matches).
    const sql = old.prepare("SELECT sql FROM sqlite_master WHERE name = 'paragraph_checksum_update'").pluck().get() as string;
    old.exec('DROP TRIGGER paragraph_checksum_update');
    const flipped = (old.prepare('SELECT removals FROM paragraph WHERE id = ?').pluck().get(damaged!.id) as string).replace('"start":', '"start":1');
    old.prepare('UPDATE paragraph SET removals = ? WHERE id = ?').run(flipped, damaged!.id);
    old.exec(sql);
    old.close();

    const migrated = (seeded.library = await createLibrary({ dbPath: seeded.dbPath }));
    const db = migrated.database();
    const stored = db.prepare('SELECT removals FROM paragraph WHERE id = ?').pluck();
    expect(stored.get(damaged!.id)).toBe(flipped);
    expect(stored.get(irregular!.id)).toBe(reordered);
    // The paragraph, and its article, whose raw text is read from its paragraphs'.
    const reported = migrated.verify().damaged;
    expect(reported).toContainEqual(expect.objectContaining({ kind: 'paragraph', paragraphId: damaged!.id }));
    expect(reported.map((d) => [d.kind, d.articleId])).toEqual([['article', html.id], ['paragraph', html.id]]);
    expect(() => migrated.getArticle(html.id)).toThrow();
  });

  it('deletes an article’s band rows with its fingerprint: a paragraph changed, an article deleted', async () => {
    const { library } = seeded;
    library.listDuplicates();
    const db = library.database();
    const rowsOf = db.prepare('SELECT count(*) FROM article_band WHERE article_id = ?').pluck();
    const [first, second] = library.listArticles();
    expect(rowsOf.get(first!.id)).toBe(20);
    expect(rowsOf.get(second!.id)).toBe(20);
    const total = bandRows(db).length;

    const [body] = bodyParagraphs(library.getArticle(first!.id), 10);
    library.reclassifyParagraph(body!.id, 'boilerplate');
    expect(rowsOf.get(first!.id)).toBe(0);
    library.trashArticle(second!.id);
    await library.emptyTrash();
    expect(rowsOf.get(second!.id)).toBe(0);
    expect(bandRows(db).length).toBe(total - 40);

    // Computed again when next needed, and found by the duplicate check.
    library.listDuplicates();
    expect(rowsOf.get(first!.id)).toBe(20);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN DELETE FROM article_band WHERE article_id = 1 AND (band, bucket) IN (SELECT key, value FROM json_each('[1, 2]'))")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail)).toContain('SEARCH article_band USING PRIMARY KEY (band=? AND bucket=? AND article_id=?)');
  });
});
