import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { backupsKept, listBackups, verifyDatabaseFile } from '../../../../../main/library/store/backups';

const seedsDir = path.resolve(__dirname, '../../../../../seeds');
const hour = 60 * 60 * 1000;
let dir: string;
let dbPath: string;
let backupDir: string;
let library: Library | undefined;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-backups-'));
  dbPath = path.join(dir, 'library.sqlite');
  backupDir = path.join(dir, 'backups');
  library = await createLibrary({ dbPath });
  await library.seedIfNew(seedsDir);
});
afterEach(() => {
  library?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A backup name for a moment, as Pizhu writes them. */
function nameAt(date: Date, reason = 'daily'): string {
  return `library-${date.toISOString().replace(/[-:.]/g, '')}-${reason}.sqlite`;
}

describe('a backup', () => {
  it('is whole, checked and self-contained: no temp, -wal or -shm file is left beside it', async () => {
    const backup = await library!.backup('manual');
    expect(fs.readdirSync(backupDir)).toEqual([backup.name]);
    expect(backup.bytes).toBe(fs.statSync(backup.path).size);
    expect(verifyDatabaseFile(backup.path)).toBeUndefined();
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect((copy.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n).toBe(5);
    copy.close();
    // Reading it (as recovery does) leaves nothing behind either.
    expect(fs.readdirSync(backupDir)).toEqual([backup.name]);
  });

  it('a partial file under a real backup name is not listed and does not count toward the seven kept', async () => {
    const good = await library!.backup('manual');
    const whole = fs.readFileSync(good.path);
    const partial = path.join(backupDir, nameAt(new Date(Date.now() + hour)));
    fs.writeFileSync(partial, whole.subarray(0, Math.floor(whole.length / 3)));
    expect(listBackups(backupDir).map((b) => b.name)).toEqual([good.name]);
    for (let i = 0; i < backupsKept + 2; i++) await library!.backup('manual');
    const kept = listBackups(backupDir);
    expect(kept).toHaveLength(backupsKept);
    for (const b of kept) expect(verifyDatabaseFile(b.path), b.name).toBeUndefined();
  });
});

describe('left-overs of interrupted backups and restores', () => {
  it('are removed at the next open; complete backups and kept damaged files stay', async () => {
    const good = await library!.backup('manual');
    library!.close();
    library = undefined;
    const bytes = fs.readFileSync(good.path);
    const strays = {
      [path.join(backupDir, '.library-20260101T000000000Z-4242.sqlite.tmp')]: bytes.subarray(0, 5000),
      [path.join(backupDir, '.library-20260101T000000000Z-4242.sqlite.tmp-journal')]: Buffer.from('j'),
      [`${good.path}-wal`]: Buffer.alloc(0),
      [`${good.path}-shm`]: Buffer.alloc(32768),
      [path.join(backupDir, nameAt(new Date(Date.now() + hour)))]: bytes.subarray(0, 4096),
      [path.join(dir, '.restore-4242-1700000000000.sqlite')]: bytes.subarray(0, 8192),
      [path.join(dir, '.restore-4242-1700000000000.sqlite-journal')]: Buffer.from('j'),
    };
    for (const [file, content] of Object.entries(strays)) fs.writeFileSync(file, content);
    const damaged = path.join(backupDir, 'damaged-20260101T000000000Z.sqlite');
    fs.writeFileSync(damaged, 'kept for the person');
    fs.writeFileSync(`${damaged}-wal`, 'kept with it');

    library = await createLibrary({ dbPath });
    for (const file of Object.keys(strays)) expect(fs.existsSync(file), path.basename(file)).toBe(false);
    expect(fs.readdirSync(backupDir).sort()).toEqual(
      [path.basename(damaged), `${path.basename(damaged)}-wal`, good.name].sort(),
    );
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.restore-'))).toEqual([]);
  });
});

describe('daily backups', () => {
  it('a backup dated in the future (a clock wrong once) does not stop them', async () => {
    const now = new Date('2026-03-01T09:00:00Z');
    library!.close();
    library = await createLibrary({ dbPath, now: () => now });
    const made = await library.backup('daily');
    fs.renameSync(made.path, path.join(backupDir, nameAt(new Date('2031-01-01T00:00:00Z'))));
    expect(await library.backupIfDue()).toBeDefined();
    // And once today's exists, not again the same day.
    expect(await library.backupIfDue()).toBeUndefined();
  });

  it('due after 24 hours, not before', async () => {
    let now = new Date('2026-03-01T09:00:00Z');
    library!.close();
    library = await createLibrary({ dbPath, now: () => now });
    expect(await library.backupIfDue()).toBeDefined();
    now = new Date(now.getTime() + 23 * hour);
    expect(await library.backupIfDue()).toBeUndefined();
    now = new Date(now.getTime() + 2 * hour);
    expect(await library.backupIfDue()).toBeDefined();
  });
});

describe('restoreFrom: restore as an app action', () => {
  it('swaps the file under the open library, keeps the replaced one, and the same object (and its annotations) goes on working', async () => {
    const lib = library!;
    const { annotations } = lib; // as the app's handlers hold it
    const backup = await lib.backup('manual');
    lib.importText('备份之后的文章,恢复后只在安全副本里。', '后来的文章');
    expect(lib.listArticles()).toHaveLength(6);

    const safety = await lib.restoreFrom(backup.path);
    expect(lib.listArticles()).toHaveLength(5);
    expect(safety?.reason).toBe('before-restore');
    const kept = new Database(safety!.path, { readonly: true });
    expect(kept.prepare('SELECT title FROM article WHERE title = ?').get('后来的文章')).toBeDefined();
    kept.close();

    const paragraph = lib.getArticle(lib.listArticles()[0]!.id).paragraphs.find((p) => p.kind === 'body')!;
    annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 2, color: 'yellow', tags: ['恢复后'] });
    lib.close();
    library = await createLibrary({ dbPath });
    expect(library.annotations.listTags().map((t) => t.name)).toContain('恢复后');
  });

  it("after a restore, a CSV export still refuses to write over the library's own file", async () => {
    const lib = library!;
    const backup = await lib.backup('manual');
    await lib.restoreFrom(backup.path);
    const before = fs.readFileSync(dbPath);
    await expect(lib.analysis.exportCsv(dbPath, { kind: 'frequencies', request: {} })).rejects.toThrow(/library/i);
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
    expect(lib.listArticles()).toHaveLength(5);
  });

  it('a bad backup is refused and the library stays open and unchanged', async () => {
    const lib = library!;
    const bogus = path.join(dir, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'not a backup');
    await expect(lib.restoreFrom(bogus)).rejects.toThrow(/not a usable Pizhu backup/);
    expect(lib.listArticles()).toHaveLength(5);
    lib.importText('恢复被拒之后照常写入。', '照常');
    expect(lib.listArticles()).toHaveLength(6);
  });
});

describe('restoreBackupNamed: what the app may expose over IPC', () => {
  it("restores only a backup from main's own list, by name; a path or unknown name is refused and nothing changes", async () => {
    const lib = library!;
    const backup = await lib.backup('manual');
    lib.importText('按名字恢复之前的文章。', '之前');
    for (const name of [backup.path, '../library.sqlite', 'library-20990101T000000000Z-manual.sqlite']) {
      await expect(lib.restoreBackupNamed(name)).rejects.toMatchObject({ code: 'not-found' });
      expect(lib.listArticles()).toHaveLength(6);
    }
    await lib.restoreBackupNamed(backup.name);
    expect(lib.listArticles()).toHaveLength(5);
  });
});
