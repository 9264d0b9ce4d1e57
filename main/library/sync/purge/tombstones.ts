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

export function tombstones(db: Db): Tombstone[] {
  const rows = db.prepare('SELECT doc, uid, seen, deleted_at FROM sync_tombstone ORDER BY doc, uid').all() as Array<{
    doc: string;
    uid: string;
    seen: Buffer;
    deleted_at: string;
  }>;
  return rows.map((r) => ({ doc: r.doc, uid: r.uid, seen: Y.decodeStateVector(r.seen), deletedAt: r.deleted_at }));
}

export function dropTombstone(db: Db, doc: string, uid: string): void {
  preparedStatement(db, 'DELETE FROM sync_tombstone WHERE doc = ? AND uid = ?').run(doc, uid);
}

/** How many entries of the document were ever purged (a change says a purge was just taken). */
export const purgeCount = (doc: Y.Doc): number => (doc.share.has('purged') ? purgedUids(doc).size : 0);
