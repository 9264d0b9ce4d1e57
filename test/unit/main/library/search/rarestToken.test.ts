import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rarestToken } from '../../../../../main/library/search/rarestToken';

/** A search index by row (migration 0035) holding `rows` (rowid -> its tokens). */
function indexOf(rows: ReadonlyMap<number, string>): Database.Database {
  const db = new Database(':memory:');
  db.exec(
    `CREATE VIRTUAL TABLE search_index USING fts5(tokens, tokenize = 'ascii', content = '', columnsize = 0, detail = none)`,
  );
  const insert = db.prepare('INSERT INTO search_index (rowid, tokens) VALUES (?, ?)');
  for (const [rowid, tokens] of rows) insert.run(rowid, tokens);
  return db;
}

describe('the token a phrase is looked up by', () => {
  it('is the one standing most sparsely at the start of the index, the first of equals', () => {
    const rows = new Map<number, string>();
    // 派出 in every row, 出所 in every other one, 所民 in every tenth; 民警 in every row but only
    // from row 2,000 on (sparse where a page starts reading); comments' rows (negative) count for nothing.
    for (let r = 2; r <= 4000; r += 2) {
      const tokens = ['派出'];
      if (r % 4 === 0) tokens.push('出所');
      if (r % 20 === 0) tokens.push('所民');
      if (r >= 2000) tokens.push('民警');
      rows.set(r, tokens.join(' '));
    }
    for (let h = 1; h <= 200; h++) rows.set(-h, '所民 民警');
    const db = indexOf(rows);
    expect(rarestToken(db, ['派出', '出所'])).toBe('出所');
    expect(rarestToken(db, ['派出', '出所', '所民'])).toBe('所民');
    expect(rarestToken(db, ['派出', '所民', '民警'])).toBe('民警');
    // Fewer rows than the sample: rarest of all; two such, the first.
    expect(rarestToken(db, ['派出', '无有', '也无'])).toBe('无有');
    db.close();
  });

  it('is worked out again once the library changes: an import can make a rare token common', () => {
    // 公安 in every fourth row (its 64th at row 256), 江公 in ten rows only: 江公 is the rarer.
    const rows = new Map<number, string>();
    for (let r = 4; r <= 400; r += 4) rows.set(r, r % 40 === 0 ? '江公 公安' : '公安');
    const db = indexOf(rows);
    expect(rarestToken(db, ['公安', '江公'])).toBe('江公');
    // Notes holding 江公 at the start of the library (odd rowids 1 to 255: its 64th at row 127).
    const insert = db.prepare('INSERT INTO search_index (rowid, tokens) VALUES (?, ?)');
    db.transaction(() => {
      for (let r = 1; r <= 255; r += 2) insert.run(r, '江公');
    })();
    expect(rarestToken(db, ['公安', '江公'])).toBe('公安');
    db.close();
  });
});
