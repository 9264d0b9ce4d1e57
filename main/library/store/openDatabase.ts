import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from '../libraryError';
import { registerSearchFunctions } from '../search/searchFunctions';
import { registerChecksumFunction } from './contentHashes';
import { registerHighlightContextFunction } from './highlightContext';
import { latestSchemaVersion, migrations } from './migrations';
import { backupDatabase } from './backups';
import { ensureFolder } from './ensureFolder';
import { compactAfterMigration, libraryAutoVacuum } from './compactLibrary';

export type Db = Database.Database;

/** The page size of a library file this version creates. */
export const newLibraryPageSize = 16384;

export interface OpenedDatabase {
  db: Db;
  /** The schema version the file had before this open (0 for a new file). */
  previousVersion: number;
  /** True when SQLite's quick_check was left to the caller (`deferQuickCheck`), which must run it before any write. */
  quickCheckDeferred: boolean;
}

export interface OpenDatabaseOptions {
  /**
   * Leave quick_check (4.4 s on a 337 MB library, before the first list) to the caller, which
   * holds every write back until it passes (store/deferredQuickCheck). A file about to be
   * migrated is still checked here first: the migration writes.
   */
  deferQuickCheck?: boolean;
}

/**
 * Opens (or creates) a library file: refuses a damaged file or one from a newer Pizhu
 * without writing to it, backs up before migrating, then migrates forward in one transaction.
 */
