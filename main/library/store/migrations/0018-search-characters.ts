import type { Migration } from './migration';
import { searchIndexHashSize } from './0003-search-index-buffer';
import { columnOf, note, paragraph, paragraphRows } from './0004-search-index-without-sizes';
import { highlight } from './0008-highlight-comments';

/**
 * A second, small index for one-character queries: each row's distinct CJK characters
 * (pizhu_search_characters: folded to simplified, as the search index folds), by row and
 * column only (FTS5 `detail=column`: no places), under the search index's rowids and in its
 * columns, with the article token for the article filter and the trash.
 *
 * Why: the search index (migrations 0002, 0004) holds bigrams, so a one-character query was
 * the prefix query c*, and FTS5 answers a prefix without a prefix index by merging the whole
 * doclist of every token starting with c before it returns a first row: 的 took 75-112 ms on
 * 10,000 articles, however small the page. Here c is one token whose rows FTS5 reads in order
 * and stops at the page's end (0.01 ms). Measured on the bench library (10,000 articles):
 * 34 MB, against 59 MB for FTS5's own `prefix='1'` index on the search index, which also
 * stores every place.
 *
 * Rows leave by rowid (`contentless_delete`), so the triggers need not recompute what a row
 * held. A new paragraph is indexed by the search index's own insert trigger, rewritten with a
 * second statement over the same one-row source, so an import that lifts that trigger
 * (store/deferSearchIndex.ts) indexes both from the batch's rows.
 */

/** The character rows of the paragraphs that `from` yields as `r`, in the column the search index files them under. */
export const paragraphCharacters = (from: string) => `
    INSERT INTO search_characters (rowid, heading, body, weak, hidden, article)
      SELECT rowid2, iif(col = 'heading', chars, NULL), iif(col = 'body', chars, NULL),
        iif(col = 'weak', chars, NULL), iif(col = 'hidden', chars, NULL), article
      FROM (SELECT r.id * 2 AS rowid2, ${columnOf('r')} AS col, pizhu_search_characters(r.text) AS chars,
        'a' || r.article_id AS article ${from});`;

/** The character rows of the notes that `from` yields as `n`. */
const noteCharacters = (from: string) => `
    INSERT INTO search_characters (rowid, note, article)
      SELECT n.paragraph_id * 2 + 1, pizhu_search_characters(n.plain_text),
        (SELECT 'a' || p.article_id FROM paragraph p WHERE p.id = n.paragraph_id) ${from};`;

/** The character rows of the highlight comments that `from` yields as `h` (as migration 0008 indexes them). */
const commentCharacters = (from: string) => `
    INSERT INTO search_characters (rowid, note, article)
      SELECT -h.id, pizhu_search_characters(h.comment), 'a' || h.article_id
      ${from} WHERE h.comment <> '' AND h.paragraph_id IS NOT NULL;`;

/** Every paragraph, note and comment's characters, as the triggers index them one by one. Exported for the index tests. */
export const indexEveryCharacter = `${paragraphCharacters('FROM paragraph r')}
    ${noteCharacters('FROM note n')}
    ${commentCharacters('FROM highlight h')}`;

/** The character index table. Exported for the index tests, which build a second one to compare. */
export const searchCharactersColumns = `heading, body, weak, hidden, note, article, tokenize = 'ascii', content = '', contentless_delete = 1, detail = column`;

export const migration0018: Migration = {
  version: 18,
  name: 'search characters',
  up: `
    CREATE VIRTUAL TABLE search_characters USING fts5(${searchCharactersColumns});
    INSERT INTO search_characters (search_characters, rank) VALUES ('hashsize', ${searchIndexHashSize});

    DROP TRIGGER paragraph_search_insert;
    CREATE TRIGGER paragraph_search_insert AFTER INSERT ON paragraph BEGIN
      ${paragraphRows(paragraph('new'))}
      ${paragraphCharacters(paragraph('new'))}
    END;
    CREATE TRIGGER paragraph_characters_update AFTER UPDATE OF id, article_id, text, kind, flags ON paragraph
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id OR old.text IS NOT new.text
        OR old.kind IS NOT new.kind OR old.flags IS NOT new.flags
    BEGIN
      DELETE FROM search_characters WHERE rowid = old.id * 2;
      ${paragraphCharacters(paragraph('new'))}
    END;
    CREATE TRIGGER paragraph_note_characters_move AFTER UPDATE OF article_id ON paragraph
      WHEN old.article_id IS NOT new.article_id
    BEGIN
      DELETE FROM search_characters WHERE rowid = old.id * 2 + 1;
      ${noteCharacters('FROM note n WHERE n.paragraph_id = new.id')}
    END;
    CREATE TRIGGER paragraph_characters_delete AFTER DELETE ON paragraph BEGIN
      DELETE FROM search_characters WHERE rowid = old.id * 2;
    END;

    CREATE TRIGGER note_characters_insert AFTER INSERT ON note BEGIN
      ${noteCharacters(note('new'))}
    END;
    CREATE TRIGGER note_characters_update AFTER UPDATE OF paragraph_id, plain_text ON note
      WHEN old.paragraph_id IS NOT new.paragraph_id OR old.plain_text IS NOT new.plain_text
    BEGIN
      DELETE FROM search_characters WHERE rowid = old.paragraph_id * 2 + 1;
      ${noteCharacters(note('new'))}
    END;
    CREATE TRIGGER note_characters_delete AFTER DELETE ON note BEGIN
      DELETE FROM search_characters WHERE rowid = old.paragraph_id * 2 + 1;
    END;

    CREATE TRIGGER highlight_comment_characters_insert AFTER INSERT ON highlight BEGIN
      ${commentCharacters(highlight('new'))}
    END;
    CREATE TRIGGER highlight_comment_characters_update AFTER UPDATE OF id, article_id, paragraph_id, comment ON highlight
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id
        OR old.paragraph_id IS NOT new.paragraph_id OR old.comment IS NOT new.comment
    BEGIN
      DELETE FROM search_characters WHERE rowid = -old.id;
      ${commentCharacters(highlight('new'))}
    END;
    CREATE TRIGGER highlight_comment_characters_delete AFTER DELETE ON highlight BEGIN
      DELETE FROM search_characters WHERE rowid = -old.id;
    END;

    ${indexEveryCharacter}
  `,
};
