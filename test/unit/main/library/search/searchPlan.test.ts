import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hitCommentsSql,
  hitParagraphsSql,
  matchingParagraphsSql,
  rankedPageSql,
  type RowFilters,
} from '../../../../../main/library/search/searchQuery';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await openSeededLibrary();
});
afterAll(() => seeded.dispose());

function plan(sql: string): string {
  const params = { match: '"晋江"', limit: 50, offset: 0, tagIds: '[1]' };
  const statement = seeded.library.database().prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (sql.includes('?') ? statement.all('[1]') : statement.all(params)) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

const noFullScan = /SCAN (p|paragraph|a|article|n|note|h|highlight)\b(?! USING)/;

describe('search query plans', () => {
  it.each<[string, RowFilters]>([
    ['no filter', {}],
    ['an article filter (inside the index)', { articleId: 1 }],
    ['a tag filter', { tagIds: [1] }],
    ['hidden paragraphs too', { includeHidden: true }],
  ])('a page with %s is driven by the FTS index, never a scan of paragraph', (_, filters) => {
    const detail = plan(rankedPageSql(filters));
    expect(detail).toMatch(/SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(detail).not.toMatch(noFullScan);
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
