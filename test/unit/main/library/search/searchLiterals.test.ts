import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery, type QueryTerm } from '../../../../../main/library/search/parseQuery';
import { holdsTerms } from '../../../../../main/library/search/phraseCheck';
import {
  holdsCharactersFunction,
  holdsTermsFunction,
  registerSearchFunctions,
} from '../../../../../main/library/search/searchFunctions';
import { planSearch, tierPageSql } from '../../../../../main/library/search/searchPages';
import { holdsCharacters } from '../../../../../main/library/search/searchTokens';
import { characterMatchExpression, searchIndexMarker } from '../../../../../main/library/search/searchQuery';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * A page checks a phrase or a lone character in a candidate's text with instr first, in SQL:
 * a row whose text holds the literal is a match without a call into JavaScript; the others (a
 * text in the other script, a phrase written apart) take the full check, so the hits are the
 * same (searchPinned pins them to the search before).
 */

let seeded: SeededLibrary;
beforeAll(async () => {
  seeded = await openSeededLibrary();
});
afterAll(() => seeded.dispose());

const text = `CASE WHEN f.rowid < 0 THEN (SELECT h.comment FROM highlight h WHERE h.id = -f.rowid)
  WHEN f.rowid % 2 = 1 THEN (SELECT n.plain_text FROM note n WHERE n.paragraph_id = f.rowid / 2)
  ELSE (SELECT p.text FROM paragraph p WHERE p.id = f.rowid / 2) END`;

describe('the literal of a checked term', () => {
  it.each([
    ['背包精神', holdsTermsFunction, '背包精神', undefined],
    ['晋江 警', holdsCharactersFunction, '警', undefined],
    ['"平安晉江"', holdsTermsFunction, '平安晋江', undefined],
    // A lone character is found in its other script's form too (晉 in a traditional text).
    ['晋江 晉', holdsCharactersFunction, '晋', '晉'],
  ])('%s: calls the check only for candidates without the literal, and finds the same rows', (query, fn, literal, other) => {
    const db = seeded.library.database();
    const parsed = parseQuery(query);
    const plan = planSearch(parsed, {});
    expect(plan.literals).toHaveLength(1);
    const sql = tierPageSql(plan, false);
    expect(sql).toMatch(/instr\(/);
    const params = {
      match: characterMatchExpression(plan.terms, {}, ['heading', 'body', 'note'], searchIndexMarker),
      limit: 10_000,
      ...(plan.phraseTerms === undefined ? {} : { phraseTerms: plan.phraseTerms }),
      ...(plan.characterTerms === undefined ? {} : { characterTerms: plan.characterTerms }),
      ...(plan.otherCharacter === undefined ? {} : { otherCharacter: plan.otherCharacter }),
    };
    // Every candidate with its text, and which of them hold the query, read the slow way.
    const candidates = db
      .prepare(
        `SELECT f.rowid, ${text} AS text FROM search_index f WHERE search_index MATCH @match AND f.rowid >= 0 ORDER BY f.rowid`,
      )
      .all({ match: params.match }) as Array<{ rowid: number; text: string }>;
    const expected = candidates
      .filter((c) =>
        holdsTerms(
          c.text,
          parsed.clauses.map((cl) => cl.forms),
        ),
      )
      .map((c) => c.rowid);
    const withoutLiteral = candidates.filter(
      (c) => !c.text.includes(literal) && (other === undefined || !c.text.includes(other)),
    ).length;
    expect(plan.otherCharacter).toBe(other);
    let calls = 0;
    // The same checks, counted (two arguments, as the page calls them: SQLite tells functions apart by arity).
    db.function(fn, { deterministic: true }, (t: unknown, terms: unknown) => {
      calls++;
      if (typeof t !== 'string' || typeof terms !== 'string') return 0;
      if (fn === holdsTermsFunction) return holdsTerms(t, JSON.parse(terms) as QueryTerm[][]) ? 1 : 0;
      return holdsCharacters(
        t,
        terms.split(' ').map((forms) => [...forms].map((c) => c.codePointAt(0) ?? 0)),
      )
        ? 1
        : 0;
    });
    let found: number[];
    try {
      found = db.prepare(sql).pluck().all(params) as number[];
    } finally {
      registerSearchFunctions(db);
    }
    expect(found).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(calls).toBe(withoutLiteral);
    expect(calls).toBeLessThan(candidates.length);
  });
});
