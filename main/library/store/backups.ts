import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const backupsKept = 7;
const backupPattern = /^library-(\d{8}T\d{6}\d{3}Z)-([a-z0-9-]+)\.sqlite$/;

export interface BackupFile {
  path: string;
  createdAt: string;
  reason: string;
}

/** A consistent copy through SQLite's online backup API, then keep only the newest seven. */
export async function backupDatabase(db: Database.Database, backupDir: string, reason: string): Promise<BackupFile> {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  const safeReason = reason.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const target = path.join(backupDir, `library-${stamp}-${safeReason}.sqlite`);
  await db.backup(target);
  pruneBackups(backupDir);
  return { path: target, createdAt: new Date().toISOString(), reason: safeReason };
}

export function listBackups(backupDir: string): BackupFile[] {
  if (!fs.existsSync(backupDir)) return [];
  return fs
    .readdirSync(backupDir)
    .map((name) => ({ name, match: backupPattern.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ path: path.join(backupDir, name), createdAt: parseStamp(match[1] ?? ''), reason: match[2] ?? '' }))
    .sort((a, b) => b.path.localeCompare(a.path));
}

function pruneBackups(backupDir: string): void {
  for (const old of listBackups(backupDir).slice(backupsKept)) fs.rmSync(old.path, { force: true });
}

function parseStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : stamp;
}
