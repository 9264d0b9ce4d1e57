import type { Migration } from './migration';
import { searchIndexHashSize } from './0003-search-index-buffer';

/**
 * The search index of migration 0002, rebuilt without its per-row sizes (FTS5 `columnsize=0`).
 *
 * Why: ranking (bm25) asked FTS5 for every matching row's length, one lookup in the index's
 * docsize table per row, and per `perf` that was more than half of a search's time. A common
 * bigram matches tens of thousands of paragraphs, so it was most of why searches missed the
 * 30 ms budget. Without the sizes a search ranks in a third of the time.
 *
 * What it changes for the reader: ranking no longer favours short paragraphs. A hit ranks by its
 * weighted count of matches (heading 1.5, body and note 1, flagged 0.5, as before), saturating
 * as bm25 does, with rarer terms counting more; equal hits stay in library order.
 *
 * How: FTS5 allows `columnsize=0` only without `contentless_delete`, so a row leaves the index by
 * the 'delete' command with the very tokens it was indexed with. The triggers recompute them from
 * the old row (pizhu_search_tokens is deterministic, and a paragraph's or note's index row is a
 * function of that row alone, plus the paragraph's article for a note). A change to the tokens
 * therefore needs a migration that rebuilds the index, as this one does.
 *
 * The article column (weight 0: it filters, it never ranks) holds the article's token 20 times.
 * With no sizes, FTS5 hands bm25 a row length of -1 per column, and bm25's length term stays
 * positive only while the average row is longer than three times the column count: 20 copies
 * keep it so in any library, however short its paragraphs, so more matches never rank lower.
 */

/** The column of a paragraph row `r` (as migration 0002); the character index (0018) files a row under the same one. */
export const columnOf = (r: string) => `CASE
    WHEN ${r}.kind = 'boilerplate' THEN 'hidden'
    WHEN ${r}.flags LIKE '%"keyword-stuffed"%' OR ${r}.flags LIKE '%"duplicate"%' THEN 'weak'
    WHEN ${r}.kind IN ('title', 'subtitle', 'heading') THEN 'heading'
    ELSE 'body' END`;

/** The article column of a row of article `id`. */
const articleTokens = (id: string) => `replace(printf('%.20c', '*'), '*', 'a' || ${id} || ' ')`;

/**
 * The index rows of the paragraphs that `from` yields as `r` (iif evaluates the tokens once),
 * added to the index, or with `command` 'delete', taken out of it.
 */
export const paragraphRows = (from: string, command = false) => `
    INSERT INTO search_index (${command ? 'search_index, ' : ''}rowid, heading, body, weak, hidden, article)
      SELECT ${command ? "'delete', " : ''}rowid2, iif(col = 'heading', tokens, NULL), iif(col = 'body', tokens, NULL),
        iif(col = 'weak', tokens, NULL), iif(col = 'hidden', tokens, NULL), article
      FROM (SELECT r.id * 2 AS rowid2, ${columnOf('r')} AS col, pizhu_search_tokens(r.text) AS tokens,
        ${articleTokens('r.article_id')} AS article ${from});`;

/** The index rows of the notes that `from` yields as `n`, of paragraphs of article `article` (an SQL expression). */
const noteRows = (from: string, article: string, command = false) => `
    INSERT INTO search_index (${command ? 'search_index, ' : ''}rowid, note, article)
      SELECT ${command ? "'delete', " : ''}n.paragraph_id * 2 + 1, pizhu_search_tokens(n.plain_text),
        ${articleTokens(article)} ${from};`;

const articleOfNote = '(SELECT p.article_id FROM paragraph p WHERE p.id = n.paragraph_id)';

/** A trigger's new or old paragraph or note as a one-row table `r` or `n`. */
export const paragraph = (row: 'new' | 'old') =>
  `FROM (SELECT ${row}.id AS id, ${row}.article_id AS article_id, ${row}.kind AS kind, ${row}.flags AS flags, ${row}.text AS text) r`;
export const note = (row: 'new' | 'old') =>
  `FROM (SELECT ${row}.paragraph_id AS paragraph_id, ${row}.plain_text AS plain_text) n`;

/** Every paragraph and note indexed, as the triggers index them one by one. Exported for the index tests. */
export const indexEverything = `${paragraphRows('FROM paragraph r')}
    ${noteRows('FROM note n', articleOfNote)}`;

/** The index table itself. Exported for the index tests, which build a second one to compare. */
export const searchIndexColumns = `heading, body, weak, hidden, note, article, tokenize = 'ascii', content = '', columnsize = 0`;

export const migration0004: Migration = {
  version: 4,
  name: 'search index without row sizes',
  up: `
    DROP TRIGGER paragraph_search_insert;
    DROP TRIGGER paragraph_search_update;
    DROP TRIGGER paragraph_note_search_move;
    DROP TRIGGER paragraph_search_delete;
    DROP TRIGGER note_search_insert;
    DROP TRIGGER note_search_update;
    DROP TRIGGER note_search_delete;
    DROP TABLE search_index;

    CREATE VIRTUAL TABLE search_index USING fts5(${searchIndexColumns});
    INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(1.5, 1.0, 0.5, 1.0, 1.0, 0.0)');
    INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${searchIndexHashSize});

    CREATE TRIGGER paragraph_search_insert AFTER INSERT ON paragraph BEGIN
      ${paragraphRows(paragraph('new'))}
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

    ${indexEverything}
  `,
};
