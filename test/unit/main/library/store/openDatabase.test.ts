import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryError } from '../../../../../main/library/libraryError';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { newLibraryPageSize, openDatabase, openDatabaseReadOnly } from '../../../../../main/library/store/openDatabase';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-open-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates a new library at the latest schema, in WAL with synchronous=FULL and foreign keys', async () => {
    const file = path.join(dir, 'lib', 'library.sqlite');
    const { db, previousVersion } = await openDatabase(file, path.join(dir, 'backups'));
    expect(previousVersion).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('makes a new library with 16 KB pages; a library made with another page size keeps it', async () => {
    const file = path.join(dir, 'new.sqlite');
    const { db } = await openDatabase(file, dir);
    expect(db.pragma('page_size', { simple: true })).toBe(newLibraryPageSize);
    expect(newLibraryPageSize).toBe(16384);
    db.close();

    const older = path.join(dir, 'older.sqlite');
    const raw = new Database(older);
    raw.pragma('page_size = 4096');
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE kept (x)');
    raw.close();
    const reopened = (await openDatabase(older, dir)).db;
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('sets synchronous=FULL again on reopen (SQLite forgets it)', async () => {
    const file = path.join(dir, 'library.sqlite');
    (await openDatabase(file, dir)).db.close();
    const { db, previousVersion } = await openDatabase(file, dir);
    expect(previousVersion).toBe(latestSchemaVersion);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a library from a newer Pizhu and leaves the file untouched', async () => {
    const file = path.join(dir, 'library.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    const before = sha(file);
    const error = await openDatabase(file, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('library-too-new');
    expect((error as LibraryError).message).toMatch(/newer version of Pizhu/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not SQLite, naming the way out, without writing to it', async () => {
    const file = path.join(dir, 'library.sqlite');
    fs.writeFileSync(file, 'this is not a database, just some text that is long enough to look like a header');
    const before = sha(file);
    const error = await openDatabase(file, dir).catch((e: unknown) => e);
    expect((error as LibraryError).code).toBe('library-corrupt');
    expect((error as LibraryError).message).toMatch(/restore the newest backup/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['library.sqlite']); // no -wal or -shm left beside it
  });

  it('refuses a pipe or a folder given as the library at once, saying what it is, and creates nothing in its place', async () => {
    const pipe = path.join(dir, 'pipe.sqlite');
    execFileSync('mkfifo', [pipe]);
    const folder = path.join(dir, 'folder.sqlite');
    fs.mkdirSync(folder);
    for (const target of [pipe, folder]) {
      // Before, SQLite waited forever on the pipe, and called the folder damaged.
      const refusal = await openDatabase(target, path.join(dir, 'backups')).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(LibraryError);
      expect((refusal as LibraryError).code).toBe('io-failed');
      expect((refusal as LibraryError).message).toContain('a folder, a pipe or a device');
      expect(() => openDatabaseReadOnly(target)).toThrow(/a folder, a pipe or a device/);
    }
    expect(fs.statSync(pipe).isFIFO()).toBe(true);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('detects a library whose pages were overwritten', async () => {
    const file = path.join(dir, 'library.sqlite');
    const { db } = await openDatabase(file, dir);
    const insert = db.prepare(
      "INSERT INTO tag (name, created_at) VALUES (?, '2026-01-01')",
    );
    for (let i = 0; i < 2000; i++) insert.run(`tag-${i}-${'x'.repeat(40)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, pageSize * 3, pageSize * 6); // scribble over a few pages after the header
    fs.writeFileSync(file, bytes);
    const error = await openDatabase(file, dir).catch((e: unknown) => e);
    expect((error as LibraryError).code).toBe('library-corrupt');
  });
});
