import Database from 'better-sqlite3';
import { inflateSync } from 'fflate';
import { registerSearchFunctions } from '../../main/library/search/searchFunctions';
import { registerChecksumFunction } from '../../main/library/store/contentHashes';
import { highlightColumnsSql, highlightContextTriggerNames, registerHighlightContextFunction } from '../../main/library/store/highlightContext';
import { migrations } from '../../main/library/store/migrations';
import { searchIndexHashSize } from '../../main/library/store/migrations/0003-search-index-buffer';
import {
  indexEverything as indexEverything0004,
  paragraph,
  paragraphRows,
} from '../../main/library/store/migrations/0004-search-index-without-sizes';
import { indexEveryComment } from '../../main/library/store/migrations/0008-highlight-comments';
import {
  indexEveryCharacter,
  searchCharactersColumns as charactersColumns0018,
} from '../../main/library/store/migrations/0018-search-characters';
import {
  indexEverything as indexEverything0024,
  searchIndexTriggers,
} from '../../main/library/store/migrations/0024-search-index-leaner';
import { characterDeleteTriggers } from '../../main/library/store/migrations/0025-search-characters-without-sizes';
import { rawTextKeepingTriggerNames } from '../../main/library/store/migrations/0027-raw-text-beside-paragraphs';
import { characterTriggers as characterTriggers0032 } from '../../main/library/store/migrations/0032-search-characters-by-row';
import { rawSql } from '../../main/library/store/paragraphRaw';
import { removalsFromStored } from '../../main/library/store/removalsCodec';
import {
  paragraphRawsSql,
  rawTextAloneFunction,
  storedBesideParagraphsSql,
} from '../../main/library/store/rawTextCodec';

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
 * Takes migration 0024 back: the search index and its triggers as a library of schema 23 has
 * them (read from one migrated to 23 in memory), indexed afresh as 0004 and 0008 index.
 */
