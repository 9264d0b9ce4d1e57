import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../../preload/contract/api';
import { findMatches } from '../../../../../main/library/search/findMatches';
import { parseQuery, type QueryTerm } from '../../../../../main/library/search/parseQuery';
import { tokenize } from '../../../../../main/library/search/searchTokens';
import { seedsDir } from '../../../../support/seededLibrary';

/**
 * findMatches finds a CJK term written side by side without reading the text into tokens: its
 * ranges are exactly those of the tokens (the index's own reading), compared here with a plain
 * reference over tokenize(), on every seed line and on texts made to trip it up (marks and
 * invisible characters between the letters, traditional and variant forms, characters outside
 * the BMP, overlapping occurrences, a variant inside its blocker).
 */

/** The term's ranges read from the tokens, one by one, as FTS5 matches a phrase (and a prefix). */
function tokenRanges(text: string, term: QueryTerm): TextRange[] {
  const tokens = tokenize(text);
  const ranges: TextRange[] = [];
  for (let i = 0; i + term.tokens.length <= tokens.length; i++) {
    const ok = term.tokens.every((t, k) => {
      const token = tokens[i + k]!.text;
      return k === term.tokens.length - 1 && term.prefix ? token.startsWith(t) : token === t;
    });
    if (!ok) continue;
    const last = tokens[i + term.tokens.length - 1]!;
    ranges.push({ start: tokens[i]!.start, end: term.prefix ? last.firstEnd : last.end });
  }
  return ranges;
}

function reference(text: string, terms: readonly QueryTerm[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const term of terms) {
    const blocked = (term.unless ?? []).flatMap((b) => tokenRanges(text, b));
    for (const r of tokenRanges(text, term)) {
      if (!blocked.some((b) => b.start <= r.start && r.end <= b.end)) ranges.push(r);
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const r of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && r.start < previous.end) previous.end = Math.max(previous.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

const queries = [
  '警',
  '晋江',
  '晉江',
  '公安',
  '派出所民警',
  '人民群眾',
  '群众',
  '哈哈',
  '的',
  '软件',
  '網際網路',
  '背包精神',
  '服務 社區',
  '题线',
  'icp',
  '丰',
];

describe('findMatches of CJK terms written side by side', () => {
  it('gives the tokens’ ranges on every seed line', () => {
    const lines = fs
      .readdirSync(seedsDir)
      .flatMap((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8').split('\n'))
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(150);
    let found = 0;
    for (const query of queries) {
      const { terms } = parseQuery(query);
      for (const line of lines) {
        const ranges = findMatches(line, terms);
        expect(ranges, `${query} in ${line}`).toEqual(reference(line, terms));
        found += ranges.length;
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it.each([
    ['晋\u200b江公安', '晋江'],
    ['晋\u0301江', '晋江'],
    ['晉江與晋江', '晋江'],
    ['群衆和群眾', '群众'],
    ['哈哈哈哈', '哈哈'],
    ['𠀀晋江𠀀', '晋江'],
    ['警\u20dd察', '警'],
    ['軟體公司,不是软体动物', '软件'],
    ['the ICP备案', 'icp'],
    ['豐收的丰', '丰'],
    ['晋江 江晋', '晋江'],
  ])('gives the tokens’ ranges in %s for %s', (text, query) => {
    const { terms } = parseQuery(query);
    expect(findMatches(text, terms)).toEqual(reference(text, terms));
  });
});
