import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from '../libraryError';
import { ensureFolder, folderWriteProblem } from './ensureFolder';

/** Held by whoever has the library open for writing; released by `release` or by the process's death. */
export interface LibraryLock {
  readonly path: string;
  /**
   * The holder before this one never released the lock: the last process that wrote the library
   * ended without closing it (a crash, a kill, a power cut), so the open checks every checksum.
   */
  readonly previousHolderVanished: boolean;
  release(): void;
}

/** Who has the lock now: a live process (`held`), nobody since a clean close (`none`), or a process that vanished holding it (`left`). */
export type LockState = 'held' | 'left' | 'none';

const holderTable = 'holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER, since TEXT)';

export const libraryBusyMessage = 'Pizhu is open on this library; close it first';

/** The lock file beside a library: `library.sqlite` → `library.sqlite.lock`. */
export function lockPathOf(dbPath: string): string {
  return `${dbPath}.lock`;
}

/**
 * Takes the library's lock or refuses at once, and says whether the last holder let it go.
 * Plain Node has no file lock, so this borrows SQLite's: a lock file in EXCLUSIVE locking mode keeps the write lock of its first write until
 * the connection closes. Those are POSIX locks, so a killed process's lock goes with it, and
 * SQLite tracks them per inode, so a second open in the same process is refused too. The row
 * naming the holder is deleted at release: one left behind means the holder vanished.
 * `damagedBefore`: the lock file was torn and is being made anew (counts as vanished).
 */
export function acquireLibraryLock(dbPath: string, damagedBefore = false): LibraryLock {
  const lockPath = lockPathOf(dbPath);
  let db: Database.Database;
  try {
    ensureFolder(path.dirname(lockPath));
    // A moment's wait: a read-only open may be reading the holder row (lockState); a real holder never lets go.
    db = new Database(lockPath, { timeout: 200 });
  } catch (error) {
    throw cannotLock(lockPath, error);
  }
  let vanished: boolean;
  try {
    // No journal file: the lock file holds only who has the library open, never the person's data.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec(`CREATE TABLE IF NOT EXISTS ${holderTable}`);
    vanished = damagedBefore || db.prepare('SELECT 1 FROM holder WHERE id = 1').get() !== undefined;
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(
      process.pid,
      new Date().toISOString(),
    );
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new LibraryError('library-busy', `${libraryBusyMessage} (${dbPath}).`, dbPath);
    }
    // A lock file a crash left torn: nobody holds it (that would be busy), so it is made anew.
    if (!damagedBefore && (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')) {
      fs.rmSync(lockPath, { force: true });
      return acquireLibraryLock(dbPath, true);
    }
    throw cannotLock(lockPath, error);
  }
  let held = true;
  return {
    path: lockPath,
    previousHolderVanished: vanished,
    release() {
      if (!held) return;
      held = false;
      try {
        // A clean close: the next holder finds no row. Should this fail, the next open only checks more.
        db.exec('DELETE FROM holder');
      } finally {
        db.close();
      }
    },
  };
}

/** Reads who holds the lock without taking it (a read-only open, while the app may have the library). */
export function lockState(dbPath: string): LockState {
  let db: Database.Database;
  try {
    db = new Database(lockPathOf(dbPath), { readonly: true, fileMustExist: true, timeout: 0 });
  } catch {
    return 'none';
  }
  try {
    return db.prepare('SELECT 1 FROM holder WHERE id = 1').get() === undefined ? 'none' : 'left';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? 'held' : 'none';
  } finally {
    db.close();
  }
}

/** Runs `work` holding the library's lock: the CLI's restore, recovery at start. */
export async function withLibraryLock<T>(dbPath: string, work: () => Promise<T>): Promise<T> {
  const lock = acquireLibraryLock(dbPath);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

function cannotLock(lockPath: string, error: unknown): LibraryError {
  const folder = path.dirname(lockPath);
  // SQLite says only CANTOPEN; the folder's own answer (EROFS, EACCES) is the one a person can act on.
  const denied = folderWriteProblem(folder);
  if (denied) {
    return new LibraryError(
      'io-failed',
      `Pizhu cannot open its library in ${folder}: the folder is read-only or not accessible (${denied}). Nothing was changed; make it writable, or move the library, to go on.`,
      lockPath,
    );
  }
  const code = (error as { code?: unknown }).code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return new LibraryError(
    'io-failed',
    `Pizhu cannot create or write its library in ${folder} (${reason}). Check that the folder exists, is writable and has free space.`,
    lockPath,
  );
}
