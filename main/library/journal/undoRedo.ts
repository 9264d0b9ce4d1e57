import Database from 'better-sqlite3';
import type { UndoResult } from '../../../preload/contract/annotationTypes';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { affectedArticles } from './affectedArticles';
import { withChangeSink, type ChangeSink } from './changeSink';
import { deleteRow, GoneRowError, upsertRow, type RowChange } from './journaledTables';
import { replayedByUid } from './rowsByUid';
import { discardHistory, firstUndone, lastDone, markUndone, type JournalEntry } from './journalEntries';

/** Reverts the newest operation not yet undone: each row back to `before`, newest change first. */
export function undo(db: Db): UndoResult {
  return guarded(db, (sink) => {
    const entry = lastDone(db);
    if (!entry) return null;
    const result = apply(db, entry, [...entry.changes].reverse(), 'before', true);
    // What the undo means, row by row: from the entry's after back to its before.
    sink?.record(
      entry.changes.map((c) => ({ ...c, before: c.after, after: c.before })),
      { op: entry.op, replay: 'undo' },
    );
    return result;
  });
}

/** Applies the oldest undone operation again: each row to `after`, in the order first made. */
export function redo(db: Db): UndoResult {
  return guarded(db, (sink) => {
    const entry = firstUndone(db);
    if (!entry) return null;
    const result = apply(db, entry, entry.changes, 'after', false);
    sink?.record(entry.changes, { op: entry.op, replay: 'redo' });
    return result;
  });
}

function apply(
  db: Db,
  entry: JournalEntry,
  changes: readonly RowChange[],
  side: 'before' | 'after',
  undone: boolean,
): NonNullable<UndoResult> {
  const articles = affectedArticles(db, entry.changes);
  for (const change of changes) {
    // Its tag or highlight found by uid: the id the entry names may be another's now, or no row's (rowsByUid).
    const replayed = replayedByUid(db, change, side);
    if (!replayed) continue;
    if (replayed.row === null) deleteRow(db, change.table, replayed.key);
    else upsertRow(db, change.table, replayed.row);
  }
  markUndone(db, entry.id, undone);
  for (const id of affectedArticles(db, entry.changes)) articles.add(id);
  return { op: entry.op, description: entry.description, articleIds: [...articles].sort((a, b) => a - b) };
}

/**
 * One transaction each. A constraint failure means something outside the journal changed the
 * rows since (a paragraph re-cleaned away): that history cannot be replayed safely, so it is
 * dropped and the person is told, rather than leaving an undo that fails forever.
 */
function guarded(db: Db, run: (sink: ChangeSink | undefined) => UndoResult): UndoResult {
  try {
    return withChangeSink(db, (sink) => db.transaction(() => run(sink)).immediate());
  } catch (error) {
    const replayFailed =
      error instanceof GoneRowError ||
      (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT'));
    if (!replayFailed) throw error;
    db.transaction(() => discardHistory(db)).immediate();
    throw new LibraryError(
      'not-found',
      'That change can no longer be undone or redone: the text it belonged to has changed since. Undo history was cleared; nothing else changed.',
    );
  }
}
