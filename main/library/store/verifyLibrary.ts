import Database from 'better-sqlite3';
import type { DamagedText, LibraryCheck } from '../../../preload/contract/libraryDamage';
import { LibraryError } from '../libraryError';
import { listBackups } from './backups';
import { checkedColumnsSelect, registerChecksumFunction, rowChecksum, type CheckedTable } from './contentHashes';
import { describeDamage, describeMissingParagraphs } from './contentCorrupt';
import type { Db } from './openDatabase';

/** The first schema whose rows carry checksums (migration 0006). */
export const checksumSchemaVersion = 6;
/** The first schema whose articles record their paragraph count (migration 0011). */
const paragraphCountSchemaVersion = 11;

export interface VerifyOptions {
  /** SQLite's own check first: `full` (integrity_check, what `pizhu verify` runs), `quick` or `none` (openDatabase ran quick_check already). */
  integrity: 'full' | 'quick' | 'none';
  reason: LibraryCheck['reason'];
  /** Where to look for backups that still hold the damaged rows intact. */
  backupDir?: string;
}

const keyOf: Record<CheckedTable, string> = { article: 'id', paragraph: 'id', note: 'paragraph_id' };

/**
 * Checks the whole library: SQLite's page structure, then every article, paragraph and note
 * against its checksum (store/contentHashes). Reads only; rows are streamed, so a library of any
 * size is checked in constant memory.
 */
export function verifyLibrary(db: Db, options: VerifyOptions): LibraryCheck {
  const integrity = options.integrity === 'none' ? [] : integrityProblems(db, options.integrity);
  const checked = { articles: 0, paragraphs: 0, notes: 0 };
  const bad: Array<{ kind: CheckedTable; id: number }> = [];
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= checksumSchemaVersion) {
    for (const table of ['article', 'paragraph', 'note'] as const) {
      try {
        const sql = `SELECT ${keyOf[table]} AS id, ${checkedColumnsSelect(table)}, checksum FROM ${table}`;
        for (const row of db.prepare(sql).iterate() as Iterable<{ id: number; checksum: unknown }>) {
          if (table === 'article') checked.articles++;
          else if (table === 'paragraph') checked.paragraphs++;
          else checked.notes++;
          if (row.checksum !== rowChecksum(table, row)) bad.push({ kind: table, id: row.id });
        }
      } catch (error) {
        // A b-tree SQLite cannot walk: integrity_check says where; the rows read so far still count.
        integrity.push(`${table}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  const damaged = bad.map((b) => describeDamage(db, b.kind, b.id));
  if (version >= paragraphCountSchemaVersion) damaged.push(...missingParagraphs(db, integrity));
  return {
    ok: integrity.length === 0 && damaged.length === 0,
    reason: options.reason,
    integrity,
    damaged,
    checked,
    goodBackups: damaged.length > 0 && options.backupDir ? backupsHoldingIntact(options.backupDir, damaged) : [],
  };
}

/**
 * Refuses to go on when any text no longer matches its checksum: a JSON backup (or anything that
 * copies text into a new row) would give the damaged text fresh checksums, and nobody could tell
 * it from what the person wrote.
 */
export function refuseDamagedText(db: Db, what: string): void {
  const { damaged } = verifyLibrary(db, { integrity: 'none', reason: 'requested' });
  const [first] = damaged;
  if (!first) return;
  throw new LibraryError(
    'content-corrupt',
    `${what} was not written: ${damaged.length === 1 ? 'one item of the library no longer matches its checksum' : `${damaged.length} items of the library no longer match their checksums`} (${first.description}) Run "pizhu verify" and restore a backup that holds it intact.`,
    JSON.stringify(damaged.map((d) => ({ kind: d.kind, articleId: d.articleId, paragraphId: d.paragraphId }))),
  );
}

function integrityProblems(db: Db, kind: 'full' | 'quick'): string[] {
  try {
    const rows = db.pragma(kind === 'full' ? 'integrity_check' : 'quick_check', { simple: false }) as Array<
      Record<string, unknown>
    >;
    return rows.map((r) => String(Object.values(r)[0])).filter((line) => line !== 'ok');
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * The backups, newest first, that hold every damaged row with a matching checksum: the last good
 * copy to offer. A backup from before checksums (schema < 6) cannot vouch for its text and is left out.
 */
export function backupsHoldingIntact(
  backupDir: string,
  damaged: readonly DamagedText[],
): Array<{ path: string; createdAt: string }> {
  const good: Array<{ path: string; createdAt: string }> = [];
  for (const backup of listBackups(backupDir)) {
    let copy: Database.Database | undefined;
    try {
      copy = new Database(backup.path, { readonly: true, fileMustExist: true });
      registerChecksumFunction(copy);
      if ((copy.pragma('user_version', { simple: true }) as number) < checksumSchemaVersion) continue;
      const db = copy;
      if (damaged.every((d) => holdsIntact(db, d))) good.push({ path: backup.path, createdAt: backup.createdAt });
    } catch {
      // An unreadable backup is simply not offered.
    } finally {
      copy?.close();
    }
  }
  return good;
}

function holdsIntact(db: Database.Database, damage: DamagedText): boolean {
  const table: CheckedTable = damage.kind;
  const id = damage.kind === 'article' ? damage.articleId : damage.paragraphId;
  if (id === null) return false;
  const row = db
    .prepare(`SELECT ${checkedColumnsSelect(table)}, checksum FROM ${table} WHERE ${keyOf[table]} = ?`)
    .get(id) as { checksum: unknown } | undefined;
  return row !== undefined && row.checksum === rowChecksum(table, row);
}

/** Articles whose paragraphs are not the count they record, in order from 0: one went missing. */
function missingParagraphs(db: Db, integrity: string[]): DamagedText[] {
  try {
    const rows = db
      .prepare(
        `SELECT a.id, a.paragraph_count AS expected, count(p.id) AS found, coalesce(max(p.ord), -1) AS last
         FROM article a LEFT JOIN paragraph p ON p.article_id = a.id
         WHERE a.paragraph_count IS NOT NULL GROUP BY a.id`,
      )
      .all() as Array<{ id: number; expected: number; found: number; last: number }>;
    return rows
      .filter((r) => r.found !== r.expected || r.last !== r.expected - 1)
      .map((r) => describeMissingParagraphs(db, r.id, r.expected, r.found));
  } catch (error) {
    integrity.push(`paragraph counts: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
