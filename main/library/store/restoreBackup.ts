import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from '../libraryError';
import { fsyncFile, fsyncFolder } from '../files/fsync';
import { backupDatabase, verifyDatabaseFile, type BackupFile } from './backups';

// `.restore-json-…`: a library built from a JSON backup before it is swapped in (export/restoreFromJson).
const stagingPattern = /^\.restore-(json-)?\d+-\d+\.sqlite(-wal|-shm|-journal)?$/;

/**
 * Puts a backup in place of the library file. The caller holds the library's lock and has no
 * connection open to it (libraryLock: the CLI's restore, recovery, Library.restoreFrom), so
 * nobody writes on into a file this replaces. The current file, if it is a readable library,
 * is itself backed up first, so a restore can be undone by another.
 */
export async function restoreBackup(dbPath: string, backupPath: string, backupDir: string): Promise<BackupFile | null> {
  checkBackup(backupPath);
  const staging = path.join(path.dirname(dbPath), `.restore-${process.pid}-${Date.now()}.sqlite`);
  try {
    const source = new Database(backupPath, { readonly: true, fileMustExist: true });
    try {
      await source.backup(staging);
    } finally {
      source.close();
    }
    // The copy is checked as the backup was, and on disk, before it replaces anything.
    const problem = verifyDatabaseFile(staging, { makeSelfContained: true, thenWal: true });
    if (problem) throw new Error(problem);
    fsyncFile(staging);
  } catch (error) {
    removeRestoreStaging(dbPath);
    const reason = error instanceof Error ? error.message : String(error);
    throw new LibraryError(
      'io-failed',
      `The backup could not be copied into place (${reason}); the library was not changed.`,
      backupPath,
    );
  }
  // Only after the staging copy: the safety copy's pruning may remove the very backup restored.
  let safetyCopy: BackupFile | null = null;
  if (fs.existsSync(dbPath)) {
    try {
      safetyCopy = await copyIfHealthy(dbPath, backupDir);
    } catch (error) {
      removeRestoreStaging(dbPath);
      const reason = error instanceof Error ? error.message : String(error);
      throw new LibraryError(
        'io-failed',
        `The current library could not be backed up before the restore (${reason}); nothing was changed.`,
        dbPath,
      );
    }
    // A damaged file is what restore is for; it is moved aside untouched, never deleted.
    if (!safetyCopy) keepDamaged(dbPath, backupDir);
  }
  // The old -wal belongs to the old file (its content is in the safety copy): beside the new
  // file SQLite would replay it into pages it does not fit.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(staging, dbPath);
  fsyncFolder(path.dirname(dbPath));
  return safetyCopy;
}

/**
 * Removes what a restore killed part-way left beside the library. Only call it holding the
 * library's lock, when no restore can be running.
 */
export function removeRestoreStaging(dbPath: string): string[] {
  const dir = path.dirname(dbPath);
  if (!fs.existsSync(dir)) return [];
  const removed = fs.readdirSync(dir).filter((name) => stagingPattern.test(name));
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}

/** null when the current file is not a readable library; throws when a healthy one could not be copied. */
async function copyIfHealthy(dbPath: string, backupDir: string): Promise<BackupFile | null> {
  let current: Database.Database | undefined;
  try {
    current = new Database(dbPath, { fileMustExist: true, readonly: true });
    if (current.pragma('quick_check', { simple: true }) !== 'ok') {
      current.close();
      return null;
    }
  } catch {
    current?.close();
    return null;
  }
  try {
    return await backupDatabase(current, backupDir, 'before-restore');
  } finally {
    current.close();
  }
}

function keepDamaged(dbPath: string, backupDir: string): void {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix))
      fs.renameSync(dbPath + suffix, path.join(backupDir, `damaged-${stamp}.sqlite${suffix}`));
  }
}

/** Refuses, naming the file, a backup that is cut short, damaged or from another schema. */
function checkBackup(backupPath: string): void {
  const problem = verifyDatabaseFile(backupPath);
  if (problem) {
    throw new LibraryError(
      'library-corrupt',
      `"${path.basename(backupPath)}" is not a usable Pizhu backup (${problem}); the library was not changed.`,
      backupPath,
    );
  }
}
