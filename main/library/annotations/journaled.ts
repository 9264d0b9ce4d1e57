import { tagRedirectsOf, withChangeSink } from '../journal/changeSink';
import { writeEntry } from '../journal/journalEntries';
import { createRecorder, type Recorder } from '../journal/recordChanges';
import type { Db } from '../store/openDatabase';

/** What an operation hands back: its value for the caller and how its journal entry reads. */
export interface Step<T> {
  value: T;
  op: string;
  description: string;
  coalesce?: string;
  /** With `coalesce`: this write starts a new undo step whatever the time since the last. */
  newStep?: boolean;
}

export type Journaled = <T>(work: (rec: Recorder, now: string) => Step<T>) => T;

/**
 * Runs one user action as one immediate transaction whose writes all go through a recorder,
 * and stores them as one journal entry. A thrown error rolls back the writes and the entry.
 */
export function createJournaled(db: Db, nowIso: () => string): Journaled {
  return <T>(work: (rec: Recorder, now: string) => Step<T>): T =>
    withChangeSink(db, (sink) =>
      db
        .transaction(() => {
          const now = nowIso();
          const rec = createRecorder(db);
          const step = work(rec, now);
          // Sync's documents change in this same transaction (journal/changeSink).
          sink?.record(rec.changes, { op: step.op, tagRedirects: tagRedirectsOf(rec.changes) });
          writeEntry(
            db,
            {
              op: step.op,
              description: step.description,
              changes: rec.changes,
              coalesce: step.coalesce,
              newStep: step.newStep,
            },
            now,
          );
          return step.value;
        })
        .immediate(),
    );
}

/** A quote short enough for an undo toast. */
export function shortQuote(text: string): string {
  const chars = [...text];
  return chars.length <= 20 ? text : `${chars.slice(0, 20).join('')}…`;
}
