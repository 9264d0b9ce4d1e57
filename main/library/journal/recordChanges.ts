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

  return {
    db,
    changes,

    insert(table, row) {
      const rowid = insertRow(db, table, row);
      const keyColumns: readonly string[] = journaledTables[table].key;
      const key = keyColumns.length === 1 && keyColumns[0] === 'id' ? { id: rowid } : keyOf(table, row);
      changes.push({ table, key, before: null, after: readRow(db, table, key) });
      return rowid;
    },

    update(table, key, fields) {
      const before = readRow(db, table, key);
      if (!before) return false;
      updateRow(db, table, key, fields);
      const after = readRow(db, table, key);
      // An update that changes nothing leaves nothing to undo.
      if (JSON.stringify(after) !== JSON.stringify(before)) changes.push({ table, key, before, after });
      return true;
    },

    remove(table, key) {
      const before = readRow(db, table, key);
      if (!before) return false;
      deleteRow(db, table, key);
      changes.push({ table, key, before, after: null });
      return true;
    },
  };
}
