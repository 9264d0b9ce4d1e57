import type { Db } from '../store/openDatabase';
import { isJournaledTable, type RowChange } from './journaledTables';

export interface NewEntry {
  op: string;
  description: string;
  changes: readonly RowChange[];
  /**
   * Entries with the same key written in quick succession fold into one undo step, so a note
   * saved as the person types is undone a sentence at a time, not a keystroke at a time.
   */
  coalesce?: string;
  /** Starts a new undo step even in quick succession (a note's new paragraph, or its deletion). */
  newStep?: boolean;
}

export interface JournalEntry {
  id: number;
  op: string;
  description: string;
  changes: RowChange[];
  coalesce?: string;
  /** When the entry (or, for folded entries, the last write folded in) was written. */
  createdAt: string;
  /** When the first write folded into it was: `createdAt` for an entry that folded nothing. */
  startedAt: string;
}

interface Payload {
  description: string;
  coalesce?: string;
  /** When the first of the entries folded into this one was written. */
  startedAt?: string;
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
/**
 * And at most about this many bytes: a long note's every step holds the note twice (before and
 * after), so a morning of writing in it could otherwise make the journal larger than the library.
 */
export const maxJournalBytes = 8 * 1024 * 1024;

/**
 * A pause this long between two writes with the same key ends an undo step. Notes save 400 ms
 * after the last keystroke, so saves come every second or two while someone types (choosing a
 * pinyin candidate included); three seconds without one is a stop to think, which is where a
 * person expects undo to go back to.
 */
export const stepPauseMs = 3000;
/** Steady typing with only short pauses still gets a step boundary each minute: an hour is never one step. */
export const maxStepMs = 60_000;

/** Records an operation: a new operation ends the redo history. An operation that changed nothing leaves no entry. */
export function writeEntry(db: Db, entry: NewEntry, now: string): void {
  if (entry.changes.length === 0) return;
  // An action right after an undo starts its own step: folding it into the step before the
  // undone one would make the next undo take that step back too.
  const afterUndo = db.prepare('DELETE FROM journal WHERE undone = 1').run().changes > 0;
  if (entry.coalesce !== undefined && !entry.newStep && !afterUndo && coalesceIntoLast(db, entry, now)) return;
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
  // octet_length reads only the stored size, not the text. The entry that crosses the budget stays, so the newest always does.
  db.prepare(
    `DELETE FROM journal WHERE id < (
       SELECT id FROM (SELECT id, sum(octet_length(payload)) OVER (ORDER BY id DESC) AS total FROM journal)
       WHERE total > ? ORDER BY id DESC LIMIT 1)`,
  ).run(maxJournalBytes);
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

/** Folds the entry into the newest one when both have its key and neither a pause nor the step's length ends that step. */
function coalesceIntoLast(db: Db, entry: NewEntry, now: string): boolean {
  const last = lastDone(db);
  if (!last || last.coalesce !== entry.coalesce) return false;
  const at = Date.parse(now);
  const sinceLast = at - Date.parse(last.createdAt);
  const sinceStart = at - Date.parse(last.startedAt);
  // A clock that went back is no evidence of typing on: a new step.
  if (!(sinceLast >= 0 && sinceLast < stepPauseMs && sinceStart >= 0 && sinceStart < maxStepMs)) return false;
  const changes = mergeChanges(last.changes, entry.changes);
  if (changes.length === 0) {
    // The edits cancelled out (a note written and taken back again): nothing left to undo.
    db.prepare('DELETE FROM journal WHERE id = ?').run(last.id);
    return true;
  }
  const payload: Payload = {
    description: entry.description,
    coalesce: entry.coalesce,
    startedAt: last.startedAt,
    changes,
  };
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
    startedAt: payload.startedAt ?? row.created_at,
  };
  if (payload.coalesce !== undefined) entry.coalesce = payload.coalesce;
  return entry;
}
