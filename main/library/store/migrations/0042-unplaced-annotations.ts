import type { Migration } from './migration';

/**
 * Notes and paragraph tags another device wrote on a split of an article's text that no map of
 * paragraph places leads to here (#19, sync/model/unplacedEntries): a re-clean by another cleaner
 * this device has not run, or whose map never arrives. Until now the document kept them and no row
 * showed them; a note's row is keyed by its paragraph, and they have none here. A projection of the
 * documents, written again from them like the rows of placed notes and tags; nothing here is the
 * only copy. `entry`: the entry's key in the article document (`note/<place>`, or the assignment's).
 * `tag_id` names no foreign key: a tag merged away must leave its rows for the projection to move
 * to the tag kept (the sync model projects their articles again), not take them with it; until
 * then readers join the tag and skip a row whose tag is gone.
 * `unplaced_dismissed`: the entries this person set aside in the reader on this device (a view of
 * theirs, not synced and not of the projection: the entry stays in the document and in the list,
 * collapsed, and can be brought back).
 */
export const migration0042: Migration = {
  version: 42,
  name: 'unplaced notes and paragraph tags',
  up: `
    CREATE TABLE unplaced_annotation (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
      entry TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('note', 'paragraph_tag')),
      tag_id INTEGER,
      plain_text TEXT NOT NULL,
      markdown TEXT NOT NULL,
      made_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((kind = 'paragraph_tag') = (tag_id IS NOT NULL)),
      UNIQUE (article_id, entry)
    );
    CREATE INDEX unplaced_annotation_tag ON unplaced_annotation (tag_id) WHERE tag_id IS NOT NULL;

    CREATE TABLE unplaced_dismissed (
      article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
      entry TEXT NOT NULL,
      dismissed_at TEXT NOT NULL,
      PRIMARY KEY (article_id, entry)
    ) WITHOUT ROWID;
  `,
};
