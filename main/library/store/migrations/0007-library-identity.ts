import type { Migration } from './migration';

/**
 * A random identity for the library, kept inside its file: an export folder's manifest names
 * the library that wrote each file by it, so a library moved, copied or restored to another path
 * is still the same writer (its files are replaced, not duplicated as `(Pizhu)` copies). One row,
 * made here: a new library and an upgraded one both get theirs in the migration's transaction.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'library identity',
  up: `
    CREATE TABLE library_meta (
      id TEXT NOT NULL CHECK (length(id) > 0),
      only_row INTEGER NOT NULL DEFAULT 1 PRIMARY KEY CHECK (only_row = 1)
    );
    INSERT INTO library_meta (id) VALUES (lower(hex(randomblob(16))));
  `,
};
