import type { Migration } from './migration';

/**
 * Unplaced notes and paragraph tags (migration 0042) a JSON backup brought back (#19). Their words
 * live in another device's entries of the article's sync document, which a backup does not hold:
 * a restore into a new library has no document entry to project them from, so they are kept here
 * as the backup held them, listed and exported with the article's unplaced ones, and written into
 * the next backup again. Not a projection (no document writes them; a rebuild leaves them), not
 * synced. `entry` is the document key the backup named (an entry the documents also bring back is
 * listed once, from them); `tag_name` is the tag as the backup named it; `made_by_name` the maker's
 * name, the member perhaps unknown here.
 */
export const migration0043: Migration = {
  version: 43,
  name: 'unplaced notes and tags restored from a backup',
  up: `
    CREATE TABLE restored_unplaced (
      article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
      entry TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('note', 'paragraph_tag')),
      tag_name TEXT,
      plain_text TEXT NOT NULL,
      markdown TEXT NOT NULL,
      made_by_name TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((kind = 'paragraph_tag') = (tag_name IS NOT NULL)),
      PRIMARY KEY (article_id, entry)
    ) WITHOUT ROWID;
  `,
};
