import { journaledTables, selectedColumns, type JournaledTable, type Row, type RowChange } from '../../journal/journaledTables';
import type { Db } from '../../store/openDatabase';

/** The table's rows (those `where` picks) as the changes that made them. */
export function rowsAsInserts(db: Db, table: JournaledTable, where = ''): RowChange[] {
  const spec = journaledTables[table];
  const rows = db.prepare(`SELECT ${selectedColumns(table)} FROM ${table} ${where}`).all() as Row[];
  return rows.map((row) => ({
    table,
    key: Object.fromEntries(spec.key.map((k) => [k, row[k] ?? null])),
    before: null,
    after: row,
  }));
}
