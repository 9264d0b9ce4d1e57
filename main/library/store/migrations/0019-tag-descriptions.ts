import type { Migration } from './migration';

/**
 * The codebook (issue #18): a tag's description in four parts, as qualitative researchers write
 * one: what the code means, when to apply it, when not to, and an example passage (plain text,
 * so a codebook export or a REFI-QDA description carries it as it is). One row per described
 * tag. Deleting or merging a tag through the journal removes its row first, so undo brings it
 * back; the cascade is for a tag row deleted any other way.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'tag descriptions',
  up: `
    CREATE TABLE tag_description (
      tag_id INTEGER PRIMARY KEY REFERENCES tag(id) ON DELETE CASCADE,
      definition TEXT NOT NULL DEFAULT '',
      inclusion TEXT NOT NULL DEFAULT '',
      exclusion TEXT NOT NULL DEFAULT '',
      example TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    );
  `,
};
