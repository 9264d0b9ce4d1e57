import type { Migration } from './migration';
import { searchIndexHashSize } from './0003-search-index-buffer';
import { columnOf, note, paragraph } from './0004-search-index-without-sizes';
import { highlight } from './0008-highlight-comments';
import { indexEveryCharacter } from './0018-search-characters';

/**
 * The character index of migration 0018 without its per-row sizes (issue #16: its docsize table
 * was 3.4 MB of the 10,000-article bench library, written once per paragraph at every import).
 * The same characters in the same rows and columns.
 *
 * FTS5 keeps a row's sizes for two things: bm25, which nothing asks of this index, and
 * `contentless_delete`, which let 0018's triggers take a row out by its rowid alone. FTS5 allows
 * `columnsize=0` only without it, so a row now leaves the index as the search index's rows do
 * (migration 0004): by the 'delete' command with the very characters it went in with, which
 * the triggers recompute from the old row (pizhu_search_characters is deterministic, and a row
 * of the index is a function of its paragraph, note or comment alone, plus the article). A
 * change to those characters therefore needs a migration that rebuilds the index, as this one does.
 *
 * The triggers that add rows are 0018's, unchanged (the paragraph insert trigger, which an
 * import's deferred indexing rewrites, is 0024's); those that take rows out are made again.
 */

/** The character index table. Exported for the index tests, which build a second one to compare. */
export const searchCharactersColumns = `heading, body, weak, hidden, note, article, tokenize = 'ascii', content = '', columnsize = 0, detail = column`;

const command = (take: boolean) => (take ? ['search_characters, ', "'delete', "] : ['', '']);

/** The character rows of the paragraphs that `from` yields as `r`, added, or with `take`, taken out. */
const paragraphCharacters = (from: string, take = false) => `
    INSERT INTO search_characters (${command(take)[0]}rowid, heading, body, weak, hidden, article)
      SELECT ${command(take)[1]}rowid2, iif(col = 'heading', chars, NULL), iif(col = 'body', chars, NULL),
        iif(col = 'weak', chars, NULL), iif(col = 'hidden', chars, NULL), article
      FROM (SELECT r.id * 2 AS rowid2, ${columnOf('r')} AS col, pizhu_search_characters(r.text) AS chars,
        'a' || r.article_id AS article ${from});`;

/** The character rows of the notes that `from` yields as `n`, of paragraphs of article `article` (an SQL expression). */
const noteCharacters = (from: string, article: string, take = false) => `
    INSERT INTO search_characters (${command(take)[0]}rowid, note, article)
      SELECT ${command(take)[1]}n.paragraph_id * 2 + 1, pizhu_search_characters(n.plain_text), 'a' || ${article} ${from};`;

const articleOfNote = '(SELECT p.article_id FROM paragraph p WHERE p.id = n.paragraph_id)';

/** The character rows of the highlight comments that `from` yields as `h`. */
const commentCharacters = (from: string, take = false) => `
    INSERT INTO search_characters (${command(take)[0]}rowid, note, article)
      SELECT ${command(take)[1]}-h.id, pizhu_search_characters(h.comment), 'a' || h.article_id
      ${from} WHERE h.comment <> '' AND h.paragraph_id IS NOT NULL;`;

/** The triggers of 0018 that take rows out, made again here. */
export const characterDeleteTriggers = [
  'paragraph_characters_update',
  'paragraph_note_characters_move',
  'paragraph_characters_delete',
  'note_characters_update',
  'note_characters_delete',
  'highlight_comment_characters_update',
  'highlight_comment_characters_delete',
];

export const migration0025: Migration = {
  version: 25,
  name: 'search characters without row sizes',
  up: `
    ${characterDeleteTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n    ')}
    DROP TABLE search_characters;
    CREATE VIRTUAL TABLE search_characters USING fts5(${searchCharactersColumns});
    INSERT INTO search_characters (search_characters, rank) VALUES ('hashsize', ${searchIndexHashSize});

    CREATE TRIGGER paragraph_characters_update AFTER UPDATE OF id, article_id, text, kind, flags ON paragraph
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id OR old.text IS NOT new.text
        OR old.kind IS NOT new.kind OR old.flags IS NOT new.flags
    BEGIN
      ${paragraphCharacters(paragraph('old'), true)}
      ${paragraphCharacters(paragraph('new'))}
    END;
    CREATE TRIGGER paragraph_note_characters_move AFTER UPDATE OF article_id ON paragraph
      WHEN old.article_id IS NOT new.article_id
    BEGIN
      ${noteCharacters('FROM note n WHERE n.paragraph_id = old.id', 'old.article_id', true)}
      ${noteCharacters('FROM note n WHERE n.paragraph_id = new.id', 'new.article_id')}
    END;
    CREATE TRIGGER paragraph_characters_delete AFTER DELETE ON paragraph BEGIN
      ${paragraphCharacters(paragraph('old'), true)}
    END;

    CREATE TRIGGER note_characters_update AFTER UPDATE OF paragraph_id, plain_text ON note
      WHEN old.paragraph_id IS NOT new.paragraph_id OR old.plain_text IS NOT new.plain_text
    BEGIN
      ${noteCharacters(note('old'), articleOfNote, true)}
      ${noteCharacters(note('new'), articleOfNote)}
    END;
    CREATE TRIGGER note_characters_delete AFTER DELETE ON note BEGIN
      ${noteCharacters(note('old'), articleOfNote, true)}
    END;

    CREATE TRIGGER highlight_comment_characters_update AFTER UPDATE OF id, article_id, paragraph_id, comment ON highlight
      WHEN old.id IS NOT new.id OR old.article_id IS NOT new.article_id
        OR old.paragraph_id IS NOT new.paragraph_id OR old.comment IS NOT new.comment
    BEGIN
      ${commentCharacters(highlight('old'), true)}
      ${commentCharacters(highlight('new'))}
    END;
    CREATE TRIGGER highlight_comment_characters_delete AFTER DELETE ON highlight BEGIN
      ${commentCharacters(highlight('old'), true)}
    END;

    ${indexEveryCharacter}
  `,
};
