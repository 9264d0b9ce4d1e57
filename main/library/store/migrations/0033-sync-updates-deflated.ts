import type { Migration } from './migration';

/**
 * A stored Yjs update may be deflated (issue #16). Every library keeps its documents' updates
 * (migration 0026); once its annotations are in them, as every annotation made in the app is,
 * they were 104 MB of pages for the 100,000 highlights of the 10,000-article bench library (76 MB
 * of updates, mostly the highlights' quotes, prefixes, suffixes and uids again, and rows of 7 KB
 * spilling onto overflow pages). Deflated (fflate) they are 26 MB. The updates already stored
 * stay as they are (0), read as before; sync/model/docStore deflates what it stores from now on
 * (1) when that is smaller, and a document's rows merged when it is loaded (compaction).
 */
export const migration0033: Migration = {
  version: 33,
  name: 'sync updates deflated',
  up: `
    ALTER TABLE sync_update ADD COLUMN deflated INTEGER NOT NULL DEFAULT 0 CHECK (deflated IN (0, 1));
  `,
};
