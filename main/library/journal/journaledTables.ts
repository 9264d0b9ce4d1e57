import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/openDatabase';
import { highlightColumnsSql } from '../store/highlightContext';
import { madeBySql } from '../store/madeHere';

/** A value as better-sqlite3 returns it for our annotation tables (no blobs, no bigints). */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

/**
 * The tables the journal may write, with their key and every column. Column names are only
 * ever taken from these lists, so a journal entry read back from disk cannot inject SQL.
 */
export const journaledTables = {
  highlight: {
    key: ['id'],
    columns: [
      'id',
      'article_id',
      'paragraph_id',
      'start_offset',
      'end_offset',
      'quote',
      'prefix',
      'suffix',
      'color',
      'group_id',
      'created_at',
      'updated_at',
      'comment',
      'uid',
      'made_by',
    ],
  },
  tag: { key: ['id'], columns: ['id', 'name', 'color', 'created_at', 'uid'] },
  /** A tag's codebook description (migration 0019): written, cleared, moved on a merge, removed before its tag. */
  tag_description: {
    key: ['tag_id'],
    columns: ['tag_id', 'definition', 'inclusion', 'exclusion', 'example', 'updated_at'],
  },
  /** made_by (migration 0029): the member who made the row, set on insert by a trigger; never changed by an edit. */
  highlight_tag: { key: ['highlight_id', 'tag_id'], columns: ['highlight_id', 'tag_id', 'made_by'] },
  paragraph_tag: { key: ['paragraph_id', 'tag_id'], columns: ['paragraph_id', 'tag_id', 'made_by'] },
  note: {
    key: ['paragraph_id'],
    columns: ['paragraph_id', 'editor_state', 'plain_text', 'markdown', 'updated_at', 'made_by'],
  },
  /** An article's memo or a journal entry (migration 0022, main/library/memos): written, cleared and removed whole. */
  memo: {
    key: ['id'],
    columns: ['id', 'article_id', 'editor_state', 'plain_text', 'markdown', 'created_at', 'updated_at', 'uid', 'made_by'],
  },
  /** A member of the library, with the name and colour others see (migration 0029, main/library/team). */
  library_member: { key: ['uid'], columns: ['uid', 'name', 'color'] },
  /**
   * Only the columns a person changes (details, trash, archive): the text stays out of the journal.
   * Update-only: undo and redo set these columns on the row that is there, never insert or delete
   * one; the checksum trigger recomputes the article's checksum from the restored values.
   */
  article: {
    key: ['id'],
    columns: [
      'id',
      'title',
      'title_inferred',
      'subtitle',
      'source',
      'author',
      'published_at',
      'url',
      'metadata_edits',
      'trashed_at',
      'archived_at',
      'region_corrected',
    ],
    updateOnly: true,
  },
  /** A re-classification: update-only as the article; the kind is checksummed, so the trigger refreshes it. */
  paragraph: { key: ['id'], columns: ['id', 'kind', 'kind_by_user'], updateOnly: true },
  /** A translator's own conversions (migration 0017): library-wide, no article's annotations; uid since 0031 (sync). */
  term_override: { key: ['id'], columns: ['id', 'source', 'target', 'modes', 'created_at', 'uid'] },
  /** An article attribute's definition (migration 0021): its values' rows are removed through the journal first. */
  attribute: { key: ['id'], columns: ['id', 'name', 'kind', 'choices', 'created_at', 'uid'] },
  /** One attribute's value on one article (migration 0021). */
  article_attribute: { key: ['article_id', 'attribute_id'], columns: ['article_id', 'attribute_id', 'value'] },
  /** The library's stop-word list (migration 0020): one row, written whole; no row is the default list. */
  stop_word_list: { key: ['id'], columns: ['id', 'words', 'updated_at'] },
  /** A word in the person's vocabulary (main/library/vocabulary): added, edited and removed whole; uid since 0031 (sync). */
  vocabulary: {
    key: ['id'],
    columns: [
      'id',
      'word',
      'stored_word',
      'reading',
      'sense',
      'sentence',
      'sentence_offset',
      'article_id',
      'paragraph_id',
      'start_offset',
      'end_offset',
      'created_at',
      'updated_at',
      'uid',
    ],
  },
} as const satisfies Record<string, { key: readonly string[]; columns: readonly string[]; updateOnly?: true }>;

export type JournaledTable = keyof typeof journaledTables;

/** One row's change: `before` null for an insert, `after` null for a delete. */
export interface RowChange {
  table: JournaledTable;
  key: Row;
  before: Row | null;
  after: Row | null;
}

export function isJournaledTable(name: string): name is JournaledTable {
  return Object.hasOwn(journaledTables, name);
}

/** The key part of a row, in the table's key order. */
export function keyOf(table: JournaledTable, row: Row): Row {
  const key: Row = {};
  for (const column of journaledTables[table].key) key[column] = valueOf(row, column);
  return key;
}

