import { expect } from 'vitest';
import {
  indexEveryCharacterByRow,
  searchCharactersByRowColumns,
} from '../../main/library/store/migrations/0032-search-characters-by-row';
import {
  indexEverythingByRow,
  searchIndexByRowColumns,
} from '../../main/library/store/migrations/0035-search-index-by-row';
import type { Db } from '../../main/library/store/openDatabase';

/**
 * Every token an FTS5 table holds, where it is (term, row, column, position), in one order:
 * independent of how its segments are laid out.
 */
export function tokenInstances(db: Db, schema = 'main', table = 'search_index'): unknown[] {
  const vocab = `${table}_instances`;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${vocab} USING fts5vocab(${schema}, '${table}', 'instance')`);
  return db.prepare(`SELECT term, doc, col, offset FROM temp.${vocab} ORDER BY term, doc, col, offset`).raw().all();
}

/** FTS5's totals (row count, tokens per column): what bm25's statistics are made of. */
function totals(db: Db, schema: string, table: string): Buffer {
  return (db.prepare(`SELECT block FROM ${schema}.${table}_data WHERE id = 1`).get() as { block: Buffer }).block;
}

/**
 * The search index holds exactly what indexing the tables afresh gives: every token in its
 * place, none left behind, the same totals. The triggers take a row out of the index with the
 * tokens it went in with (migration 0004), so a wrong trigger shows here as a difference. The
 * index by row (migration 0035) keeps no places: a token's rows, its column and article as tokens.
 */
export function expectIndexInStep(db: Db): void {
  db.exec(`DROP TABLE IF EXISTS temp.search_rebuilt;
    CREATE VIRTUAL TABLE temp.search_rebuilt USING fts5(${searchIndexByRowColumns});`);
  db.exec(
    indexEverythingByRow.replaceAll('INSERT INTO search_index ', 'INSERT INTO temp.search_rebuilt '),
  );
  try {
    expect(tokenInstances(db)).toEqual(tokenInstances(db, 'temp', 'search_rebuilt'));
    expect(totals(db, 'main', 'search_index').equals(totals(db, 'temp', 'search_rebuilt'))).toBe(true);
    expect(() => db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run()).not.toThrow();
  } finally {
    db.exec(
      'DROP TABLE IF EXISTS temp.search_index_instances; DROP TABLE IF EXISTS temp.search_rebuilt_instances; DROP TABLE temp.search_rebuilt;',
    );
  }
  expectCharactersInStep(db);
}

/** The same for the character index (migrations 0018, 0025, 0032): every row's characters and column token, none left behind. */
function expectCharactersInStep(db: Db): void {
  db.exec(`DROP TABLE IF EXISTS temp.characters_rebuilt;
    CREATE VIRTUAL TABLE temp.characters_rebuilt USING fts5(${searchCharactersByRowColumns});`);
  db.exec(indexEveryCharacterByRow.replaceAll('INSERT INTO search_characters ', 'INSERT INTO temp.characters_rebuilt '));
  try {
    const live = tokenInstances(db, 'main', 'search_characters');
    expect(live.length).toBeGreaterThan(0);
    expect(live).toEqual(tokenInstances(db, 'temp', 'characters_rebuilt'));
    expect(() => db.prepare("INSERT INTO search_characters (search_characters) VALUES ('integrity-check')").run()).not.toThrow();
  } finally {
    db.exec(
      'DROP TABLE IF EXISTS temp.search_characters_instances; DROP TABLE IF EXISTS temp.characters_rebuilt_instances; DROP TABLE temp.characters_rebuilt;',
    );
  }
}
