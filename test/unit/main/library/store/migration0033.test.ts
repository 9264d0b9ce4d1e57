import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inflateSync } from 'fflate';
import * as Y from 'yjs';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { createDocStore } from '../../../../../main/library/sync/model/docStore';
import { annotateForSearch, openAsSchema } from './searchMigrationCase';
import { bodyParagraphs, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * Issue #16: migration 0033 lets a stored sync update be deflated. A library written at schema 32
 * is carried over (backed up) with its documents reading back the same; what is stored from then
 * on is deflated when that is smaller and reads back the same, through a new connection and
 * through the merge of a document's many rows (compaction at load).
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

/** Every document of the library as one update of its whole state, read by a new DocStore. */
function documents(db: Db): Map<string, Buffer> {
  const store = createDocStore(db);
  return new Map(store.names().map((name) => [name, Buffer.from(Y.encodeStateAsUpdate(store.get(name)))]));
}

/** The same, read from the rows of a schema-32 library as they are (no deflated column). */
function documentsAsStored(db: Db): Map<string, Buffer> {
  const docs = new Map<string, Y.Doc>();
  for (const row of db.prepare('SELECT doc, data FROM sync_update ORDER BY id').all() as Array<{ doc: string; data: Buffer }>) {
    const doc = docs.get(row.doc) ?? new Y.Doc({ gc: false, guid: row.doc });
    docs.set(row.doc, doc);
    Y.applyUpdate(doc, row.data);
  }
  return new Map([...docs].map(([name, doc]) => [name, Buffer.from(Y.encodeStateAsUpdate(doc))]));
}

const storedBytes = (db: Db) =>
  db.prepare('SELECT deflated, count(*) AS n, sum(length(data)) AS bytes FROM sync_update GROUP BY deflated ORDER BY deflated').all();

describe('migration 0033: sync updates deflated', () => {
  it('carries a schema-32 library over with its documents unchanged, and stores new updates deflated', async () => {
    annotateForSearch(seeded.library);
    seeded.library.close();

    // The library as schema 32 has it: every update as it came.
    const old = openAsSchema(seeded.dbPath, 32);
    expect(old.prepare('SELECT count(*) FROM sync_update').pluck().get()).toBeGreaterThan(5);
    const before = documentsAsStored(old);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const library = seeded.library;
    const db = library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-32-to'))).toBe(true);
    expect(db.prepare('SELECT count(*) FROM sync_update WHERE deflated = 1').pluck().get()).toBe(0);
    expect(documents(db)).toEqual(before);

    // New annotations: their updates stored deflated where that is smaller, and read back whole.
    const article = library.listArticles()[0]!;
    const paragraphs = bodyParagraphs(library.getArticle(article.id), 10);
    for (const [i, p] of paragraphs.entries()) {
      const h = library.annotations.createHighlight({ paragraphId: p.id, start: 0, end: 3, color: 'blue', tags: ['要点/新'] });
      library.annotations.updateHighlightComment(h.id, `第${i}条评论:这一段说的是晋江公安的背包精神,值得再读一遍。`.repeat(3));
    }
    const stored = storedBytes(db) as Array<{ deflated: number; n: number; bytes: number }>;
    expect(stored.find((r) => r.deflated === 1)?.n ?? 0).toBeGreaterThan(0);
    const inflatedBytes = (
      db.prepare('SELECT data FROM sync_update WHERE deflated = 1').pluck().all() as Buffer[]
    ).reduce((n, d) => n + inflateSync(d).byteLength, 0);
    expect(inflatedBytes).toBeGreaterThan(stored.find((r) => r.deflated === 1)!.bytes);

    const after = documents(db);
    const name = `article/${db.prepare('SELECT uid FROM article WHERE id = ?').pluck().get(article.id) as string}`;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, after.get(name)!);
    const comments = [...doc.getMap<Y.Map<unknown>>('highlights').values()]
      .map((h) => h.get('comment'))
      .map((c) => (c instanceof Y.Text ? c.toJSON() : ''));
    expect(comments.filter((c) => c.includes('背包精神'))).toHaveLength(paragraphs.length);

    // Over 200 rows of one document are merged into one when it is loaded: deflated, the same document.
    const highlight = library.annotations.createHighlight({ paragraphId: paragraphs[0]!.id, start: 1, end: 2, color: 'green', tags: [] });
    for (let i = 0; i < 210; i++) library.annotations.updateHighlightComment(highlight.id, `改第${i}次`);
    const rowsOf = () => db.prepare('SELECT count(*) FROM sync_update WHERE doc = ?').pluck().get(name) as number;
    expect(rowsOf()).toBeGreaterThan(200);
    const unmerged = documents(db).get(name);
    seeded.library = await seeded.reopen();
    const reopened = seeded.library.database();
    const merged = documents(reopened).get(name);
    expect(reopened.prepare('SELECT count(*) FROM sync_update WHERE doc = ?').pluck().get(name)).toBe(1);
    expect(reopened.prepare('SELECT deflated FROM sync_update WHERE doc = ?').pluck().get(name)).toBe(1);
    expect(merged).toEqual(unmerged);
  });
});