/**
 * The table's columns as a SELECT reads them: a highlight's quote and context as written, never
 * as stored (store/highlightContext), so an undo writes back, and sync carries, the values themselves.
 */
export function selectedColumns(table: JournaledTable): string {
  const columns: readonly string[] = journaledTables[table].columns;
  if (table === 'highlight') return highlightColumnsSql(columns);
  // A tag assignment's maker as its uid where it is stored as made here (store/madeHere).
  if (table === 'highlight_tag' || table === 'paragraph_tag') return columns.map((c) => (c === 'made_by' ? madeBySql(table) : c)).join(', ');
  return columns.join(', ');
}

export function readRow(db: Db, table: JournaledTable, key: Row): Row | null {
  const spec = journaledTables[table];
  const where = spec.key.map((c) => `${c} = ?`).join(' AND ');
  const row = cached(db, `SELECT ${selectedColumns(table)} FROM ${table} WHERE ${where}`).get(
    ...spec.key.map((c) => valueOf(key, c)),
  ) as Row | undefined;
  return row ?? null;
}

/** An update-only row a journal entry names is no longer there: that history cannot be replayed. */
export class GoneRowError extends Error {
  constructor(table: JournaledTable) {
    super(`The ${table} row of this change is gone.`);
  }
}

/** Tables whose rows the journal only ever updates: their other columns (the text) are not journaled. */
function isUpdateOnly(table: JournaledTable): boolean {
  const spec = journaledTables[table];
  return 'updateOnly' in spec && spec.updateOnly;
}

export function deleteRow(db: Db, table: JournaledTable, key: Row): void {
  if (isUpdateOnly(table)) throw new Error(`Rows of ${table} are never deleted through the journal.`);
  const spec = journaledTables[table];
  const where = spec.key.map((c) => `${c} = ?`).join(' AND ');
  cached(db, `DELETE FROM ${table} WHERE ${where}`).run(...spec.key.map((c) => valueOf(key, c)));
}

/** Puts a whole row back exactly as it was, whether or not a row with its key exists now. */
export function upsertRow(db: Db, table: JournaledTable, row: Row): void {
  const spec = journaledTables[table];
  const keys: readonly string[] = spec.key;
  // A row journaled before sync (migration 0026) has no uid, or before 0029 no maker: the one there
  // stays, a new row gets one from its trigger.
  const columns = spec.columns.filter((c) => !((c === 'uid' || c === 'made_by') && row[c] === undefined));
  const rest = columns.filter((c) => !keys.includes(c));
  if (isUpdateOnly(table)) {
    const values: Row = {};
    for (const column of rest) values[column] = valueOf(row, column);
    // A row gone since (an emptied trash) is a replay that cannot apply: undoRedo drops the history then.
    if (!readRow(db, table, keyOf(table, row))) throw new GoneRowError(table);
    updateRow(db, table, keyOf(table, row), values);
    return;
  }
  const onConflict =
    rest.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  const sql =
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
    `ON CONFLICT (${spec.key.join(', ')}) ${onConflict}`;
  cached(db, sql).run(
    ...columns.map((c) => (row[c] === undefined ? (addedLaterDefaults[c] ?? null) : valueOf(row, c))),
  );
}

/** Columns added after the journal began (migration 0008): a row journaled before has none and gets its default. */
const addedLaterDefaults: Partial<Record<string, SqlValue>> = { comment: '' };

export function insertRow(db: Db, table: JournaledTable, row: Row): number {
  if (isUpdateOnly(table)) throw new Error(`Rows of ${table} are never inserted through the journal.`);
  const columns = knownColumns(table, row);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return Number(cached(db, sql).run(...columns.map((c) => valueOf(row, c))).lastInsertRowid);
}

export function updateRow(db: Db, table: JournaledTable, key: Row, changes: Row): void {
  const spec = journaledTables[table];
  const columns = knownColumns(table, changes);
  if (columns.length === 0) return;
  const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${spec.key.map((c) => `${c} = ?`).join(' AND ')}`;
  cached(db, sql).run(...columns.map((c) => valueOf(changes, c)), ...spec.key.map((c) => valueOf(key, c)));
}

function knownColumns(table: JournaledTable, row: Row): string[] {
  const allowed: readonly string[] = journaledTables[table].columns;
  const columns = Object.keys(row);
  const unknown = columns.find((c) => !allowed.includes(c));
  if (unknown !== undefined) throw new Error(`Column ${unknown} is not a journaled column of ${table}.`);
  return columns;
}

function valueOf(row: Row, column: string): SqlValue {
  const value = row[column];
  return value === undefined ? null : value;
}

// Statements are compiled once per connection: a tag merge may write thousands of rows.
const statementCache = new WeakMap<Db, Map<string, Statement<SqlValue[]>>>();

function cached(db: Db, sql: string): Statement<SqlValue[]> {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = new Map();
    statementCache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare<SqlValue[]>(sql);
    statements.set(sql, statement);
  }
  return statement;
}