export function undoMigration0024(db: Database.Database): void {
  const [table, ...triggers] = schemaSqlAt(23, ['search_index', ...searchIndexTriggers]);
  db.exec(`${searchIndexTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n')} DROP TABLE search_index; ${table ?? ''};`);
  db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(1.5, 1.0, 0.5, 1.0, 1.0, 0.0)');
    INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${searchIndexHashSize});`);
  for (const trigger of triggers) db.exec(trigger);
  // Indexing afresh calls the tokenizer, which a bare connection has not registered.
  registerSearchFunctions(db);
  db.exec(`${indexEverything0004} ${indexEveryComment}`);
}

/** The SQL of each of `names` in a library migrated to `version` (in memory). */
function schemaSqlAt(version: number, names: readonly string[]): string[] {
  const older = new Database(':memory:');
  registerSearchFunctions(older);
  registerChecksumFunction(older);
  registerHighlightContextFunction(older);
  for (const m of migrations.filter((m) => m.version <= version)) older.exec(m.up);
  const sql = names.map((name) => older.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string);
  older.close();
  return sql;
}

/** Takes migration 0025 back: the character index as 0018 made it (row sizes, deletes by rowid), its triggers, indexed afresh. */
export function undoMigration0025(db: Database.Database): void {
  const triggers = schemaSqlAt(24, characterDeleteTriggers);
  db.exec(`${characterDeleteTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n')} DROP TABLE search_characters;
    CREATE VIRTUAL TABLE search_characters USING fts5(${charactersColumns0018});
    INSERT INTO search_characters (search_characters, rank) VALUES ('hashsize', ${searchIndexHashSize});`);
  for (const trigger of triggers) db.exec(trigger);
  registerSearchFunctions(db);
  db.exec(indexEveryCharacter);
}

/**
 * Takes migration 0028 back: a paragraph raw text stored as '' only when it is its text, and the
 * triggers that read paragraphs' raw texts reading them so (as 0014 and 0027 made them).
 */
export function undoMigration0028(db: Database.Database): void {
  registerChecksumFunction(db);
  const triggers = ['paragraph_checksum_update', 'article_checksum_insert', 'article_checksum_update', ...rawTextKeepingTriggerNames];
  const sql = triggers.map((name) => db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string);
  const asBefore = (s: string) =>
    ['new', 'old', undefined].reduce<string>((t, row) => {
      const p = row ? `${row}.` : '';
      return t.split(rawSql(row)).join(`iif(${p}raw = '', ${p}text, ${p}raw)`);
    }, s);
  db.exec(`
    ${triggers.map((t) => `DROP TRIGGER ${t};`).join('\n')}
    UPDATE paragraph SET raw = ${rawSql()} WHERE raw = '' AND removals <> '[]';
    ${sql.map((s) => `${asBefore(s)};`).join('\n')}
  `);
}

/**
 * Takes migration 0027 back: raw texts stored beside their paragraphs read alone again (format 1),
 * no paragraph triggers for them, and the article checksum triggers as 0015 made them.
 */
export function undoMigration0027(db: Database.Database): void {
  registerChecksumFunction(db);
  const sum = 'pizhu_checksum(pizhu_raw_text(new.raw_text), new.title, new.subtitle, new.source, new.author, new.published_at, new.url)';
  db.exec(`
    UPDATE article SET raw_text = ${rawTextAloneFunction}(raw_text, ${paragraphRawsSql('article.id')})
      WHERE ${storedBesideParagraphsSql('article')};
    DROP TRIGGER paragraph_update_keeps_raw_text;
    DROP TRIGGER paragraph_delete_keeps_raw_text;
    DROP TRIGGER article_checksum_insert;
    CREATE TRIGGER article_checksum_insert AFTER INSERT ON article WHEN new.checksum IS NULL
    BEGIN UPDATE article SET checksum = ${sum} WHERE id = new.id; END;
    DROP TRIGGER article_checksum_update;
    CREATE TRIGGER article_checksum_update AFTER UPDATE OF raw_text, title, subtitle, source, author, published_at, url, checksum ON article
      WHEN new.checksum IS NOT ${sum}
    BEGIN UPDATE article SET checksum = ${sum} WHERE id = new.id; END;
  `);
}

/** Takes migration 0043 back: the unplaced notes and tags a backup restored. */
export function undoMigration0043(db: Database.Database): void {
  db.exec('DROP TABLE restored_unplaced;');
}

/** Takes migration 0041 back: the sync purge's tombstones and purged entries. */
/** Takes migration 0042 back: the unplaced notes and paragraph tags and their dismissals (the index goes with its table). */
export function undoMigration0042(db: Database.Database): void {
  db.exec('DROP TABLE unplaced_annotation; DROP TABLE unplaced_dismissed;');
}

export function undoMigration0041(db: Database.Database): void {
  db.exec('DROP TABLE sync_tombstone; DROP TABLE sync_purged;');
}

/** Takes migration 0040 back: the title ranks, their indexes and trigger, and the index of the last opened article. */
export function undoMigration0040(db: Database.Database): void {
  db.exec(`DROP INDEX article_list_by_title_zh; DROP INDEX article_list_by_title_zh_hant; DROP INDEX article_last_opened;
    DROP TRIGGER article_title_unranked; DROP TABLE article_title_ranked;
    ALTER TABLE article DROP COLUMN title_rank_zh; ALTER TABLE article DROP COLUMN title_rank_zh_hant;`);
}

/** Takes migration 0039 back: every tag assignment's maker written out as its uid, 0029's triggers and 0038's write-out trigger as they were. */
export function undoMigration0039(db: Database.Database): void {
  const triggers = schemaSqlAt(38, ['highlight_tag_made_by', 'paragraph_tag_made_by', 'member_uid_writes_out_makers']);
  db.exec(`DROP TRIGGER member_uid_writes_out_makers;
    ${['highlight_tag', 'paragraph_tag']
      .map((t) => `DROP TRIGGER ${t}_made_by_here; DROP TRIGGER ${t}_made_by;
    UPDATE ${t} SET made_by = (SELECT member_uid FROM sync_state) WHERE typeof(made_by) = 'blob';`)
      .join('\n')}
    ${triggers.map((t) => `${t};`).join('\n')}`);
}

/** Takes migration 0038 back: every highlight's maker written out as its uid, and 0029's trigger as it made it. */
export function undoMigration0038(db: Database.Database): void {
  const [trigger] = schemaSqlAt(37, ['highlight_made_by']);
  db.exec(`DROP TRIGGER member_uid_writes_out_makers; DROP TRIGGER highlight_made_by_here; DROP TRIGGER highlight_made_by;
    UPDATE highlight SET made_by = (SELECT member_uid FROM sync_state) WHERE typeof(made_by) = 'blob';
    ${trigger ?? ''};`);
}

/**
 * Takes migration 0037 back: every paragraph's removals as JSON (its checksum trigger re-sums it),
 * article_band with its foreign key and index by article as 0012 made them, no delete trigger.
 */
export function undoMigration0037(db: Database.Database): void {
  registerChecksumFunction(db);
  db.function('undo_stored_removals', { deterministic: true }, (stored: unknown) =>
    typeof stored === 'string' ? JSON.stringify(removalsFromStored(stored) ?? null) : null,
  );
  const [table, index] = schemaSqlAt(36, ['article_band', 'article_band_by_article']);
  db.exec(`DROP TRIGGER article_fingerprint_drops_bands;
    UPDATE paragraph SET removals = undo_stored_removals(removals) WHERE removals NOT LIKE '[%';
    CREATE TEMP TABLE article_band_undone AS SELECT * FROM article_band;
    DROP TABLE article_band; ${table ?? ''}; ${index ?? ''};
    INSERT INTO article_band SELECT band, bucket, article_id FROM article_band_undone;
    DROP TABLE temp.article_band_undone;`);
}

/** Takes migration 0036 back: the library list's indexes, the folded titles and the triggers that keep them. */
export function undoMigration0036(db: Database.Database): void {
  db.exec(`DROP INDEX article_list_by_date; DROP INDEX article_list_by_opened; DROP INDEX highlight_article_of;
    DROP TRIGGER article_title_insert; DROP TRIGGER article_title_update; DROP TABLE article_title_version;
    ALTER TABLE article DROP COLUMN title_folded;`);
}

/** Takes migration 0033 back: every stored sync update as it came (inflated), no column saying which were deflated. */
/** Takes migration 0034 back: every highlight's quote, prefix and suffix written out in full, without the triggers. */
export function undoMigration0034(db: Database.Database): void {
  registerHighlightContextFunction(db);
  db.exec(`${highlightContextTriggerNames.map((t) => `DROP TRIGGER ${t};`).join('\n')}
    UPDATE highlight SET (quote, prefix, suffix) = (SELECT ${highlightColumnsSql(['quote', 'prefix', 'suffix'], 'h')} FROM highlight h WHERE h.id = highlight.id);`);
}

export function undoMigration0033(db: Database.Database): void {
  const rows = db.prepare('SELECT id, data FROM sync_update WHERE deflated = 1').all() as Array<{ id: number; data: Buffer }>;
  const put = db.prepare('UPDATE sync_update SET data = ? WHERE id = ?');
  for (const row of rows) put.run(inflateSync(row.data), row.id);
  db.exec('ALTER TABLE sync_update DROP COLUMN deflated');
}

/** Takes migration 0032 back: the character index by column as 0025 left it, its triggers as at schema 31, indexed afresh. */
export function undoMigration0032(db: Database.Database): void {
  const [table, ...triggers] = schemaSqlAt(31, ['search_characters', ...characterTriggers0032]);
  db.exec(`${characterTriggers0032.map((t) => `DROP TRIGGER ${t};`).join('\n')} DROP TABLE search_characters; ${table ?? ''};
    INSERT INTO search_characters (search_characters, rank) VALUES ('hashsize', ${searchIndexHashSize});`);
  for (const trigger of triggers) db.exec(trigger);
  registerSearchFunctions(db);
  db.exec(indexEveryCharacter);
}

/**
 * Takes migration 0035 back: the search index by column with positions as 0024 made it, its
 * triggers as at schema 33 (0034 leaves them so), indexed afresh.
 */
export function undoMigration0035(db: Database.Database): void {
  const [table, ...triggers] = schemaSqlAt(33, ['search_index', ...searchIndexTriggers]);
  db.exec(`${searchIndexTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n')} DROP TABLE search_index; ${table ?? ''};
    INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${searchIndexHashSize});`);
  for (const trigger of triggers) db.exec(trigger);
  registerSearchFunctions(db);
  db.exec(indexEverything0024);
}

/** Takes migration 0031 back: term overrides and vocabulary without uids. */
export function undoMigration0031(db: Database.Database): void {
  for (const table of ['term_override', 'vocabulary']) {
    db.exec(`DROP TRIGGER ${table}_uid; DROP INDEX ${table}_by_uid; ALTER TABLE ${table} DROP COLUMN uid;`);
  }
}

/** Takes migration 0030 back: superseded values without who wrote the one that won. */
export function undoMigration0030(db: Database.Database): void {
  for (const column of ['kept_member', 'kept_member_name', 'kept_device'])
    db.exec(`ALTER TABLE sync_superseded DROP COLUMN ${column};`);
}

/** Takes migration 0029 back: no makers of annotations, no members. */
export function undoMigration0029(db: Database.Database): void {
  for (const table of ['highlight', 'highlight_tag', 'paragraph_tag', 'note', 'memo']) {
    db.exec(`DROP TRIGGER ${table}_made_by; ALTER TABLE ${table} DROP COLUMN made_by;`);
  }
  db.exec('DROP TABLE library_member; ALTER TABLE sync_state DROP COLUMN member_uid;');
}

/** Takes migration 0026 back: no uids, no sync documents. */
export function undoMigration0026(db: Database.Database): void {
  for (const table of ['article', 'highlight', 'tag', 'memo', 'attribute']) {
    db.exec(`DROP TRIGGER ${table}_uid; DROP INDEX ${table}_by_uid; ALTER TABLE ${table} DROP COLUMN uid;`);
  }
  db.exec('DROP TABLE sync_update; DROP TABLE sync_superseded; DROP TABLE sync_state;');
}

/**
 * Takes back what migrations after `version` added (16: vocabulary, 17: term overrides, 18: the
 * character index, 19: tag descriptions, 20: the stop-word list, 21: article attributes, 22: memos,
 * 23: kept word segmentations, 24: the leaner search index, 25: the character index without sizes, 26: uids and sync documents,
 * 27: raw texts beside their paragraphs, 28: paragraph raw texts from their removals, 29: annotations' makers and members, 31: uids of term overrides and vocabulary, 32: the character index by row, 33: deflated sync updates, 35: the search index by row, 36: the library list's indexes and folded titles, 37: compact removals and article_band without its index by article, 38: highlights made here stored as x'', 39: tag assignments likewise, 40: title ranks and the last opened article's index, 41: the sync purge's tombstones, 42: unplaced notes and paragraph tags, 43: unplaced ones a backup restored), for a test that turns a library into an older schema and migrates it again. A later migration that adds something
 * adds its undoing here.
 */
export function undoMigrationsAfter(db: Database.Database, version: number): void {
  if (version < 43) undoMigration0043(db);
  if (version < 42) undoMigration0042(db);
  if (version < 41) undoMigration0041(db);
  if (version < 40) undoMigration0040(db);
  if (version < 39) undoMigration0039(db);
  if (version < 38) undoMigration0038(db);
  if (version < 37) undoMigration0037(db);
  if (version < 36) undoMigration0036(db);
  if (version < 35) undoMigration0035(db);
  if (version < 34) undoMigration0034(db);
  if (version < 33) undoMigration0033(db);
  if (version < 32) undoMigration0032(db);
  if (version < 31) undoMigration0031(db);
  if (version < 30) undoMigration0030(db);
  if (version < 29) undoMigration0029(db);
  if (version < 28) undoMigration0028(db);
  if (version < 27) undoMigration0027(db);
  if (version < 26) undoMigration0026(db);
  if (version < 25) undoMigration0025(db);
  if (version < 24) undoMigration0024(db);
  if (version < 23) db.exec('DROP TABLE IF EXISTS word_segmentation;');
  if (version < 22) db.exec('DROP TABLE IF EXISTS memo;');
  if (version < 21) db.exec('DROP TABLE IF EXISTS article_attribute; DROP TABLE IF EXISTS attribute;');
  if (version < 20) db.exec('DROP TABLE IF EXISTS stop_word_list;');
  if (version < 19) db.exec('DROP TABLE IF EXISTS tag_description;');
  if (version < 18) undoMigration0018(db);
  if (version < 17) db.exec('DROP TABLE term_override;');
  if (version < 16) db.exec('DROP TABLE vocabulary;');
}
