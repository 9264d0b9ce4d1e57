import type { Migration } from './migration';

/**
 * Purging deleted highlights from the sync documents (#19, sync/purge). `sync_tombstone`: a
 * highlight this device deleted, with the state vector of its document just before the delete
 * (what this device had seen when it deleted: an edit of the highlight it does not cover was made
 * concurrently, and the entry is then never purged). `sync_purged`: what a purge removed from a
 * document, the entry's last fields and comment, kept as a journal keeps a delete's row.
 */
export const migration0041: Migration = {
  version: 41,
  name: 'sync purge: tombstones and purged entries',
  up: `
    CREATE TABLE sync_tombstone (
      doc TEXT NOT NULL,
      uid TEXT NOT NULL,
      seen BLOB NOT NULL,
      deleted_at TEXT NOT NULL,
      PRIMARY KEY (doc, uid)
    ) WITHOUT ROWID;

    CREATE TABLE sync_purged (
      id INTEGER PRIMARY KEY,
      doc TEXT NOT NULL,
      uid TEXT NOT NULL,
      entry TEXT NOT NULL,
      purged_at TEXT NOT NULL
    );
  `,
};
