import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../../main/library/search/parseQuery';
import { candidateExpression, candidatesAreMatches, holdsTerms } from '../../../../../main/library/search/phraseCheck';
import { indexTokens } from '../../../../../main/library/search/searchTokens';

/**
 * The check a page makes in an index without positions (migration 0035) answers what FTS5 did
 * with positions: over texts and queries drawn from a few characters (so phrases' tokens often
 * meet apart), the rows FTS5 matches on a detail=full table are exactly the candidates of a
 * detail=none table that pass holdsTerms.
 */

/** A fixed pseudo-random sequence (the same texts every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const alphabet = ['晋', '江', '公', '安', '晉', '警', '察', ' ', ',', 'a', 'b', '局'];

function draw(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

describe('phrases checked in the text', () => {
  it('finds exactly the rows FTS5 found with positions', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE full USING fts5(x, tokenize = 'ascii', content = '', columnsize = 0);
      CREATE VIRTUAL TABLE none USING fts5(x, tokenize = 'ascii', content = '', columnsize = 0, detail = none);`);
    const next = random(16);
    const texts = Array.from({ length: 400 }, () => draw(next, 2 + Math.floor(next() * 14)));
    texts.forEach((text, i) => {
      db.prepare('INSERT INTO full (rowid, x) VALUES (?, ?)').run(i + 1, indexTokens(text));
      db.prepare('INSERT INTO none (rowid, x) VALUES (?, ?)').run(i + 1, indexTokens(text));
    });
    const queries = ['晋江公安', '"江 公安"', '警察局', '晉江 安', 'a 警', '"ab 晋"', '软件', '公安 "察 局"', '江公'];
    for (let i = 0; i < 150; i++) queries.push(draw(next, 2 + Math.floor(next() * 4)));
    let checked = 0;
    let found = 0;
    for (const query of queries) {
      let parsed;
      try {
        parsed = parseQuery(query);
      } catch {
        continue; // nothing to search for (spaces and commas only)
      }
      const withPositions = db.prepare('SELECT rowid FROM full WHERE full MATCH ? ORDER BY rowid').pluck().all(parsed.match);
      const candidates = db
        .prepare('SELECT rowid FROM none WHERE none MATCH ? ORDER BY rowid')
        .pluck()
        .all(candidateExpression(parsed.clauses)) as number[];
      const forms = parsed.clauses.map((c) => c.forms);
      const checkedRows = candidatesAreMatches(parsed.clauses)
        ? candidates
        : candidates.filter((r) => holdsTerms(texts[r - 1]!, forms));
      expect(checkedRows, query).toEqual(withPositions);
      if (candidates.length > checkedRows.length) checked++;
      if (withPositions.length > 0) found++;
    }
    // Not a vacuous comparison: many queries match, and many have candidates the check turns away.
    expect(found).toBeGreaterThan(50);
    expect(checked).toBeGreaterThan(20);
    db.close();
  });

  it('finds the same rows when a phrase is looked up by any one of its tokens (rarestToken)', () => {
    // A page looks a phrase up by one token and checks every candidate: whichever token it picks
    // (first, last, one between), the checked candidates are the rows FTS5 matched with positions.
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE full USING fts5(x, tokenize = 'ascii', content = '', columnsize = 0);
      CREATE VIRTUAL TABLE none USING fts5(x, tokenize = 'ascii', content = '', columnsize = 0, detail = none);`);
    const next = random(1616);
    const texts = Array.from({ length: 400 }, () => draw(next, 2 + Math.floor(next() * 14)));
    texts.forEach((text, i) => {
      db.prepare('INSERT INTO full (rowid, x) VALUES (?, ?)').run(i + 1, indexTokens(text));
      db.prepare('INSERT INTO none (rowid, x) VALUES (?, ?)').run(i + 1, indexTokens(text));
    });
    const queries = ['晋江公安', '"江 公安"', '警察局', '晉江 安', '"ab 晋"', '公安 "察 局"', '江公', '软件', '晋江公安局'];
    for (let i = 0; i < 100; i++) queries.push(draw(next, 3 + Math.floor(next() * 4)));
    const pickers: Array<(tokens: readonly string[]) => string> = [
      (t) => t[0]!,
      (t) => t[t.length - 1]!,
      (t) => t[Math.floor(t.length / 2)]!,
    ];
    let narrowed = 0;
    let found = 0;
    for (const query of queries) {
      let parsed;
      try {
        parsed = parseQuery(query);
      } catch {
        continue; // nothing to search for (spaces and commas only)
      }
      const withPositions = db.prepare('SELECT rowid FROM full WHERE full MATCH ? ORDER BY rowid').pluck().all(parsed.match);
      const forms = parsed.clauses.map((c) => c.forms);
      for (const pick of pickers) {
        const expression = candidateExpression(parsed.clauses, pick);
        if (expression !== candidateExpression(parsed.clauses)) narrowed++;
        const candidates = db.prepare('SELECT rowid FROM none WHERE none MATCH ? ORDER BY rowid').pluck().all(expression) as number[];
        const checkedRows = candidatesAreMatches(parsed.clauses)
          ? candidates
          : candidates.filter((r) => holdsTerms(texts[r - 1]!, forms));
        expect(checkedRows, `${query} by ${expression}`).toEqual(withPositions);
      }
      if (withPositions.length > 0) found++;
    }
    // Not vacuous: most queries are phrases looked up by one token, and many match.
    expect(narrowed).toBeGreaterThan(150);
    expect(found).toBeGreaterThan(30);
    db.close();
  });

  it('finds a phrase written side by side without reading tokens, and only then', () => {
    // The check first looks for a phrase's characters written side by side (any form folding to
    // each: 眾 and 衆 for 众); characters that are all there but apart, or a form's blocker, or
    // characters joined by what the tokens skip, must still get the tokens' answer.
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE full USING fts5(x, tokenize = 'ascii', content = '', columnsize = 0)`);
    const texts = [
      '背包精神',
      '揹包精神可嘉',
      '背包 精神',
      '精神背包',
      '背包，精神背包',
      '背\u200b包精\u0301神',
      '人民群眾',
      '人民群衆的',
      '人民 群众',
      '群众人民',
      '这个软体动物',
      '软体动物和软体',
      '软体和软件',
      '派出所的民警',
      '派出 所民警',
      '警',
      '公安局',
    ];
    texts.forEach((text, i) => db.prepare('INSERT INTO full (rowid, x) VALUES (?, ?)').run(i + 1, indexTokens(text)));
    const queries = ['背包精神', '「人民群眾」', '软件', '派出所 民警', '"派出所民警"', '警 公安', '精神背包', '包精'];
    for (const query of queries) {
      const parsed = parseQuery(query);
      const withPositions = db.prepare('SELECT rowid FROM full WHERE full MATCH ? ORDER BY rowid').pluck().all(parsed.match);
      const forms = parsed.clauses.map((c) => c.forms);
      const checked = texts.flatMap((text, i) => (holdsTerms(text, forms) ? [i + 1] : []));
      expect(checked, query).toEqual(withPositions);
    }
    // Not vacuous: texts written apart, in another form, or joined by what the tokens skip.
    const phrase = parseQuery('背包精神').clauses.map((c) => c.forms);
    expect(texts.filter((t) => holdsTerms(t, phrase))).toEqual(['背包精神', '揹包精神可嘉', '背\u200b包精\u0301神']);
    const blocked = parseQuery('软件').clauses.map((c) => c.forms);
    expect(texts.filter((t) => holdsTerms(t, blocked))).toEqual(['软体和软件']);
    db.close();
  });
});
