import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../../main/library/search/parseQuery';
import { countSql, planSearch, prepareTagFilter, tierPageSql } from '../../../../../main/library/search/searchPages';
import {
  hitCommentsSql,
  hitParagraphsSql,
  matchingParagraphsSql,
  type RowFilters,
} from '../../../../../main/library/search/searchQuery';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await openSeededLibrary();
});
afterAll(() => seeded.dispose());

function plan(sql: string): string {
  const params = { match: '"晋江"', characters: '"警"', limit: 50, offset: 0, tagIds: '[1]' };
  const statement = seeded.library.database().prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (sql.includes('?') ? statement.all('[1]') : statement.all(params)) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

const noFullScan = /SCAN (p|paragraph|a|article|n|note|h|highlight)\b(?! USING)/;

describe('search query plans', () => {
  const queries: Array<[string, string]> = [
    ['a word (the search index)', '晋江'],
    ['one character (the character index)', '警'],
    ['a word and one character (the search index, each row checked in the character index)', '晋江 警'],
  ];
  const filters: Array<[string, RowFilters]> = [
    ['no filter', {}],
    ['an article filter (inside the index)', { articleId: 1 }],
    ['a tag filter', { tagIds: [1] }],
    ['hidden paragraphs too', { includeHidden: true }],
  ];
  const cases = queries.flatMap(([what, query]) => filters.map(([how, f]) => [what, how, query, f] as const));

  it.each(cases)('a page of %s with %s reads the index in rowid order and stops at the page', (_, __, query, filters) => {
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
      // A one-character term beside a word: one lookup by rowid in the character index per row read.
      if (query === '晋江 警') expect(detail).toMatch(/SCAN c EXISTS VIRTUAL TABLE INDEX \d+:=M/);
    }
    const counting = plan(countSql(searchPlan));
    expect(counting).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    // A count reads the character's rows once, never one lookup per row of the word.
    expect(counting).not.toMatch(/INDEX \d+:=/);
  });

  it('reads the paragraphs of a page and of an auto-coding by primary key', () => {
    expect(plan(hitParagraphsSql)).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(plan(hitParagraphsSql)).not.toMatch(noFullScan);
    const coding = plan(matchingParagraphsSql({ paragraphsOnly: true, articleId: 1 }));
    expect(coding).toMatch(/SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(coding).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(coding).not.toMatch(noFullScan);
    expect(plan(hitCommentsSql)).toMatch(/SEARCH h USING INTEGER PRIMARY KEY/);
    expect(plan(hitCommentsSql)).not.toMatch(noFullScan);
  });
});
