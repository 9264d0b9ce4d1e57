import type { Db } from '../store/openDatabase';
import {
  deleteRow,
  insertRow,
  journaledTables,
  keyOf,
  readRow,
  updateRow,
  type JournaledTable,
  type Row,
  type RowChange,
} from './journaledTables';
import { withUids } from './rowsByUid';

/**
 * The one way an annotation operation writes: every insert, update and delete reads the row
 * before and after, so the operation's journal entry can be undone and redone row by row.
 */
export interface Recorder {
  readonly db: Db;
  /** Inserts a row and returns its rowid (the new id for tables keyed by `id`). */
  insert(table: JournaledTable, row: Row): number;
  /** Returns false when there is no such row. */
  update(table: JournaledTable, key: Row, changes: Row): boolean;
  /** Returns false when there is no such row. */
  remove(table: JournaledTable, key: Row): boolean;
  /** Every change so far, in the order made. */
  readonly changes: readonly RowChange[];
}

export function createRecorder(db: Db): Recorder {
  const changes: RowChange[] = [];
  // A row naming a tag or highlight keeps its uid too: the id may be another's by the time it is undone (rowsByUid).
  const read = (table: JournaledTable, key: Row) => withUids(db, table, readRow(db, table, key));

  return {
    db,
    changes,

    insert(table, row) {
      const rowid = insertRow(db, table, row);
      const keyColumns: readonly string[] = journaledTables[table].key;
      const key = keyColumns.length === 1 && keyColumns[0] === 'id' ? { id: rowid } : keyOf(table, row);
      changes.push({ table, key, before: null, after: read(table, key) });
      return rowid;
    },

    update(table, key, fields) {
      const before = read(table, key);
      if (!before) return false;
      updateRow(db, table, key, fields);
      const after = read(table, key);
      // An update that changes nothing leaves nothing to undo.
      if (JSON.stringify(after) !== JSON.stringify(before)) changes.push({ table, key, before, after });
      return true;
    },

    remove(table, key) {
      const before = read(table, key);
      if (!before) return false;
      deleteRow(db, table, key);
      changes.push({ table, key, before, after: null });
      return true;
    },
  };
}
