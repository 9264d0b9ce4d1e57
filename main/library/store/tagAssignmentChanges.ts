import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';

/**
 * Changes when a tag is put on or taken off a highlight or a paragraph (or such a row goes with
 * its highlight, paragraph or article), by this connection or another: what the library list's
 * tag filter keeps (store/articlePage) is made anew then, not after every write. At 100,000
 * articles and 1,000,000 highlights making it is 40-70 ms, and opening an article writes.
 *
 * Counted by temporary triggers of this connection (nothing in the file, no migration) calling a
 * function of this process: a count in a table would go back with a rolled-back write, and the
 * same count could then name two different sets of assignments. Another connection's commit
 * (the command line writing while the app is open) is seen by data_version. undefined where the
 * triggers cannot be made (a read-only connection, query_only while the start-up check runs, or
 * inside a transaction):
 * the caller then treats every write as a change.
 */
export function tagAssignmentStamp(db: Db): string | undefined {
  let counted = counts.get(db);
  if (!counted) {
    // Not inside a transaction: one rolled back would take the triggers with it.
    if (db.readonly || db.inTransaction || db.pragma('query_only', { simple: true }) === 1) return undefined;
    counted = { changes: 0 };
    const count = counted;
    try {
      db.function(changedFunction, { deterministic: false, varargs: false }, () => {
        count.changes++;
        return null;
      });
      db.exec(triggersSql);
    } catch {
      // The connection busy in a statement (an iterator open): tried again at the next list.
      return undefined;
    }
    counts.set(db, counted);
  }
  const version = preparedStatement(db, 'SELECT data_version FROM pragma_data_version').pluck().get() as number;
  return `${counted.changes}:${version}`;
}

const counts = new WeakMap<Db, { changes: number }>();

const changedFunction = 'pizhu_tag_assignment_changed';

const triggersSql = ['highlight_tag', 'paragraph_tag']
  .flatMap((table) =>
    ['INSERT', 'DELETE', 'UPDATE'].map(
      (event) =>
        `CREATE TEMP TRIGGER IF NOT EXISTS ${table}_${event.toLowerCase()}_counted AFTER ${event} ON main.${table}
         BEGIN SELECT ${changedFunction}(); END;`,
    ),
  )
  .join('\n');
