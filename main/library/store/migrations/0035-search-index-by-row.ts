import type { Migration } from './migration';
import { searchIndexHashSize } from './0003-search-index-buffer';
import { columnOf, note, paragraph } from './0004-search-index-without-sizes';
import { highlight } from './0008-highlight-comments';
import { searchIndexTriggers } from './0024-search-index-leaner';
import { paragraphCharacters } from './0032-search-characters-by-row';

/**
 * The search index of migration 0024 without positions or columns (issue #16: it was 54.5 MB of
 * the 194 MB bench library of 10,000 articles; some 20 MB so). FTS5's `detail = none` keeps, per
 * token, only the rows that hold it; a phrase (the bigrams of 背包精神 one after another) is
 * then checked in each candidate row's own text, which a page reads anyway (search/phraseCheck).
 * As the character index of migration 0032, what the columns said becomes tokens of the row:
 *
 * - `§a<article id>`, the article token (the article filter and the trash);
 * - `§weak` or `§hidden` for a paragraph filed under those columns (columnOf), nothing for a
 *   heading or body paragraph;
 * - `§note` for a note's row and a comment's row.
 *
 * The text's own tokens are CJK bigrams and characters and words of letters and digits
 * (search/searchTokens), never `§` (punctuation, a separator there), so no text token is ever
 * one of these, and a query, tokenized the same way, never asks for one by chance. The same
 * rows under the same rowids; a row leaves by the 'delete' command with the very tokens it went
 * in with, as in 0024.
 */

/** The index table. Exported for the index tests, which build a second one to compare. */
export const searchIndexByRowColumns = `tokens, tokenize = 'ascii', content = '', columnsize = 0, detail = none`;

/** The tokens that say which column a row of `col` (columnOf's name) stood in, after a space. */
const classToken = (col: string) => `CASE ${col} WHEN 'hidden' THEN ' §hidden' WHEN 'weak' THEN ' §weak' ELSE '' END`;

const command = (take: boolean) => (take ? ['search_index, ', "'delete', "] : ['', '']);

/** The index rows of the paragraphs that `from` yields as `r`, added, or with `take`, taken out. */
export const paragraphRowsByRow = (from: string, take = false) => `
    INSERT INTO search_index (${command(take)[0]}rowid, tokens)
      SELECT ${command(take)[1]}r.id * 2, pizhu_search_tokens(r.text) || ' §a' || r.article_id || ${classToken(columnOf('r'))}
      ${from};`;

/** The index rows of the notes that `from` yields as `n`, of paragraphs of article `article` (an SQL expression). */
const noteRows = (from: string, article: string, take = false) => `
    INSERT INTO search_index (${command(take)[0]}rowid, tokens)
      SELECT ${command(take)[1]}n.paragraph_id * 2 + 1, pizhu_search_tokens(n.plain_text) || ifnull(' §a' || ${article}, '') || ' §note' ${from};`;

const articleOfNote = '(SELECT p.article_id FROM paragraph p WHERE p.id = n.paragraph_id)';

/** The index rows of the highlight comments that `from` yields as `h` (those with a comment and a paragraph). */
const commentRows = (from: string, take = false) => `
    INSERT INTO search_index (${command(take)[0]}rowid, tokens)
      SELECT ${command(take)[1]}-h.id, pizhu_search_tokens(h.comment) || ' §a' || h.article_id || ' §note'
      ${from} WHERE h.comment <> '' AND h.paragraph_id IS NOT NULL;`;

/** Every paragraph, note and comment indexed, as the triggers index them one by one. Exported for the index tests. */
export const indexEverythingByRow = `${paragraphRowsByRow('FROM paragraph r')}
    ${noteRows('FROM note n', articleOfNote)}
    ${commentRows('FROM highlight h')}`;

export const migration0035: Migration = {
  version: 35,
  name: 'search index by row',
  up: `
    ${searchIndexTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n    ')}
    DROP TABLE search_index;
    CREATE VIRTUAL TABLE search_index USING fts5(${searchIndexByRowColumns});
    INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${searchIndexHashSize});

    CREATE TRIGGER paragraph_search_insert AFTER INSERT ON paragraph BEGIN
      ${paragraphRowsByRow(paragraph('new'))}
      ${paragraphCharacters(paragraph('new'))}
    END;
    CREATE TRIGGER paragraph_search_update AFTER UPDATE OF id, article_id, text, kind, flags ON paragraph
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id OR old.text IS NOT new.text
        OR old.kind IS NOT new.kind OR old.flags IS NOT new.flags
    BEGIN
      ${paragraphRowsByRow(paragraph('old'), true)}
      ${paragraphRowsByRow(paragraph('new'))}
    END;
    -- Paragraphs do not change article today; if one ever does, its note follows it.
    CREATE TRIGGER paragraph_note_search_move AFTER UPDATE OF article_id ON paragraph
      WHEN old.article_id IS NOT new.article_id
    BEGIN
      ${noteRows('FROM note n WHERE n.paragraph_id = old.id', 'old.article_id', true)}
      ${noteRows('FROM note n WHERE n.paragraph_id = new.id', 'new.article_id')}
    END;
    CREATE TRIGGER paragraph_search_delete AFTER DELETE ON paragraph BEGIN
      ${paragraphRowsByRow(paragraph('old'), true)}
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

    ${indexEverythingByRow}
  `,
};
