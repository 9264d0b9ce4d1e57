import { checksumSql, checkedColumns, type CheckedTable } from '../contentHashes';
import type { Migration } from './migration';

/**
 * A checksum on every row of text a person reads or writes (store/contentHashes): articles
 * (raw text and metadata), paragraphs (text, raw text, flags, removals, kind) and notes. Reads compare
 * them, and `pizhu verify` and the open after an unclean exit check them all, so a bit flipped
 * in the file is an error naming the article or note, never silently different text.
 *
 * The paragraph's `text_hash` (a hash of its text that nothing read) becomes its `checksum`.
 * Paragraphs are only inserted by store/paragraphs, which computes it (NOT NULL makes any other
 * insert fail loudly). Articles and notes are written from several places (import, backup import,
 * re-clean, note saves, undo and redo), so triggers fill and refresh their checksums: an insert
 * without one gets it, and any update of a checked column that leaves the checksum stale has it
 * recomputed. A write through SQL is by definition a legitimate one; what the checksums catch is
 * a change that did not come through SQLite (the disk, a stray write, a partial copy).
 *
 * Existing rows are backfilled in the migration's transaction.
 */
const refreshed = (table: CheckedTable, key: string) => `
    CREATE TRIGGER ${table}_checksum_update AFTER UPDATE OF ${[...checkedColumns[table], 'checksum'].join(', ')} ON ${table}
      WHEN new.checksum IS NOT ${checksumSql(table, 'new')}
    BEGIN
      UPDATE ${table} SET checksum = ${checksumSql(table, 'new')} WHERE ${key} = new.${key};
    END;`;

/** An article's text is large, and its one insert that sets a checksum computes it: only a missing one is filled. */
const filled = (table: CheckedTable, key: string, when: 'missing' | 'stale') => `
    CREATE TRIGGER ${table}_checksum_insert AFTER INSERT ON ${table}
      WHEN new.checksum IS ${when === 'missing' ? 'NULL' : `NOT ${checksumSql(table, 'new')}`}
    BEGIN
      UPDATE ${table} SET checksum = ${checksumSql(table, 'new')} WHERE ${key} = new.${key};
    END;`;

export const migration0006: Migration = {
  version: 6,
  name: 'content checksums',
  up: `
    ALTER TABLE paragraph RENAME COLUMN text_hash TO checksum;
    UPDATE paragraph SET checksum = ${checksumSql('paragraph', 'paragraph')};
    ALTER TABLE article ADD COLUMN checksum TEXT;
    UPDATE article SET checksum = ${checksumSql('article', 'article')};
    ALTER TABLE note ADD COLUMN checksum TEXT;
    UPDATE note SET checksum = ${checksumSql('note', 'note')};
    ${filled('article', 'id', 'missing')}
    ${refreshed('article', 'id')}
    ${refreshed('paragraph', 'id')}
    ${filled('note', 'paragraph_id', 'stale')}
    ${refreshed('note', 'paragraph_id')}
  `,
};
