import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../../support/runPizhu';
import { seedsDir } from '../../../../support/seededLibrary';

const repo = path.resolve(__dirname, '../../../../..');
const temp = tempLibraryEachTest('pizhu-hot-journal-');

/**
 * What a kill during a switch to WAL leaves (a new library's first open, a restored copy's):
 * the library in rollback-journal mode with a hot -journal of a write that never committed.
 */
function leaveHotJournal(): void {
  const db = new Database(temp.db);
  db.pragma('journal_mode = DELETE');
  db.close();
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(temp.db)});
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.exec('CREATE TABLE scratch (x)');
    const insert = db.prepare('INSERT INTO scratch VALUES (?)');
    for (let i = 0; i < 5000; i++) insert.run('x'.repeat(500));
    process.kill(process.pid, 'SIGKILL');`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: repo });
  expect(result.signal, result.stderr.toString()).toBe('SIGKILL');
  expect(fs.existsSync(`${temp.db}-journal`)).toBe(true);
}

describe('a write cut short before the library was in WAL mode', () => {
  it('is rolled back at the next open, not called damage; the reader commands fall back to that open', async () => {
    const library = await createLibrary({ dbPath: temp.db });
    await library.seedIfNew(seedsDir);
    const titles = library.listArticles().map((a) => a.title);
    library.close();
    leaveHotJournal();

    const { code, out, err } = await runPizhu(['list', '--db', temp.db, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(out) as Array<{ title: string }>).map((a) => a.title)).toEqual(titles);

    const reopened = await createLibrary({ dbPath: temp.db });
    expect(reopened.listArticles().map((a) => a.title)).toEqual(titles);
    expect(reopened.database().pragma('journal_mode', { simple: true })).toBe('wal');
    // The cut-short write is gone, as SQLite's rollback leaves it.
    expect(reopened.database().prepare("SELECT 1 FROM sqlite_master WHERE name = 'scratch'").get()).toBeUndefined();
    reopened.close();
    expect(fs.existsSync(`${temp.db}-journal`)).toBe(false);
  });
});