export async function openDatabase(
  filePath: string,
  backupDir: string,
  options: OpenDatabaseOptions = {},
): Promise<OpenedDatabase> {
  const existed = fs.existsSync(filePath);
  let quickCheckDeferred = false;
  if (existed) {
    refuseNotAFile(filePath);
    refuseUnwritable(filePath);
    rollBackInterruptedWrite(filePath);
    quickCheckDeferred = refuseUnsafe(filePath, options.deferQuickCheck ?? false);
  }
  const db = asIoError(filePath, () => {
    if (!existed) ensureFolder(path.dirname(filePath));
    return openWithPragmas(filePath, existed);
  });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (existed && version < latestSchemaVersion && version > 0) {
      await backupDatabase(db, backupDir, `before-migration-${version}-to-${latestSchemaVersion}`);
    }
    migrate(db, version);
    compactAfterMigration(db, version);
    return { db, previousVersion: version, quickCheckDeferred };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing library for reading only: no lock, no migration, no write, so the CLI's
 * list, show, stats, search and export work while the app has the library open. undefined:
 * there is no file yet or its schema is older than this Pizhu's, so it must be opened for
 * writing (created or migrated) instead.
 */
export function openDatabaseReadOnly(filePath: string): Db | undefined {
  // A hot -journal needs a writer to roll it back (rollBackInterruptedWrite).
  if (!fs.existsSync(filePath) || fs.existsSync(`${filePath}-journal`)) return undefined;
  refuseNotAFile(filePath);
  // Reading a WAL library needs its -shm, which SQLite makes in the folder: without one and
  // without a writable folder the open fails, and that is not damage.
  if (!fs.existsSync(`${filePath}-shm`)) refuseUnwritable(filePath, 'folder');
  refuseUnsafe(filePath, false);
  const db = asIoError(filePath, () => new Database(filePath, { readonly: true, fileMustExist: true }));
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < latestSchemaVersion) {
      db.close();
      return undefined;
    }
    // A writer's settings and functions, so that a write is refused as read-only, not as unknown SQL.
    applyConnectionSettings(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * SQLite would wait forever reading a FIFO, and call a folder or a device damaged (offering a
 * backup to restore over it): the library is a regular file (a symlink to one is fine).
 */
function refuseNotAFile(filePath: string): void {
  let isFile: boolean;
  try {
    isFile = fs.statSync(filePath).isFile();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new LibraryError('io-failed', `Pizhu cannot read its library at ${filePath} (${reason}). Nothing was changed.`, filePath);
  }
  if (!isFile) {
    throw new LibraryError(
      'io-failed',
      `Pizhu cannot open ${filePath} as its library: it is a folder, a pipe or a device, not a library file. Nothing was changed; choose the library file itself.`,
      filePath,
    );
  }
}

/**
 * A library Pizhu could read but not write would fail at the first highlight, and a WAL
 * library cannot even be read where its -wal and -shm files cannot be made. Neither is damage:
 * saying so (rather than offering a backup to restore into the same folder) is the fix.
 */
function refuseUnwritable(filePath: string, what: 'file and folder' | 'folder' = 'file and folder'): void {
  const denied = accessDenied(filePath, what);
  if (denied) {
    throw new LibraryError(
      'io-failed',
      `Pizhu cannot open its library at ${filePath}: the file or its folder is read-only or not accessible (${denied}). Nothing was changed; make them writable, or move the library, to go on.`,
      filePath,
    );
  }
}

/**
 * A -journal beside the library is a write cut short before the file was in WAL mode (a new
 * library's or a restored copy's switch to WAL). It is not damage, but only a writable
 * connection can roll it back, and the read-only check below would fail on it: so SQLite's own
 * recovery runs first. Called holding the library's lock, so the write cannot be a live one.
 */
function rollBackInterruptedWrite(filePath: string): void {
  if (!fs.existsSync(`${filePath}-journal`)) return;
  let db: Db | undefined;
  try {
    db = new Database(filePath, { fileMustExist: true });
    db.pragma('schema_version', { simple: true });
  } catch {
    // A file that cannot even be read this way is judged, and named, by refuseUnsafe.
  } finally {
    db?.close();
  }
}

/**
 * Checked read-only first, so that nothing is written to a damaged, foreign or newer file.
 * `defer`: quick_check is skipped unless a migration will write (true is returned then).
 */
function refuseUnsafe(filePath: string, defer: boolean): boolean {
  let probe: Db | undefined;
  try {
    probe = new Database(filePath, { readonly: true, fileMustExist: true });
    // Reading the header first also refuses a file that is not a database at all.
    const version = probe.pragma('user_version', { simple: true }) as number;
    const deferred = defer && version === latestSchemaVersion;
    if (!deferred) {
      const result = probe.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(String(result));
    }
    if (version > latestSchemaVersion) {
      throw new LibraryError(
        'library-too-new',
        `This library was written by a newer version of Pizhu (schema ${version}; this version knows ${latestSchemaVersion}). Update Pizhu to open it; the file was not changed.`,
        filePath,
      );
    }
    return deferred;
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LibraryError(
      'library-corrupt',
      `The library file is damaged or is not a Pizhu library (${reason}). Nothing was written to it; restore the newest backup to go on.`,
      filePath,
    );
  } finally {
    probe?.close();
  }
}

/** The error code (EACCES, EPERM, EROFS…) when the library file or its folder cannot be read and written. */
function accessDenied(filePath: string, what: 'file and folder' | 'folder'): string | undefined {
  try {
    if (what === 'file and folder') fs.accessSync(filePath, fs.constants.R_OK | fs.constants.W_OK);
    fs.accessSync(path.dirname(filePath), fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'no access';
  }
}

/** A folder Pizhu cannot write (read-only, full, missing permission) becomes a message, not a stack trace. */
function asIoError<T>(filePath: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new LibraryError(
      'io-failed',
      `Pizhu cannot create or write its library at ${filePath} (${reason}). Check that the folder exists, is writable and has free space.`,
      filePath,
    );
  }
}

function openWithPragmas(filePath: string, existed: boolean): Db {
  const db = new Database(filePath, { fileMustExist: existed });
  // A new file only (an existing one keeps the page size it was made with): articles average
  // several KB, so at 4 KB most spilled onto overflow pages, and every page costs a WAL frame,
  // a write call and a checkpoint copy. With 16 KB pages the bench's import spent about a tenth
  // less time storing, in a quarter of the write calls, and the file came out 5% smaller.
  // It must come before WAL mode, which writes the file's first page.
  if (!existed) db.pragma(`page_size = ${newLibraryPageSize}`);
  // Likewise (store/compactLibrary): a new file gives back the pages a write frees.
  if (!existed) db.pragma(`auto_vacuum = ${libraryAutoVacuum}`);
  db.pragma('journal_mode = WAL');
  // Must be set on every open: a reopened WAL database comes back at NORMAL (DESIGN §10).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  applyConnectionSettings(db);
  return db;
}

/** What every connection to a library needs, writing or reading. */
function applyConnectionSettings(db: Db): void {
  db.pragma('busy_timeout = 5000');
  // A batch of imports dirties thousands of pages: a 2 MB cache spills them to the WAL mid-transaction,
  // and a page rewritten after a spill is written again. Neither setting touches durability.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // The search index triggers call it on every paragraph and note write (migration 0004).
  registerSearchFunctions(db);
  // The content checksum triggers call it on every article, paragraph and note write (migration 0006).
  registerChecksumFunction(db);
  // The highlight context triggers and readers call it (migration 0034).
  registerHighlightContextFunction(db);
}

function migrate(db: Db, from: number): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
