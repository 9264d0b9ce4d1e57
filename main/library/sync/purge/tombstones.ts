import * as Y from 'yjs';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';

/** The article document's `purged` map: highlight uid -> true once its deleted entry was purged (never removed). */
export const purgedUids = (doc: Y.Doc) => doc.getMap<unknown>('purged');

/** Whether the document's entry for `uid` was purged and none was made again since (an undo of the delete makes one). */
export function isPurged(doc: Y.Doc, highlights: Y.Map<unknown>, uid: string): boolean {
  return !highlights.has(uid) && doc.share.has('purged') && purgedUids(doc).get(uid) === true;
}

/**
 * A highlight this device is deleting (changesToDocs, before it writes `deleted`): the document's
 * state vector now is what it had seen of the highlight. Its edits that this does not cover were
 * made concurrently, and keep the entry from being purged (purgeDeleted).
 */
/** `docName`: the document's name (docStore gives it as its guid). */
export function recordTombstone(db: Db, docName: string, doc: Y.Doc, uid: string): void {
  preparedStatement(
    db,
    `INSERT INTO sync_tombstone (doc, uid, seen, deleted_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (doc, uid) DO UPDATE SET seen = excluded.seen, deleted_at = excluded.deleted_at`,
  ).run(docName, uid, Y.encodeStateVector(doc));
}

export interface Tombstone {
  doc: string;
  uid: string;
  seen: Map<number, number>;
  deletedAt: string;
}

type TombstoneRow = { doc: string; uid: string; seen: Buffer; deleted_at: string };
const asTombstone = (r: TombstoneRow): Tombstone => ({
  doc: r.doc,
  uid: r.uid,
  seen: Y.decodeStateVector(r.seen),
  deletedAt: r.deleted_at,
});

export function tombstones(db: Db): Tombstone[] {
  const rows = db
    .prepare('SELECT doc, uid, seen, deleted_at FROM sync_tombstone ORDER BY doc, uid')
    .all() as TombstoneRow[];
  return rows.map(asTombstone);
}

/** At most `limit` tombstones in (doc, uid) order, from the start or after `after`. */
export function tombstonesAfter(db: Db, after: { doc: string; uid: string } | undefined, limit: number): Tombstone[] {
  const rows = preparedStatement(
    db,
    'SELECT doc, uid, seen, deleted_at FROM sync_tombstone WHERE (doc, uid) > (?, ?) ORDER BY doc, uid LIMIT ?',
  ).all(after?.doc ?? '', after?.uid ?? '', limit) as TombstoneRow[];
  return rows.map(asTombstone);
}

/** The tombstones of one document. */
export function tombstonesOf(db: Db, doc: string): Tombstone[] {
  const rows = preparedStatement(
    db,
    'SELECT doc, uid, seen, deleted_at FROM sync_tombstone WHERE doc = ? ORDER BY uid',
  ).all(doc) as TombstoneRow[];
  return rows.map(asTombstone);
}

/** The documents holding a tombstone, and whether one of them was deleted after `since` (an ISO time). */
export function tombstoneDocs(db: Db, since: string): Array<{ name: string; deletedSince: boolean }> {
  const rows = preparedStatement(
    db,
    'SELECT doc, max(deleted_at) > ? AS deletedSince FROM sync_tombstone GROUP BY doc',
  ).all(since) as Array<{ doc: string; deletedSince: number }>;
  return rows.map((r) => ({ name: r.doc, deletedSince: r.deletedSince === 1 }));
}

/** How many tombstones there are and the latest delete: changes when this device deletes (or a purge or undo drops one). */
export function tombstoneMark(db: Db): { count: number; latest: string } {
  const row = preparedStatement(
    db,
    "SELECT count(*) AS count, coalesce(max(deleted_at), '') AS latest FROM sync_tombstone",
  ).get() as {
    count: number;
    latest: string;
  };
  return row;
}

export function dropTombstone(db: Db, doc: string, uid: string): void {
  preparedStatement(db, 'DELETE FROM sync_tombstone WHERE doc = ? AND uid = ?').run(doc, uid);
}

/** How many entries of the document were ever purged (a change says a purge was just taken). */
export const purgeCount = (doc: Y.Doc): number => (doc.share.has('purged') ? purgedUids(doc).size : 0);
