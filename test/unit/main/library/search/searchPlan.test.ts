import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitArticlesSql } from '../../../../../main/library/search/hitArticles';
import { parseQuery } from '../../../../../main/library/search/parseQuery';
import { holdsCharactersFunction, registerSearchFunctions } from '../../../../../main/library/search/searchFunctions';
import { countSql, planSearch, prepareTagFilter, tierPageSql } from '../../../../../main/library/search/searchPages';
import {
  characterMatchExpression,
  hitCommentsSql,
  hitNotesSql,
  hitParagraphsSql,
  matchingParagraphsSql,
  searchIndexMarker,
  type RowFilters,
} from '../../../../../main/library/search/searchQuery';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await openSeededLibrary();
});
afterAll(() => seeded.dispose());

function plan(sql: string): string {
  const params = {
    match: '"晋江"',
    characters: '"警"',
    characterTerms: '警',
    phraseTerms: '[]',
    limit: 50,
    offset: 0,
    tagIds: '[1]',
  };
  const statement = seeded.library.database().prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (sql.includes('?') ? statement.all('[1]') : statement.all(params)) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

const noFullScan = /SCAN (p|paragraph|a|article|n|note|h|highlight)\b(?! USING)/;

describe('search query plans', () => {
  const queries: Array<[string, string]> = [
    ['a word (the search index)', '晋江'],
    ['one character (the character index)', '警'],
    ['a word and one character (the search index, each row checked in its text)', '晋江 警'],
    ['a phrase (the search index, each candidate checked in its text)', '背包精神'],
  ];
  const filters: Array<[string, RowFilters]> = [
    ['no filter', {}],
    ['an article filter (inside the index)', { articleId: 1 }],
    ['a tag filter', { tagIds: [1] }],
    ['hidden paragraphs too', { includeHidden: true }],
  ];
  const cases = queries.flatMap(([what, query]) => filters.map(([how, f]) => [what, how, query, f] as const));

  it.each(cases)(
    'a page of %s with %s reads the index in rowid order and stops at the page',
    (_, __, query, filters) => {
      if (filters.tagIds) prepareTagFilter(seeded.library.database(), filters.tagIds);
      const searchPlan = planSearch(parseQuery(query), filters);
      const table = query === '警' ? 'search_characters' : 'search_index';
      expect(searchPlan.table).toBe(table);
      for (const comments of [false, true]) {
        const detail = plan(tierPageSql(searchPlan, comments));
        // The FTS index drives (M: its MATCH), in rowid order (no sort of every match), never a table scan.
        expect(detail).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
        expect(detail).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
        expect(detail).not.toMatch(noFullScan);
        if (filters.tagIds) expect(detail).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_rows FOR IN-OPERATOR/);
        // A one-character term beside a word, or a phrase in the index without positions (migration
        // 0035): each row's text read by primary key, no FTS query per row.
        if (query === '晋江 警' || query === '背包精神') {
          expect(detail).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
          expect(detail).not.toMatch(/search_characters|SCAN c\b/);
        }
      }
      // Only a phrase's candidates are checked: a word's rows are its matches.
      expect(searchPlan.phraseTerms !== undefined).toBe(query === '背包精神');
      const counting = plan(countSql(searchPlan));
      if (query === '背包精神') expect(counting).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
      // A phrase's candidates are counted through its literal first (instr), as a page checks them; a character's are not.
      expect(countSql(searchPlan).includes('instr(')).toBe(query === '背包精神');
      expect(counting).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
      // A count reads the character's rows once, never one lookup per row of the word.
      expect(counting).not.toMatch(/INDEX \d+:=/);
    },
  );

  it('a tag-filtered page of a word and a character checks the character only in tagged rows', () => {
    const db = seeded.library.database();
    // Tag every other paragraph that mentions 晋江: tagged rows with and without 警, and rows left out.
    const hits = seeded.library.search.find('晋江', { limit: 500 }).hits.filter((h) => h.kind === 'paragraph');
    hits
      .filter((_, i) => i % 2 === 0)
      .forEach((h) =>
        seeded.library.annotations.createHighlight({
          paragraphId: h.paragraphId,
          start: 0,
          end: 1,
          color: 'yellow',
          tags: ['查询计划'],
        }),
      );
    const tagIds = db.prepare("SELECT id FROM tag WHERE name = '查询计划'").pluck().all() as number[];
    expect(tagIds).toHaveLength(1);
    prepareTagFilter(db, tagIds);
    const searchPlan = planSearch(parseQuery('晋江 警'), { tagIds });
    const detail = plan(tierPageSql(searchPlan, false));
    // The index drives in rowid order; the tagged rows are looked up by rowid, not scanned.
    expect(detail).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(detail).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_rows FOR IN-OPERATOR/);
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN search_tagged_rows/);
    // And SQLite tests the tag before reading a row's text: the text is read for tagged rows only.
    const taggedWordRows = db
      .prepare(
        'SELECT count(*) FROM search_index f WHERE search_index MATCH \'"晋江"\' AND f.rowid IN temp.search_tagged_rows',
      )
      .pluck()
      .get() as number;
    let checked = 0;
    // Two arguments, as the page calls it (SQLite tells functions apart by their arity).
    db.function(holdsCharactersFunction, { deterministic: true }, (_text: unknown, _terms: unknown) => {
      checked++;
      return 1;
    });
    try {
      db.prepare(tierPageSql(searchPlan, false))
        .pluck()
        .all({
          match: characterMatchExpression('"晋江"', {}, ['heading', 'body', 'note'], searchIndexMarker),
          characterTerms: '警',
          limit: 1000,
        });
    } finally {
      registerSearchFunctions(db);
    }
    expect(hits.length).toBeGreaterThan(taggedWordRows);
    expect(taggedWordRows).toBeGreaterThan(1);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(taggedWordRows);
  });

  it('reads the paragraphs of a page, their articles and an auto-coding by primary key', () => {
    expect(plan(hitParagraphsSql)).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(plan(hitParagraphsSql)).not.toMatch(noFullScan);
    expect(plan(hitNotesSql)).toMatch(/SEARCH n USING INTEGER PRIMARY KEY/);
    expect(plan(hitNotesSql)).not.toMatch(noFullScan);
    const coding = plan(matchingParagraphsSql({ paragraphsOnly: true, articleId: 1 }));
    expect(coding).toMatch(/SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(coding).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(coding).not.toMatch(noFullScan);
    expect(plan(hitCommentsSql)).toMatch(/SEARCH h USING INTEGER PRIMARY KEY/);
    expect(plan(hitCommentsSql)).not.toMatch(noFullScan);
    expect(plan(hitArticlesSql)).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    expect(plan(hitArticlesSql)).not.toMatch(noFullScan);
  });
});
