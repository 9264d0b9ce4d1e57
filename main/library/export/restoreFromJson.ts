import fs from 'node:fs';
import path from 'node:path';
import type { BackupImportCounts, LibraryCounts } from '../../../preload/contract/api';
import { openDatabase, type Db } from '../store/openDatabase';
import { readLibraryId } from '../store/libraryIdentity';
import type { Backup } from './backupFormat';
import { importBackup } from './importBackup';

/** Articles, highlights, notes and tags in a library: what a restore or merge preview compares. */
export function countLibrary(db: Db): LibraryCounts {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { articles: count('article'), highlights: count('highlight'), notes: count('note'), tags: count('tag') };
}

/** Thrown inside the dry run's transaction so that SQLite rolls everything back. */
class DryRun extends Error {
  constructor(readonly counts: BackupImportCounts) {
    super('dry run');
  }
}

/**
 * What merging `file` would add, found by merging it in a transaction that is then rolled back:
 * the preview's counts are the merge's own, and the library is left exactly as it was.
 */
export function previewBackupMerge(db: Db, source: string | Backup, now: string): BackupImportCounts {
  try {
    db.transaction(() => {
      throw new DryRun(importBackup(db, source, now));
    }).immediate();
  } catch (error) {
    if (error instanceof DryRun) return error.counts;
    throw error;
  }
  throw new Error('unreachable: the dry run always rolls back');
}

/** A library built from a JSON backup beside the real one, waiting to be swapped in or thrown away. */
export interface StagedJsonRestore {
  /** The staged library file: restoreFrom(path) puts it in place of the library. */
  path: string;
  backup: LibraryCounts;
  current: LibraryCounts;
  /** Removes the staged file (after the swap, or when the person says no). */
  discard(): void;
}

/**
 * Builds a fresh library from `file` (a JSON backup) in a staging file beside the library: an
 * empty library, migrated as any new one, with the backup merged into it and the current
 * library's identity, so export folders still know it as the same writer. Nothing of the
 * current library changes. The staging name is one the next open clears if a crash leaves it.
 */
export async function stageJsonRestore(
  db: Db,
  dbPath: string,
  backupDir: string,
  file: string,
  now: string,
): Promise<StagedJsonRestore> {
  const staged = path.join(path.dirname(dbPath), `.restore-json-${process.pid}-${Date.now()}.sqlite`);
  const discard = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(staged + suffix, { force: true });
  };
  try {
    const fresh = (await openDatabase(staged, backupDir)).db;
    try {
      importBackup(fresh, file, now);
      const id = readLibraryId(db);
      if (id !== undefined) fresh.prepare('UPDATE library_meta SET id = ?').run(id);
      return { path: staged, backup: countLibrary(fresh), current: countLibrary(db), discard };
    } finally {
      fresh.close();
    }
  } catch (error) {
    discard();
    throw error;
  }
}
