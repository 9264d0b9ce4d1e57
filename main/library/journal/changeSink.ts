import type { Db } from '../store/openDatabase';
import type { RowChange } from './journaledTables';

/**
 * How a list of changes came about: a person's operation (its journal op), an undo or redo of one,
 * or none of these: the sync model's own bookkeeping (seeding, adopting, capturing rows), which is
 * never a journal step and so has no op.
 */
export interface ChangeCause {
  op?: string;
  replay?: 'undo' | 'redo';
  /** A merge's redirects (merged tag id -> the tag id it went into), so others' later uses of it follow. */
  tagRedirects?: ReadonlyMap<number, number>;
}

/**
 * Whoever mirrors the journal's row changes elsewhere (sync's Yjs documents): told the changes of
 * each operation inside its transaction, and then whether that transaction committed.
 */
export interface ChangeSink {
  record(changes: readonly RowChange[], cause: ChangeCause): void;
  committed(): void;
  rolledBack(): void;
}

const sinks = new WeakMap<Db, ChangeSink>();

export function setChangeSink(db: Db, sink: ChangeSink | undefined): void {
  if (sink) sinks.set(db, sink);
  else sinks.delete(db);
}

/** Runs `write` (which opens and commits its own transaction), telling the connection's sink how it ended. */
export function withChangeSink<T>(db: Db, write: (sink: ChangeSink | undefined) => T): T {
  const sink = sinks.get(db);
  let result: T;
  try {
    result = write(sink);
  } catch (error) {
    sink?.rolledBack();
    throw error;
  }
  sink?.committed();
  return result;
}

/** Tag merges made by one recorder, found by the recorder's change list. */
const redirects = new WeakMap<readonly RowChange[], Map<number, number>>();

export function noteTagRedirect(changes: readonly RowChange[], fromTagId: number, intoTagId: number): void {
  let map = redirects.get(changes);
  if (!map) {
    map = new Map();
    redirects.set(changes, map);
  }
  map.set(fromTagId, intoTagId);
}

export function tagRedirectsOf(changes: readonly RowChange[]): ReadonlyMap<number, number> | undefined {
  return redirects.get(changes);
}
