import type { Db } from '../../store/openDatabase';
import type { PurgeOutcome } from './purgeDeleted';
import { tombstoneDocs, tombstoneMark, tombstonesAfter, tombstonesOf, type Tombstone } from './tombstones';

/** How many of this device's deletes one run after a sync judges at most: a few documents' work, not a library's. */
export const purgeBatch = 50;

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
 * member has seen them), outside any apply, in its own transaction. A delete becomes purgeable
 * only when another device's report arrives in its document (or when this device makes it and no
 * other device is listed), so after the first run since the open, which judges every tombstone
 * (what was taken before is not known), a run judges only the tombstones of the documents taken
 * into or deleted in since. Bounded: at most about `batch` tombstones a run (whole documents),
 * the rest at the next; so a device holding many deletes back (a listed device that never syncs
 * again) pays for the documents that changed, not for all of them. With nothing due, a run is one
 * or two small queries: a first sync of a large library, whose new device holds no delete of its
 * own, pays only that. Returns undefined when it judged nothing.
 */
export function createAfterSyncPurge(options: AfterSyncPurgeOptions): () => PurgeOutcome | undefined {
  const batch = options.batch ?? purgeBatch;
  /** Every tombstone is due until the first pass over them ends (`from`: where it goes on). */
  let firstPass: { from: { doc: string; uid: string } | undefined } | undefined = { from: undefined };
  /** Documents whose tombstones are due to be judged. */
  const due = new Set<string>();
  let latestSeen = '';
  return () => {
    const taken = options.takeTaken();
    const { count, latest } = tombstoneMark(options.db);
    if (count === 0) {
      firstPass = undefined;
      due.clear();
      return undefined;
    }
    // The first pass judges all there are when it starts; after that (during the pass too: a document
    // it has gone by), those of the documents taken into or deleted in since the last run.
    const starting = firstPass !== undefined && firstPass.from === undefined;
    if (!starting && (taken.size > 0 || latest > latestSeen)) {
      for (const doc of tombstoneDocs(options.db, latestSeen))
        if (doc.deletedSince || taken.has(doc.name)) due.add(doc.name);
    }
    latestSeen = latest > latestSeen ? latest : latestSeen;
    let list: Tombstone[];
    if (firstPass !== undefined) {
      list = tombstonesAfter(options.db, firstPass.from, batch);
      const last = list[list.length - 1];
      firstPass = list.length < batch || !last ? undefined : { from: { doc: last.doc, uid: last.uid } };
    } else {
      list = [];
      for (const name of due) {
        if (list.length >= batch) break;
        list.push(...tombstonesOf(options.db, name));
        due.delete(name);
      }
    }
    return list.length === 0 ? undefined : options.purge(list);
  };
}
