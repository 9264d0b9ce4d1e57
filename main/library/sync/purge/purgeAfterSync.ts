import type { Db } from '../../store/openDatabase';
import type { PurgeOutcome } from './purgeDeleted';
import { tombstoneDocs, tombstoneMark, tombstonesFrom, type Tombstone } from './tombstones';

/** How many of this device's deletes one run after a sync judges at most: a few documents' work, not a library's. */
export const purgeBatch = 200;

export interface AfterSyncPurgeOptions {
  db: Db;
  /**
   * The documents another device's updates were taken into since the last call (a report that a
   * delete was seen comes so), and forgets them.
   */
  takeTaken: () => ReadonlySet<string>;
  /** Judges the listed tombstones and purges those that may go, in a transaction of its own. */
  purge: (list: readonly Tombstone[]) => PurgeOutcome;
  batch?: number;
}

/**
 * The purge a device runs by itself once a sync is quiescent (#19: tombstones purged once every
 * member has seen them), outside any apply, in its own transaction. Bounded: each run judges at
 * most `batch` tombstones, going on from where the last run stopped, so a device holding many
 * deletes back (one listed device never syncs again) costs a batch per sync, not all of them. And
 * when nothing could have changed since every tombstone was last judged (no delete made, none
 * dropped, no update taken into a document holding one), a run is one or two small queries: a
 * first sync of a large library, whose new device holds no delete of its own, pays only that.
 * Returns undefined when it judged nothing.
 */
export function createAfterSyncPurge(options: AfterSyncPurgeOptions): () => PurgeOutcome | undefined {
  const batch = options.batch ?? purgeBatch;
  let mark = '';
  /** Tombstones judged since the mark last changed. */
  let judged = 0;
  let cursor: { doc: string; uid: string } | undefined;
  /** Updates taken into a document holding a delete of this device's (only they bring its reports). */
  let relevantTaken = 0;
  return () => {
    const taken = options.takeTaken();
    const { count, latest } = tombstoneMark(options.db);
    if (count === 0) return undefined;
    if (taken.size > 0 && tombstoneDocs(options.db).some((doc) => taken.has(doc))) relevantTaken += 1;
    const now = `${relevantTaken}|${count}|${latest}`;
    if (now !== mark) {
      mark = now;
      judged = 0;
    }
    if (judged >= count) return undefined;
    const list = tombstonesFrom(options.db, cursor, Math.min(batch, count - judged));
    const last = list[list.length - 1];
    if (!last) return undefined;
    cursor = { doc: last.doc, uid: last.uid };
    judged += list.length;
    return options.purge(list);
  };
}
