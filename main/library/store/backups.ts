import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncFile, fsyncFolder } from '../files/fsync';
import { ensureFolder } from './ensureFolder';
import { latestSchemaVersion } from './migrations';

export const backupsKept = 7;
const backupPattern = /^library-(\d{8}T\d{6}\d{3}Z)-([a-z0-9-]+)\.sqlite$/;
/** A backup being written; never matches backupPattern, so it is never listed, restored or counted. */
const partialSuffix = '.sqlite.tmp';
const dayMs = 24 * 60 * 60 * 1000;

export interface BackupFile {
  path: string;
  /** The file name, which is also its id in main's list. */
  name: string;
  createdAt: string;
  reason: string;
  /** Size on disk, shown beside the date when a person chooses one. */
  bytes: number;
}

/**
 * A backup through SQLite's online backup API, written under a temporary name, made
 * self-contained (rollback journal, so it never needs a -wal beside it), checked with
 * integrity_check, fsynced, and only then renamed to its real name: a backup interrupted at any
 * point leaves no file that looks like a backup. Then only the newest seven are kept.
 */
export async function backupDatabase(
  db: Database.Database,
  backupDir: string,
  reason: string,
  now: Date = new Date(),
): Promise<BackupFile> {
  ensureFolder(backupDir);
  const safeReason = reason.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  // Two backups in one millisecond (or under a test's fixed clock) get the next free millisecond, never one name.
  let at = now.getTime();
  while (fs.existsSync(path.join(backupDir, nameFor(at, safeReason)))) at++;
  const stamp = stampOf(at);
  const name = nameFor(at, safeReason);
  const target = path.join(backupDir, name);
  const partial = path.join(backupDir, `.library-${stamp}-${process.pid}${partialSuffix}`);
  try {
    await db.backup(partial);
    const problem = verifyDatabaseFile(partial, { makeSelfContained: true });
    if (problem) throw new Error(`the copy failed its check (${problem})`);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncFolder(backupDir);
  } catch (error) {
    removeWithCompanions(partial);
    throw error;
  }
  pruneBackups(backupDir);
  return {
    path: target,
    name,
    createdAt: new Date(at).toISOString(),
    reason: safeReason,
    bytes: fs.statSync(target).size,
  };
}

/** Every complete-looking backup, newest first (by the date in its name). */
export function listBackups(backupDir: string): BackupFile[] {
  if (!fs.existsSync(backupDir)) return [];
  const found: BackupFile[] = [];
  for (const name of fs.readdirSync(backupDir)) {
    const match = backupPattern.exec(name);
    if (!match) continue;
    const file = path.join(backupDir, name);
    const bytes = completeSize(file);
    if (bytes === undefined) continue;
    found.push({ path: file, name, createdAt: parseStamp(match[1] ?? ''), reason: match[2] ?? '', bytes });
  }
  return found.sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Due when no backup was made in the 24 hours before `now`. A backup dated after `now` (a
 * clock that was wrong once) does not count, so it cannot put the next backup off for good.
 */
export function isBackupDue(backupDir: string, now: Date): boolean {
  const t = now.getTime();
  return !listBackups(backupDir).some((b) => {
    const created = Date.parse(b.createdAt);
    return created <= t && t - created < dayMs;
  });
}

/**
 * Removes what an interrupted backup or restore left in the backups folder: partial copies,
 * stray -wal/-shm/-journal files of backups (a backup is self-contained and needs none) and
 * files under a backup's name that are not a complete SQLite file. Only call it holding the
 * library's lock: another writer's partial file is then impossible. damaged-* files are kept.
 */
export function removeStrayBackupFiles(backupDir: string): string[] {
  if (!fs.existsSync(backupDir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(backupDir)) {
    const file = path.join(backupDir, name);
    const companionOf = /^(library-.*\.sqlite)-(wal|shm|journal)$/.exec(name);
    const stray =
      (name.startsWith('.library-') && name.endsWith(partialSuffix)) ||
      (name.startsWith('.library-') && /\.sqlite\.tmp-(wal|shm|journal)$/.test(name)) ||
      companionOf !== null ||
      (backupPattern.test(name) && completeSize(file) === undefined);
    if (!stray) continue;
    fs.rmSync(file, { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * What is wrong with a library file, or undefined when integrity_check passes and its schema is
 * one this Pizhu reads. makeSelfContained (our own fresh copy only) switches it to a rollback
 * journal first, so that neither this check nor a later read-only open leaves -wal/-shm files;
 * thenWal (a restore's staging copy) switches it to WAL, the library's mode, once it passed.
 */
export function verifyDatabaseFile(
  file: string,
  options: { makeSelfContained?: boolean; thenWal?: boolean } = {},
): string | undefined {
  let db: Database.Database | undefined;
  try {
    if (completeSize(file) === undefined) return 'not a complete SQLite file';
    db = new Database(file, { fileMustExist: true, readonly: !options.makeSelfContained });
    if (options.makeSelfContained) db.pragma('journal_mode = DELETE');
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') return `integrity check: ${String(result)}`;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > latestSchemaVersion) return `schema version ${version}`;
    // A file about to become the library is switched to WAL here, on the copy: switched at the
    // library's first open instead, a kill mid-switch would leave a hot -journal that the
    // read-only check at the next open cannot roll back.
    if (options.thenWal) db.pragma('journal_mode = WAL');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/**
 * The file's size when its SQLite header says it is whole (size = page size × page count), so a
 * copy cut short is told apart without opening it; undefined otherwise.
 */
function completeSize(file: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size < 100) return undefined;
    const header = Buffer.alloc(100);
    fs.readSync(fd, header, 0, 100, 0);
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return undefined;
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || stat.size % pageSize !== 0) return undefined;
    // The header's page count is valid only while its version-valid-for matches the change counter.
    const counted = header.readUInt32BE(92) === header.readUInt32BE(24) ? header.readUInt32BE(28) : 0;
    if (counted > 0 && counted * pageSize !== stat.size) return undefined;
    return stat.size;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function pruneBackups(backupDir: string): void {
  for (const old of listBackups(backupDir).slice(backupsKept)) removeWithCompanions(old.path);
}

function removeWithCompanions(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function stampOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function nameFor(ms: number, reason: string): string {
  return `library-${stampOf(ms)}-${reason}.sqlite`;
}

function parseStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : stamp;
}
