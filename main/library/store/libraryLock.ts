import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from '../libraryError';
import { ensureFolder, folderWriteProblem } from './ensureFolder';

/** Held by whoever has the library open for writing; released by `release` or by the process's death. */
export interface LibraryLock {
  readonly path: string;
  release(): void;
}

export const libraryBusyMessage = 'Pizhu is open on this library; close it first';

/** The lock file beside a library: `library.sqlite` → `library.sqlite.lock`. */
export function lockPathOf(dbPath: string): string {
  return `${dbPath}.lock`;
}

/**
 * Takes the library's lock or refuses at once. Plain Node has no file lock, so this borrows
 * SQLite's: a lock file in EXCLUSIVE locking mode keeps the write lock of its first write until
 * the connection closes. Those are POSIX locks, so a killed process's lock goes with it, and
 * SQLite tracks them per inode, so a second open in the same process is refused too.
 */
export function acquireLibraryLock(dbPath: string): LibraryLock {
  const lockPath = lockPathOf(dbPath);
  let db: Database.Database;
  try {
    ensureFolder(path.dirname(lockPath));
    db = new Database(lockPath, { timeout: 0 });
  } catch (error) {
    throw cannotLock(lockPath, error);
  }
  try {
    // No journal file: the lock file's content is a note for people, never data.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER, since TEXT)');
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
    throw cannotLock(lockPath, error);
  }
  let held = true;
  return {
    path: lockPath,
    release() {
      if (!held) return;
      held = false;
      db.close();
    },
  };
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
