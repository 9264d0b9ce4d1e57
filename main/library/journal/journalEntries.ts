import type { Db } from '../store/openDatabase';
import { isJournaledTable, type RowChange } from './journaledTables';

export interface NewEntry {
  op: string;
  description: string;
  changes: readonly RowChange[];
  /**
   * Entries with the same key written within a few minutes of each other fold into one, so
   * a note saved as the person types becomes one undo step, not one per pause.
   */
  coalesce?: string;
}

export interface JournalEntry {
  id: number;
  op: string;
  description: string;
  changes: RowChange[];
  coalesce?: string;
  createdAt: string;
}

interface Payload {
  description: string;
  coalesce?: string;
  changes: RowChange[];
}

interface JournalRow {
  id: number;
  op: string;
  payload: string;
  created_at: string;
}

/** Enough history for a day's work; older entries go so the file does not grow for years. */
export const maxJournalEntries = 1000;
const coalesceWindowMs = 5 * 60 * 1000;

/** Records an operation: a new operation ends the redo history. An operation that changed nothing leaves no entry. */
export function writeEntry(db: Db, entry: NewEntry, now: string): void {
  if (entry.changes.length === 0) return;
  db.prepare('DELETE FROM journal WHERE undone = 1').run();
  if (entry.coalesce !== undefined && coalesceIntoLast(db, entry, now)) return;
  const payload: Payload = { description: entry.description, changes: [...entry.changes] };
  if (entry.coalesce !== undefined) payload.coalesce = entry.coalesce;
  db.prepare('INSERT INTO journal (op, payload, undone, created_at) VALUES (?, ?, 0, ?)').run(
    entry.op,
    JSON.stringify(payload),
    now,
  );
  db.prepare('DELETE FROM journal WHERE id <= (SELECT id FROM journal ORDER BY id DESC LIMIT 1 OFFSET ?)').run(
    maxJournalEntries,
  );
}

/** The newest entry not undone: what undo reverts. */
export function lastDone(db: Db): JournalEntry | undefined {
  return toEntry(db.prepare('SELECT * FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as JournalRow);
}

/** The oldest undone entry: what redo applies again. */
export function firstUndone(db: Db): JournalEntry | undefined {
  return toEntry(db.prepare('SELECT * FROM journal WHERE undone = 1 ORDER BY id LIMIT 1').get() as JournalRow);
}

export function markUndone(db: Db, id: number, undone: boolean): void {
  db.prepare('UPDATE journal SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id);
}

/**
 * Forgets undo and redo. For writers outside the journal (a re-clean that re-anchors
 * highlights) and for history that no longer applies: undoing across them would write stale rows.
 */
export function discardHistory(db: Db): void {
  db.prepare('DELETE FROM journal').run();
}

function coalesceIntoLast(db: Db, entry: NewEntry, now: string): boolean {
  const last = lastDone(db);
  if (!last || last.coalesce !== entry.coalesce) return false;
  if (Date.parse(now) - Date.parse(last.createdAt) > coalesceWindowMs) return false;
  const changes = mergeChanges(last.changes, entry.changes);
  if (changes.length === 0) {
    // The edits cancelled out (a note written and emptied again): nothing left to undo.
    db.prepare('DELETE FROM journal WHERE id = ?').run(last.id);
    return true;
  }
  const payload: Payload = { description: entry.description, coalesce: entry.coalesce, changes };
  db.prepare('UPDATE journal SET op = ?, payload = ?, created_at = ? WHERE id = ?').run(
    entry.op,
    JSON.stringify(payload),
    now,
    last.id,
  );
  return true;
}

/** One change per row: the first `before`, the last `after`; rows that end as they began drop out. */
function mergeChanges(first: readonly RowChange[], second: readonly RowChange[]): RowChange[] {
  const byRow = new Map<string, RowChange>();
  for (const change of [...first, ...second]) {
    const id = `${change.table}:${JSON.stringify(change.key)}`;
    const seen = byRow.get(id);
    byRow.set(id, seen ? { ...seen, after: change.after } : change);
  }
  return [...byRow.values()].filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}

function toEntry(row: JournalRow | undefined): JournalEntry | undefined {
  if (!row) return undefined;
  const payload = JSON.parse(row.payload) as Payload;
  if (!Array.isArray(payload.changes) || !payload.changes.every((c) => isJournaledTable(c.table))) {
    throw new Error(`Journal entry ${row.id} is not in a known shape.`);
  }
  const entry: JournalEntry = {
    id: row.id,
    op: row.op,
    description: payload.description,
    changes: payload.changes,
    createdAt: row.created_at,
  };
  if (payload.coalesce !== undefined) entry.coalesce = payload.coalesce;
  return entry;
}
