import type { Statement } from 'better-sqlite3';
import type { Db } from './openDatabase';

/** Statements compiled once per connection, by their SQL. */
const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, compiled the first time it is asked for. A search
 * asks the same few questions at every keystroke, and compiling them again was a tenth of its
 * time (issue #16). Use it for statements run to completion (all, get, run), not iterated: two
 * callers would share one cursor. SQLite recompiles a kept statement itself after a schema change.
 * Shared by its SQL: a caller that wants pluck or raw sets it at every use, and no two callers of one SQL differ in it.
 */
export function preparedStatement(db: Db, sql: string): Statement {
  let forDb = statements.get(db);
  if (!forDb) statements.set(db, (forDb = new Map<string, Statement>()));
  let prepared = forDb.get(sql);
  if (!prepared) forDb.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
