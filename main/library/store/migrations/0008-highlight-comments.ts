import type { Migration } from './migration';

/**
 * A plain-text comment on each highlight ('' when there is none), searchable.
 *
 * A comment goes into the search index's note column (it is the person's own writing, as a
 * note is) under rowid -(highlight id): paragraphs and notes use the positive rowids 2p and
 * 2p+1 (migration 0004), so the negative ones are free, and a search tells a comment hit by
 * its sign. Only a comment on a placed highlight is indexed (an orphan has no paragraph for a
 * hit to point at); the triggers take a row out with the tokens it went in with, as 0004's do.
 */

const articleTokens = (id: string) => `replace(printf('%.20c', '*'), '*', 'a' || ${id} || ' ')`;

/** The index rows of the highlights that `from` yields as `h` (only those with a comment and a paragraph). */
const commentRows = (from: string, command = false) => `
    INSERT INTO search_index (${command ? 'search_index, ' : ''}rowid, note, article)
      SELECT ${command ? "'delete', " : ''}-h.id, pizhu_search_tokens(h.comment), ${articleTokens('h.article_id')}
      ${from} WHERE h.comment <> '' AND h.paragraph_id IS NOT NULL;`;

/** A trigger's new or old highlight as a one-row table `h`. */
export const highlight = (row: 'new' | 'old') =>
  `FROM (SELECT ${row}.id AS id, ${row}.article_id AS article_id, ${row}.paragraph_id AS paragraph_id, ${row}.comment AS comment) h`;

/** Every comment indexed, as the triggers index them one by one. Exported for the index tests. */
export const indexEveryComment = commentRows('FROM highlight h');

export const migration0008: Migration = {
  version: 8,
  name: 'highlight comments',
  up: `
    ALTER TABLE highlight ADD COLUMN comment TEXT NOT NULL DEFAULT ''
      CHECK (length(comment) <= 2000);

    CREATE TRIGGER highlight_comment_search_insert AFTER INSERT ON highlight BEGIN
      ${commentRows(highlight('new'))}
    END;
    CREATE TRIGGER highlight_comment_search_update AFTER UPDATE OF id, article_id, paragraph_id, comment ON highlight
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id
        OR old.paragraph_id IS NOT new.paragraph_id OR old.comment IS NOT new.comment
    BEGIN
      ${commentRows(highlight('old'), true)}
      ${commentRows(highlight('new'))}
    END;
    CREATE TRIGGER highlight_comment_search_delete AFTER DELETE ON highlight BEGIN
      ${commentRows(highlight('old'), true)}
    END;
  `,
};
