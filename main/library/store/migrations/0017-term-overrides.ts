import type { Migration } from './migration';

/**
 * A translator's own conversions (issue #15 item 6): library-wide term overrides. In each script
 * mode listed in `modes` (space-separated mode names, never original), the stored characters
 * `source` read as `target` instead of what OpenCC makes of them. Journaled (one undo step per
 * change) and carried by JSON backups.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'term overrides',
  up: `
    CREATE TABLE term_override (
      id INTEGER PRIMARY KEY,
      source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 64),
      target TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 64),
      modes TEXT NOT NULL CHECK (length(modes) > 0),
      created_at TEXT NOT NULL
    );
    CREATE INDEX term_override_source ON term_override (source);
  `,
};
