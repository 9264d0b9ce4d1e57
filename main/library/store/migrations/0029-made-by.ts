import { uuid } from './0026-sync-model';
import type { Migration } from './migration';

/**
 * Who made an annotation (#19, team work): its maker's member uid, set on insert to this
 * library's own member (sync_state.member_uid) unless the writer names one. Sync's projection
 * names the maker another device recorded, or '' when it recorded none, so a row from another
 * device never becomes this person's. Rows made before this migration are '' (unknown): nothing
 * says who made them. An edit keeps the maker: the column is written only on insert.
 */
const madeBy = (table: string, where: string) => `
    ALTER TABLE ${table} ADD COLUMN made_by TEXT;
    UPDATE ${table} SET made_by = '';
    CREATE TRIGGER ${table}_made_by AFTER INSERT ON ${table} WHEN new.made_by IS NULL BEGIN
      UPDATE ${table} SET made_by = (SELECT member_uid FROM sync_state) WHERE ${where};
    END;`;

export const migration0029: Migration = {
  version: 29,
  name: 'annotations record their maker',
  up: `
    ALTER TABLE sync_state ADD COLUMN member_uid TEXT;
    UPDATE sync_state SET member_uid = ${uuid};

    -- The library's members as its 'library' document holds them (projected); this person's among them once named.
    CREATE TABLE library_member (
      uid TEXT PRIMARY KEY CHECK (length(uid) > 0),
      name TEXT NOT NULL,
      color TEXT NOT NULL
    ) WITHOUT ROWID;

    ${madeBy('highlight', 'id = new.id')}
    ${madeBy('highlight_tag', 'highlight_id = new.highlight_id AND tag_id = new.tag_id')}
    ${madeBy('paragraph_tag', 'paragraph_id = new.paragraph_id AND tag_id = new.tag_id')}
    ${madeBy('note', 'paragraph_id = new.paragraph_id')}
    ${madeBy('memo', 'id = new.id')}
  `,
};
