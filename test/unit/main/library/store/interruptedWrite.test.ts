import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../../main/cli/pizhu';
import { createLibrary } from '../../../../../main/library/createLibrary';

const repo = path.resolve(__dirname, '../../../../..');
const seedsDir = path.join(repo, 'seeds');
let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-hot-journal-'));
  dbPath = path.join(dir, 'library.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * What a kill during a switch to WAL leaves (a new library's first open, a restored copy's):
 * the library in rollback-journal mode with a hot -journal of a write that never committed.
 */
function leaveHotJournal(): void {
  const db = new Database(dbPath);
  db.pragma('journal_mode = DELETE');
  db.close();
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(dbPath)});
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.exec('CREATE TABLE scratch (x)');
    const insert = db.prepare('INSERT INTO scratch VALUES (?)');
    for (let i = 0; i < 5000; i++) insert.run('x'.repeat(500));
    process.kill(process.pid, 'SIGKILL');`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: repo });
  expect(result.signal, result.stderr.toString()).toBe('SIGKILL');
  expect(fs.existsSync(`${dbPath}-journal`)).toBe(true);
}

describe('a write cut short before the library was in WAL mode', () => {
  it('is rolled back at the next open, not called damage; the reader commands fall back to that open', async () => {
    const library = await createLibrary({ dbPath });
    await library.seedIfNew(seedsDir);
    const titles = library.listArticles().map((a) => a.title);
    library.close();
    leaveHotJournal();

    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['list', '--db', dbPath, '--json'], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      isTty: false,
      readStdin: () => Promise.resolve(''),
    });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(out.join('\n')) as Array<{ title: string }>).map((a) => a.title)).toEqual(titles);

    const reopened = await createLibrary({ dbPath });
    expect(reopened.listArticles().map((a) => a.title)).toEqual(titles);
    expect(reopened.database().pragma('journal_mode', { simple: true })).toBe('wal');
    // The cut-short write is gone, as SQLite's rollback leaves it.
    expect(reopened.database().prepare("SELECT 1 FROM sqlite_master WHERE name = 'scratch'").get()).toBeUndefined();
    reopened.close();
    expect(fs.existsSync(`${dbPath}-journal`)).toBe(false);
  });
});
