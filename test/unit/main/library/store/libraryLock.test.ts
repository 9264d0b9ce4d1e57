import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import type { LibraryError } from '../../../../../main/library/libraryError';
import { acquireLibraryLock, lockPathOf, lockState } from '../../../../../main/library/store/libraryLock';

const repo = path.resolve(__dirname, '../../../../..');
const holder = path.join(repo, 'test', 'support', 'lockHolderChild.ts');
let dir: string;
let dbPath: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-lock-'));
  dbPath = path.join(dir, 'library.sqlite');
});
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Another process that opens the library as the app does; resolves once it has it open. */
function startHolder(): Promise<ChildProcess> {
  // Node with the tsx loader, not the tsx wrapper, so that SIGKILL reaches the process holding the lock.
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dbPath], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('open')) resolve(child);
    });
    child.on('exit', () => reject(new Error(`the holder ended: ${err}`)));
  });
}

function refusal(run: () => unknown): LibraryError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as LibraryError;
  }
}

describe('one owner of the library file', () => {
  it('refuses a second holder in the same process, and lets one in after release', async () => {
    const library = await createLibrary({ dbPath });
    const second = refusal(() => acquireLibraryLock(dbPath));
    expect(second?.code).toBe('library-busy');
    expect(second?.message).toContain('Pizhu is open on this library; close it first');
    await expect(createLibrary({ dbPath })).rejects.toMatchObject({ code: 'library-busy' });
    library.close();
    const again = await createLibrary({ dbPath });
    again.close();
  });

  it('refuses another process while one holds it, and a SIGKILLed holder releases it', async () => {
    const child = await startHolder();
    expect(refusal(() => acquireLibraryLock(dbPath))?.code).toBe('library-busy');
    await expect(createLibrary({ dbPath })).rejects.toMatchObject({ code: 'library-busy' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const lock = acquireLibraryLock(dbPath);
    // The holder vanished without letting go: the open after it checks every checksum.
    expect(lock.previousHolderVanished).toBe(true);
    lock.release();
    expect(lockState(dbPath)).toBe('none');
    const library = await createLibrary({ dbPath });
    expect(library.listArticles()).toHaveLength(0);
    library.close();
  }, 30_000);

  it('a reader opens read-only beside the holder, sees its commits, and cannot write', async () => {
    const writer = await createLibrary({ dbPath });
    const { articleId } = writer.importText('读者打开时作者仍在写。第二句。', '读写并存');
    const reader = await createLibrary({ dbPath, readOnly: true });
    expect(reader.listArticles().map((a) => a.id)).toEqual([articleId]);
    expect(() => reader.importText('只读的库不能写入。', '不该写入')).toThrow(/readonly/i);
    writer.importText('之后的文章读者也能看到。', '后来的');
    expect(reader.listArticles()).toHaveLength(2);
    await expect(reader.restoreFrom('/nowhere.sqlite')).rejects.toThrow(/read-only/);
    reader.close();
    writer.close();
  });

  it('a lock file a crash left torn is made anew, and counts as an unclean exit', () => {
    fs.writeFileSync(lockPathOf(dbPath), 'not a SQLite file at all, as a torn write could leave it'.repeat(100));
    const lock = acquireLibraryLock(dbPath);
    expect(lock.previousHolderVanished).toBe(true);
    expect(lockState(dbPath)).toBe('held');
    lock.release();
    const next = acquireLibraryLock(dbPath);
    expect(next.previousHolderVanished).toBe(false);
    next.release();
  });
});
