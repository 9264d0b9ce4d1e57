import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from '../libraryError';
import { latestSchemaVersion } from './migrations';
import { backupDatabase, type BackupFile } from './backups';

/**
 * Puts a backup in place of the library file (which must not be open). The current file, if
 * it is a readable library, is itself backed up first, so a restore can be undone by another.
 */
export async function restoreBackup(dbPath: string, backupPath: string, backupDir: string): Promise<BackupFile | null> {
  checkBackup(backupPath);
  let safetyCopy: BackupFile | null = null;
  if (fs.existsSync(dbPath)) {
    safetyCopy = await copyIfHealthy(dbPath, backupDir);
    // A damaged file is what restore is for; it is moved aside untouched, never deleted.
    if (!safetyCopy) keepDamaged(dbPath, backupDir);
  }
  const staging = path.join(path.dirname(dbPath), `.restore-${process.pid}-${Date.now()}.sqlite`);
  const source = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staging);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(staging, dbPath);
  return safetyCopy;
}

async function copyIfHealthy(dbPath: string, backupDir: string): Promise<BackupFile | null> {
  let current: Database.Database | undefined;
  try {
    current = new Database(dbPath, { fileMustExist: true, readonly: true });
    if (current.pragma('quick_check', { simple: true }) !== 'ok') return null;
    return await backupDatabase(current, backupDir, 'before-restore');
  } catch {
    return null;
  } finally {
    current?.close();
  }
}

function keepDamaged(dbPath: string, backupDir: string): void {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, path.join(backupDir, `damaged-${stamp}.sqlite${suffix}`));
  }
}

function checkBackup(backupPath: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(backupPath, { readonly: true, fileMustExist: true });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('integrity check failed');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > latestSchemaVersion) throw new Error(`schema version ${version}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LibraryError(
      'library-corrupt',
      `"${path.basename(backupPath)}" is not a usable Pizhu backup (${reason}); the library was not changed.`,
      backupPath,
    );
  } finally {
    db?.close();
  }
}
