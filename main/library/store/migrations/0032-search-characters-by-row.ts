import type { Migration } from './migration';
import { searchIndexHashSize } from './0003-search-index-buffer';
import { columnOf, note, paragraph } from './0004-search-index-without-sizes';
import { highlight } from './0008-highlight-comments';
import { paragraphRows } from './0024-search-index-leaner';
import { characterDeleteTriggers } from './0025-search-characters-without-sizes';

/**
 * The character index of migrations 0018 and 0025 without columns (issue #16: it was 34.7 MB,
 * a sixth of the 10,000-article bench library; it is 12 MB so). FTS5's `detail = none` keeps,
 * per token, only the rows that hold it: a one-character query needs no more, but FTS5 allows no
 * column filter then. What the columns said becomes tokens of the row, beside its characters:
 *
 * - `a<article id>`, the article token (the article filter and the trash), as the article column held;
 * - `weak` or `hidden` for a paragraph filed under those columns (columnOf), nothing for a
 *   heading or body paragraph;
 * - `note` for a note's row and a comment's row (the note column).
 *
 * The characters are CJK characters only (pizhu_search_characters), so no character is ever one
 * of these tokens; a search asks for the columns it wants through them (search/searchQuery,
 * characterMatchExpression). The same rows under the same rowids; a row leaves by the 'delete'
 * command with the very tokens it went in with, as in 0025.
 */

/** The character index table. Exported for the index tests, which build a second one to compare. */
export const searchCharactersByRowColumns = `characters, tokenize = 'ascii', content = '', columnsize = 0, detail = none`;

/** The tokens that say which column a row of `col` (columnOf's name) stood in, after a space. */
const classToken = (col: string) => `CASE ${col} WHEN 'hidden' THEN ' hidden' WHEN 'weak' THEN ' weak' ELSE '' END`;

const command = (take: boolean) => (take ? ['search_characters, ', "'delete', "] : ['', '']);

/** The character rows of the paragraphs that `from` yields as `r`, added, or with `take`, taken out. */
export const paragraphCharacters = (from: string, take = false) => `
    INSERT INTO search_characters (${command(take)[0]}rowid, characters)
      SELECT ${command(take)[1]}r.id * 2, pizhu_search_characters(r.text) || ' a' || r.article_id || ${classToken(columnOf('r'))}
      ${from};`;

/** The character rows of the notes that `from` yields as `n`, of paragraphs of article `article` (an SQL expression). */
const noteCharacters = (from: string, article: string, take = false) => `
    INSERT INTO search_characters (${command(take)[0]}rowid, characters)
      SELECT ${command(take)[1]}n.paragraph_id * 2 + 1, pizhu_search_characters(n.plain_text) || ifnull(' a' || ${article}, '') || ' note' ${from};`;

const articleOfNote = '(SELECT p.article_id FROM paragraph p WHERE p.id = n.paragraph_id)';

/** The character rows of the highlight comments that `from` yields as `h` (those with a comment and a paragraph). */
const commentCharacters = (from: string, take = false) => `
    INSERT INTO search_characters (${command(take)[0]}rowid, characters)
      SELECT ${command(take)[1]}-h.id, pizhu_search_characters(h.comment) || ' a' || h.article_id || ' note'
      ${from} WHERE h.comment <> '' AND h.paragraph_id IS NOT NULL;`;

/** Every paragraph, note and comment's characters, as the triggers index them one by one. Exported for the index tests. */
export const indexEveryCharacterByRow = `${paragraphCharacters('FROM paragraph r')}
    ${noteCharacters('FROM note n', articleOfNote)}
    ${commentCharacters('FROM highlight h')}`;

/** The triggers this migration makes again: the insert triggers of 0018 (the paragraph's is 0024's) and 0025's. */
export const characterTriggers = [
  'paragraph_search_insert',
  'note_characters_insert',
  'highlight_comment_characters_insert',
  ...characterDeleteTriggers,
];

export const migration0032: Migration = {
  version: 32,
  name: 'search characters by row',
  up: `
    ${characterTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n    ')}
    DROP TABLE search_characters;
    CREATE VIRTUAL TABLE search_characters USING fts5(${searchCharactersByRowColumns});
    INSERT INTO search_characters (search_characters, rank) VALUES ('hashsize', ${searchIndexHashSize});

    CREATE TRIGGER paragraph_search_insert AFTER INSERT ON paragraph BEGIN
      ${paragraphRows(paragraph('new'))}
      ${paragraphCharacters(paragraph('new'))}
    END;
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

    CREATE TRIGGER note_characters_insert AFTER INSERT ON note BEGIN
      ${noteCharacters(note('new'), articleOfNote)}
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

    CREATE TRIGGER highlight_comment_characters_insert AFTER INSERT ON highlight BEGIN
      ${commentCharacters(highlight('new'))}
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

    ${indexEveryCharacterByRow}
  `,
};
