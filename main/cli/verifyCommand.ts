import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LibraryCheck } from '../../preload/contract/libraryDamage';
import { LibraryError } from '../library/libraryError';
import { registerChecksumFunction } from '../library/store/contentHashes';
import { checksumSchemaVersion, verifyLibrary } from '../library/store/verifyLibrary';

interface VerifyIo {
  out: (text: string) => void;
}

/**
 * `pizhu verify`: SQLite's integrity_check, then every article's, paragraph's and note's
 * checksum. Opens the file read-only and never migrates or repairs it, so it is safe on a damaged
 * library and while the app has it open. Exit 1 when anything is wrong.
 */
export function runVerify(dbPath: string, json: boolean, io: VerifyIo): number {
  if (!fs.existsSync(dbPath)) throw new LibraryError('not-found', `There is no library at ${dbPath}.`, dbPath);
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    // The checksums read stored raw text through the library's SQL functions (it may be compressed).
    registerChecksumFunction(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LibraryError('library-corrupt', `The library file cannot be opened (${reason}).`, dbPath);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const check = verifyLibrary(db, {
      integrity: 'full',
      reason: 'requested',
      backupDir: path.join(path.dirname(dbPath), 'backups'),
    });
    const withChecksums = version >= checksumSchemaVersion;
    if (json) io.out(JSON.stringify({ library: dbPath, checksums: withChecksums, ...check }, null, 2));
    else io.out(report(check, withChecksums, version));
    return check.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

function report(check: LibraryCheck, withChecksums: boolean, version: number): string {
  const lines: string[] = [];
  for (const line of check.integrity) lines.push(`integrity: ${line}`);
  for (const d of check.damaged) lines.push(`damaged ${d.kind}: ${d.description}`);
  if (check.damaged.length > 0) {
    const [newest] = check.goodBackups;
    lines.push(
      newest
        ? `the newest backup holding all of it intact: ${newest.path} (${newest.createdAt}); restore it with "pizhu restore FILE"`
        : 'no backup holds all of it intact',
    );
  }
  const { articles, paragraphs, notes } = check.checked;
  lines.push(
    withChecksums
      ? `${check.ok ? 'ok' : 'DAMAGED'}: checked ${articles} articles, ${paragraphs} paragraphs and ${notes} notes against their checksums`
      : `${check.ok ? 'ok' : 'DAMAGED'}: integrity only; this library (schema ${version}) predates checksums, which Pizhu adds when it next opens it`,
  );
  return lines.join('\n');
}

/** The CLI's warning when the check after an unclean exit found damage (createLibrary's `damage`), ending in a newline. */
export function damageWarning(check: LibraryCheck): string {
  const named = check.damaged.map((d) => `pizhu: damaged ${d.kind}: ${d.description}\n`).join('');
  const integrity = check.integrity.map((line) => `pizhu: integrity: ${line}\n`).join('');
  return `pizhu: the library was not closed cleanly last time, and the check since found damage:\n${integrity}${named}pizhu: run "pizhu verify" for the backups that hold it intact.\n`;
}
