import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import type { JournaledTable, Row, RowChange } from './journaledTables';

/**
 * A journal entry names rows by local id, and in a synced library a tag's or a highlight's id
 * does not last: another device's delete (or a tag merge) removes the row here, and SQLite gives
 * the largest id freed to the next row made. An undo replayed by id would then write over, take
 * off or put on whichever tag or highlight holds that id now (another person's), and tell the
 * documents nothing of the one it meant. So a row naming a tag or a highlight carries its uid
 * beside its id (their own rows have one already), and a replay finds them by uid.
 */

/** The tables whose rows have a uid, the columns naming one of their rows, and where each keeps its uid. */
type Owner = 'tag' | 'highlight';
const uidColumn = { tag_id: 'tag_uid', highlight_id: 'highlight_uid' } as const;
const references: Partial<Record<JournaledTable, ReadonlyArray<keyof typeof uidColumn>>> = {
  highlight_tag: ['highlight_id', 'tag_id'],
  paragraph_tag: ['tag_id'],
  tag_description: ['tag_id'],
};
const ownerOf = { tag_id: 'tag', highlight_id: 'highlight' } as const satisfies Record<string, Owner>;

// Statements kept per connection: a tag merge records thousands of rows.
const idOfUid = (db: Db, owner: Owner, uid: string): number | undefined =>
  preparedStatement(db, `SELECT id FROM ${owner} WHERE uid = ?`).pluck(true).get(uid) as number | undefined;

const uidOfId = (db: Db, owner: Owner, id: unknown): string | null | undefined =>
  preparedStatement(db, `SELECT uid FROM ${owner} WHERE id = ?`).pluck(true).get(id) as string | null | undefined;

/** A row as the recorder keeps it: with `tag_uid` and `highlight_uid` for the rows it names. */
export function withUids(db: Db, table: JournaledTable, row: Row | null): Row | null {
  const named = references[table];
  if (row === null || !named) return row;
  const kept: Row = { ...row };
  for (const column of named) {
    const uid = uidOfId(db, ownerOf[column], row[column]);
    if (typeof uid === 'string') kept[uidColumn[column]] = uid;
  }
  return kept;
}

/**
 * The key and row a replay writes for one change, found by uid; undefined when a tag or highlight
 * it names is gone here (deleted elsewhere: its rows went with it, and the documents, told by
 * uid, say what stays). A change journaled without uids is replayed by id, as before.
 */
export function replayedByUid(
  db: Db,
  change: RowChange,
  side: 'before' | 'after',
): { key: Row; row: Row | null } | undefined {
  const row = change[side];
  const named = change.before ?? change.after;
  if (change.table === 'tag' || change.table === 'highlight') {
    const owner: Owner = change.table;
    const uid = named?.uid;
    if (typeof uid !== 'string') return { key: change.key, row };
    const live = idOfUid(db, owner, uid);
    if (row === null) return live === undefined ? undefined : { key: { id: live }, row };
    if (live !== undefined) return { key: { id: live }, row: { ...row, id: live } };
    // Put back (an undone delete, or an edit of one deleted elsewhere) with its id another's since: under a new id.
    if (uidOfId(db, owner, row.id) === undefined) return { key: change.key, row };
    const fresh = Number(preparedStatement(db, `SELECT max(id) FROM ${owner}`).pluck(true).get()) + 1;
    return { key: { id: fresh }, row: { ...row, id: fresh } };
  }
  const columns = references[change.table];
  if (!columns) return { key: change.key, row };
  const key: Row = { ...change.key };
  const replayed: Row | null = row === null ? null : { ...row };
  for (const column of columns) {
    const uid = named?.[uidColumn[column]];
    if (typeof uid !== 'string') continue;
    const live = idOfUid(db, ownerOf[column], uid);
    if (live === undefined) return undefined;
    key[column] = live;
    if (replayed) replayed[column] = live;
  }
  return { key, row: replayed };
}
