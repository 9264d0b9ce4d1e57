import type { Migration } from './migration';

/** A random id in crypto.randomUUID's form (version 4), from SQLite's own CSPRNG. */
export const uuid = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/** A global id for each row of a replicated table, given to old rows here and to new ones by a trigger. */
const uidFor = (table: string) => `
    ALTER TABLE ${table} ADD COLUMN uid TEXT;
    UPDATE ${table} SET uid = ${uuid};
    CREATE UNIQUE INDEX ${table}_by_uid ON ${table} (uid);
    CREATE TRIGGER ${table}_uid AFTER INSERT ON ${table} WHEN new.uid IS NULL BEGIN
      UPDATE ${table} SET uid = ${uuid} WHERE id = new.id;
    END;`;

/**
 * Sync (#19): the replicated model. Rows stay local (ids are rowids); each replicated row gets
 * a `uid` that is the same on every device. An article's uid is its content hash at import, so
 * the same text imported on two devices is one article (a later re-import keeps the uid).
 * Highlights, tags, memos and attributes get random uids; the journal carries them, so an undo
 * that puts a row back puts back the same uid.
 *
 * The Yjs documents live in this file too: every update a document took, appended in the
 * transaction that changed its rows (sync_update); a value lost to a concurrent write on
 * another device is kept in sync_superseded so it can be shown and restored. sync_state holds
 * the device's id (names its files in a sync folder) and whether the rows that existed before
 * sync have been written into the documents yet (done at the first open, in JS).
 */
export const migration0026: Migration = {
  version: 26,
  name: 'sync model',
  up: `
    ALTER TABLE article ADD COLUMN uid TEXT;
    UPDATE article SET uid = content_hash;
    CREATE UNIQUE INDEX article_by_uid ON article (uid);
    CREATE TRIGGER article_uid AFTER INSERT ON article WHEN new.uid IS NULL BEGIN
      UPDATE article SET uid = new.content_hash WHERE id = new.id;
    END;
    ${uidFor('highlight')}
    ${uidFor('tag')}
    ${uidFor('memo')}
    ${uidFor('attribute')}

    CREATE TABLE sync_update (
      id INTEGER PRIMARY KEY,
      doc TEXT NOT NULL CHECK (length(doc) > 0),
      data BLOB NOT NULL
    );
    CREATE INDEX sync_update_by_doc ON sync_update (doc, id);

    CREATE TABLE sync_superseded (
      id INTEGER PRIMARY KEY,
      doc TEXT NOT NULL,
      path TEXT NOT NULL,
      field TEXT NOT NULL,
      lost TEXT NOT NULL,
      kept TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    );

    CREATE TABLE sync_state (
      device_id TEXT NOT NULL CHECK (length(device_id) > 0),
      seeded INTEGER NOT NULL DEFAULT 0,
      only_row INTEGER NOT NULL DEFAULT 1 PRIMARY KEY CHECK (only_row = 1)
    );
    INSERT INTO sync_state (device_id) VALUES (${uuid});
  `,
};
