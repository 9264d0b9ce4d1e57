import type { Migration } from './migration';
import { searchIndexHashSize } from './0003-search-index-buffer';
import { columnOf, note, paragraph } from './0004-search-index-without-sizes';
import { highlight } from './0008-highlight-comments';
import { paragraphCharacters } from './0018-search-characters';

/**
 * The search index of migrations 0004 and 0008, rebuilt leaner (issue #16: it was a third of a
 * library file). The same tokens in the same rows, columns and places; two things change:
 *
 * - `body` is the first column. FTS5 writes a column number before the places of every column
 *   but the first, two bytes per row and token, and most rows are body text: on the bench
 *   library the index lost a third of its size.
 * - The article column holds the article's token once, not 20 times. The 20 copies kept bm25's
 *   length term positive (0004), and nothing ranks by bm25 since searches page in library order
 *   (migration 0018, search/searchPages); the filter needs the token once.
 *
 * Rows still leave the index by the 'delete' command with the tokens they went in with, so the
 * triggers are made again with the new article column; the insert trigger keeps its one-row
 * source, which an import's deferred indexing (store/deferSearchIndex) swaps for the batch.
 */

/** The index table. Exported for the index tests, which build a second one to compare. */
export const searchIndexColumns = `body, heading, weak, hidden, note, article, tokenize = 'ascii', content = '', columnsize = 0`;

/** The index rows of the paragraphs that `from` yields as `r`, added, or with `command`, taken out. */
export const paragraphRows = (from: string, command = false) => `
    INSERT INTO search_index (${command ? 'search_index, ' : ''}rowid, heading, body, weak, hidden, article)
      SELECT ${command ? "'delete', " : ''}rowid2, iif(col = 'heading', tokens, NULL), iif(col = 'body', tokens, NULL),
        iif(col = 'weak', tokens, NULL), iif(col = 'hidden', tokens, NULL), article
      FROM (SELECT r.id * 2 AS rowid2, ${columnOf('r')} AS col, pizhu_search_tokens(r.text) AS tokens,
        'a' || r.article_id AS article ${from});`;

/** The index rows of the notes that `from` yields as `n`, of paragraphs of article `article` (an SQL expression). */
const noteRows = (from: string, article: string, command = false) => `
    INSERT INTO search_index (${command ? 'search_index, ' : ''}rowid, note, article)
      SELECT ${command ? "'delete', " : ''}n.paragraph_id * 2 + 1, pizhu_search_tokens(n.plain_text), 'a' || ${article} ${from};`;

const articleOfNote = '(SELECT p.article_id FROM paragraph p WHERE p.id = n.paragraph_id)';

/** The index rows of the highlight comments that `from` yields as `h` (only those with a comment and a paragraph). */
const commentRows = (from: string, command = false) => `
    INSERT INTO search_index (${command ? 'search_index, ' : ''}rowid, note, article)
      SELECT ${command ? "'delete', " : ''}-h.id, pizhu_search_tokens(h.comment), 'a' || h.article_id
      ${from} WHERE h.comment <> '' AND h.paragraph_id IS NOT NULL;`;

/** Every paragraph, note and comment indexed, as the triggers index them one by one. Exported for the index tests. */
export const indexEverything = `${paragraphRows('FROM paragraph r')}
    ${noteRows('FROM note n', articleOfNote)}
    ${commentRows('FROM highlight h')}`;

/** The triggers that write the search index (0004, 0008; 0018 made the insert trigger index characters too). */
export const searchIndexTriggers = [
  'paragraph_search_insert',
  'paragraph_search_update',
  'paragraph_note_search_move',
  'paragraph_search_delete',
  'note_search_insert',
  'note_search_update',
  'note_search_delete',
  'highlight_comment_search_insert',
  'highlight_comment_search_update',
  'highlight_comment_search_delete',
];

export const migration0024: Migration = {
  version: 24,
  name: 'search index leaner',
  up: `
    ${searchIndexTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n    ')}
    DROP TABLE search_index;

    CREATE VIRTUAL TABLE search_index USING fts5(${searchIndexColumns});
    INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${searchIndexHashSize});

    CREATE TRIGGER paragraph_search_insert AFTER INSERT ON paragraph BEGIN
      ${paragraphRows(paragraph('new'))}
      ${paragraphCharacters(paragraph('new'))}
    END;
    CREATE TRIGGER paragraph_search_update AFTER UPDATE OF id, article_id, text, kind, flags ON paragraph
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id OR old.text IS NOT new.text
        OR old.kind IS NOT new.kind OR old.flags IS NOT new.flags
    BEGIN
      ${paragraphRows(paragraph('old'), true)}
      ${paragraphRows(paragraph('new'))}
    END;
    -- Paragraphs do not change article today; if one ever does, its note follows it.
    CREATE TRIGGER paragraph_note_search_move AFTER UPDATE OF article_id ON paragraph
      WHEN old.article_id IS NOT new.article_id
    BEGIN
      ${noteRows('FROM note n WHERE n.paragraph_id = old.id', 'old.article_id', true)}
      ${noteRows('FROM note n WHERE n.paragraph_id = new.id', 'new.article_id')}
    END;
    CREATE TRIGGER paragraph_search_delete AFTER DELETE ON paragraph BEGIN
      ${paragraphRows(paragraph('old'), true)}
    END;

    CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
      ${noteRows(note('new'), articleOfNote)}
    END;
    CREATE TRIGGER note_search_update AFTER UPDATE OF paragraph_id, plain_text ON note
      WHEN old.paragraph_id IS NOT new.paragraph_id OR old.plain_text IS NOT new.plain_text
    BEGIN
      ${noteRows(note('old'), articleOfNote, true)}
      ${noteRows(note('new'), articleOfNote)}
    END;
    CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN
      ${noteRows(note('old'), articleOfNote, true)}
    END;

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

    ${indexEverything}
  `,
};
