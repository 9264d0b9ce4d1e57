import type { Migration } from './migration';

/**
 * The full-text index of DESIGN §2 and §10, over paragraph text and note text, script-folded.
 *
 * One contentless FTS5 table: it stores the index, not a second copy of the text. Its rowid
 * says what a row indexes: paragraph id * 2 for the paragraph's text, paragraph id * 2 + 1
 * for the paragraph's note, so both rank on one scale in one query. The tokens are made in JS
 * (pizhu_search_tokens, main/library/search/searchFunctions.ts: fold to simplified, then CJK
 * bigrams and words) and written space-separated; the `ascii` tokenizer keeps every non-ASCII
 * character inside a token, so it only splits on those spaces. A one-character query is the
 * prefix query c* (no prefix index: it would triple the index for the one query length the
 * budgets do not cover).
 *
 * A paragraph's tokens go in one column chosen by how the reader shows it, so ranking and the
 * hiding of boilerplate need no join: `heading` (title, subtitle, heading: ranked up), `body`,
 * `weak` (flagged keyword-stuffed or duplicate: ranked down), `hidden` (boilerplate: searched
 * only on request). A note's tokens go in `note`. Every row also carries its article as one
 * token (`a` + id) in `article`, so an article filter is an AND inside the index.
 *
 * Triggers keep it in step with every write path (import, re-clean, re-classify, notes, undo
 * and redo); the backfill indexes what a schema-1 library already holds, inside the
 * migration's transaction.
 */

/** The column of a paragraph row `r` (a table alias, or new/old in a trigger). */
const columnOf = (r: string) => `CASE
    WHEN ${r}.kind = 'boilerplate' THEN 'hidden'
    WHEN ${r}.flags LIKE '%"keyword-stuffed"%' OR ${r}.flags LIKE '%"duplicate"%' THEN 'weak'
    WHEN ${r}.kind IN ('title', 'subtitle', 'heading') THEN 'heading'
    ELSE 'body' END`;

/** Indexes the paragraph rows that `from` yields as `r` (iif evaluates the tokens once: only its true branch runs). */
const indexParagraphs = (from: string) => `
    INSERT INTO search_index (rowid, heading, body, weak, hidden, article)
      SELECT rowid2, iif(col = 'heading', tokens, NULL), iif(col = 'body', tokens, NULL),
        iif(col = 'weak', tokens, NULL), iif(col = 'hidden', tokens, NULL), article
      FROM (SELECT r.id * 2 AS rowid2, ${columnOf('r')} AS col, pizhu_search_tokens(r.text) AS tokens,
        'a' || r.article_id AS article ${from});`;

/** Indexes the note rows that `from` yields as `n`. */
const indexNotes = (from: string) => `
    INSERT INTO search_index (rowid, note, article)
      SELECT n.paragraph_id * 2 + 1, pizhu_search_tokens(n.plain_text),
        (SELECT 'a' || p.article_id FROM paragraph p WHERE p.id = n.paragraph_id) ${from};`;

/** A trigger's new paragraph or note as a one-row table `r` or `n`. */
const newParagraph = 'FROM (SELECT new.id AS id, new.article_id AS article_id, new.kind AS kind, new.flags AS flags, new.text AS text) r';
const newNote = 'FROM (SELECT new.paragraph_id AS paragraph_id, new.plain_text AS plain_text) n';

export const migration0002: Migration = {
  version: 2,
  name: 'search index',
  up: `
    CREATE VIRTUAL TABLE search_index USING fts5(
      heading, body, weak, hidden, note, article,
      tokenize = 'ascii', content = '', contentless_delete = 1
    );
    INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(1.5, 1.0, 0.5, 1.0, 1.0, 0.0)');

    CREATE TRIGGER paragraph_search_insert AFTER INSERT ON paragraph BEGIN
      ${indexParagraphs(newParagraph)}
    END;
    CREATE TRIGGER paragraph_search_update AFTER UPDATE OF id, article_id, text, kind, flags ON paragraph
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id OR old.text IS NOT new.text
        OR old.kind IS NOT new.kind OR old.flags IS NOT new.flags
    BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 2;
      ${indexParagraphs(newParagraph)}
    END;
    -- Paragraphs do not change article today; if one ever does, its note follows it.
    CREATE TRIGGER paragraph_note_search_move AFTER UPDATE OF article_id ON paragraph
      WHEN old.article_id IS NOT new.article_id
    BEGIN
      DELETE FROM search_index WHERE rowid = new.id * 2 + 1;
      ${indexNotes('FROM note n WHERE n.paragraph_id = new.id')}
    END;
    CREATE TRIGGER paragraph_search_delete AFTER DELETE ON paragraph BEGIN
      DELETE FROM search_index WHERE rowid = old.id * 2;
    END;

    CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
      ${indexNotes(newNote)}
    END;
    CREATE TRIGGER note_search_update AFTER UPDATE OF paragraph_id, plain_text ON note
      WHEN old.paragraph_id IS NOT new.paragraph_id OR old.plain_text IS NOT new.plain_text
    BEGIN
      DELETE FROM search_index WHERE rowid = old.paragraph_id * 2 + 1;
      ${indexNotes(newNote)}
    END;
    CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN
      DELETE FROM search_index WHERE rowid = old.paragraph_id * 2 + 1;
    END;

    ${indexParagraphs('FROM paragraph r')}
    ${indexNotes('FROM note n')}
  `,
};
