import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Removal } from '../../../../../preload/contract/articleTypes';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { rawWithRemovals, storedRaw } from '../../../../../main/library/store/paragraphRaw';
import { bodyParagraphs, everythingReadBack, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * Issue #16, a smaller library: a paragraph's raw text was stored beside its text whenever
 * cleaning removed something (a pinyin reading, indentation), though the removals keep what they
 * took out. Since 0028 it is stored only when the text and removals do not give it back. A
 * library written before is carried over with every paragraph, anchor and checksum identical.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
  const folder = path.join(seeded.dir, 'html');
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, 'page.html'),
    `<html><head><title>区域网络</title></head><body><article><h1>区域网络</h1>
     <p>\u3000\u3000街头巷尾，巡逻民警的身影穿梭不息，区(qū)域内的治安持续向好。</p>
     <p>指挥中心的数(shù)智系统高效运转，让违法犯罪无处遁形。</p></article></body></html>`,
  );
  await seeded.library.importPaths([folder]);
});
afterEach(() => seeded.dispose());

const rawsStored = (db: Database.Database) =>
  db.prepare("SELECT count(*) AS n, coalesce(sum(length(raw)), 0) AS chars FROM paragraph WHERE raw <> ''").get() as {
    n: number;
    chars: number;
  };

describe('migration 0028: a paragraph raw text its text and removals give back is not stored', () => {
  it('carries a schema-27 library over: every paragraph, anchor and checksum reads back identical', async () => {
    const { library } = seeded;
    for (const summary of library.listArticles()) {
      for (const p of library.getArticle(summary.id).paragraphs.filter((p) => p.removals.length > 0).slice(0, 2)) {
        library.annotations.createHighlight({ paragraphId: p.id, start: 0, end: Math.min(4, p.text.length), color: 'blue', tags: ['读音'] });
      }
      const [body] = bodyParagraphs(library.getArticle(summary.id), 10);
      if (body) library.annotations.saveNote({ paragraphId: body.id, editorState: '{}', plainText: '注', markdown: '注' });
    }
    const expected = everythingReadBack(library);
    library.close();

    const old = new Database(seeded.dbPath);
    undoMigrationsAfter(old, 27);
    old.pragma('user_version = 27');
    const before = rawsStored(old);
    expect(before.n).toBeGreaterThan(0);
    old.close();

    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir: path.join(seeded.dir, 'backups') });
    const migrated = seeded.library;
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(path.join(seeded.dir, 'backups')).some((f) => f.includes('before-migration-27-to'))).toBe(true);
    expect(everythingReadBack(migrated)).toEqual(expected);
    expect(migrated.verify().damaged).toEqual([]);
    expect(rawsStored(db)).toEqual({ n: 0, chars: 0 });

    // A re-clean rebuilds every paragraph from the raw text, which still reads whole beside them.
    const html = migrated.listArticles().find((a) => a.title === '区域网络')!;
    const report = migrated.recleanArticle(html.id);
    expect(report.orphans).toEqual([]);
    expect(everythingReadBack(migrated)).toEqual(expected);
    expect(migrated.verify().damaged).toEqual([]);
  });

  it('a new import stores no raw text its removals give back, and reads every one back whole', () => {
    const db = seeded.library.database();
    expect(rawsStored(db)).toEqual({ n: 0, chars: 0 });
    const html = seeded.library.listArticles().find((a) => a.title === '区域网络')!;
    const reading = seeded.library.getArticle(html.id).paragraphs.find((p) => p.text.includes('区域内'))!;
    expect(reading.raw).toContain('区(qū)域内');
    expect(reading.removals.map((r) => r.text)).toContain('(qū)');
    expect(reading.text).not.toContain('(qū)');
  });

  it('keeps a raw text whole when its removals would not give it back', () => {
    const removal = (start: number, text: string): Removal => ({ start, end: start + text.length, text, reason: 'pinyin-reading' });
    expect(rawWithRemovals('区域', [removal(1, '(qū)')])).toBe('区(qū)域');
    expect(storedRaw('区域', '区(qū)域', [removal(1, '(qū)')])).toBe('');
    expect(storedRaw('区域', '区(qu)域', [removal(1, '(qū)')])).toBe('区(qu)域');
    expect(rawWithRemovals('区域', [removal(5, '(qū)')])).toBeUndefined();
    expect(rawWithRemovals('区域', [removal(1, '(qū)'), removal(0, 'x')])).toBeUndefined();
    expect(storedRaw('区域', '区域', [])).toBe('');
  });
});
