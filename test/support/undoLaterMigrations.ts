import type Database from 'better-sqlite3';
import { paragraph, paragraphRows } from '../../main/library/store/migrations/0004-search-index-without-sizes';

/** The triggers migration 0018 adds besides the paragraph insert trigger it rewrites. */
const characterTriggers = [
  'paragraph_characters_update',
  'paragraph_note_characters_move',
  'paragraph_characters_delete',
  'note_characters_insert',
  'note_characters_update',
  'note_characters_delete',
  'highlight_comment_characters_insert',
  'highlight_comment_characters_update',
  'highlight_comment_characters_delete',
];

/** Takes migration 0018 back: no character index, and 0004's paragraph insert trigger. */
export function undoMigration0018(db: Database.Database): void {
  db.exec(`
    ${characterTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n')}
    DROP TRIGGER paragraph_search_insert;
    CREATE TRIGGER paragraph_search_insert AFTER INSERT ON paragraph BEGIN
      ${paragraphRows(paragraph('new'))}
    END;
    DROP TABLE search_characters;
  `);
}

/**
 * Takes back what migrations after `version` added (16: vocabulary, 17: term overrides, 18: the
 * character index, 19: tag descriptions, 20: the stop-word list, 21: article attributes), for a test that turns a
 * library into an older schema and migrates it again. A later migration that adds something
 * adds its undoing here.
 */
export function undoMigrationsAfter(db: Database.Database, version: number): void {
  if (version < 22) db.exec('DROP TABLE IF EXISTS memo;');
  if (version < 21) db.exec('DROP TABLE IF EXISTS article_attribute; DROP TABLE IF EXISTS attribute;');
  if (version < 20) db.exec('DROP TABLE IF EXISTS stop_word_list;');
  if (version < 19) db.exec('DROP TABLE IF EXISTS tag_description;');
  if (version < 18) undoMigration0018(db);
  if (version < 17) db.exec('DROP TABLE term_override;');
  if (version < 16) db.exec('DROP TABLE vocabulary;');
}
