import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { libraryState } from './searchPages';

/**
 * Which token of a phrase to look the phrase up by. The search index has no positions
 * (migration 0035), so a phrase's candidates are checked in their text anyway (phraseCheck),
 * and any one of its tokens finds them all; FTS5 ANDing every token walks the doclists of the
 * common ones too: "派出所民警" on the 10,000-article bench library, 派出 AND 出所 AND 所民 AND
 * 民警 counted its 2,035 rows in 925 µs CPU, 所民 alone the same rows in 125 µs.
 *
 * A page reads rows in rowid order from the start, so a token's cost is how densely it stands
 * there: how far into the index its first `sampleRows` paragraph and note rows reach.
 */
const sampleRows = 64;

/**
 * Reaches worked out, by token, kept until the library changes (libraryState): an import can
 * make a rare token common. A stale reach would only pick a slower token, never other rows.
 */
const reaches = new WeakMap<Db, { state: string; kept: Map<string, number> }>();
const maxKept = 5000;

const reachSql = `SELECT f.rowid FROM search_index f WHERE search_index MATCH ? AND f.rowid >= 0
  ORDER BY f.rowid LIMIT 1 OFFSET ${sampleRows - 1}`;

/** The rowid of the token's sampleRows-th paragraph or note row; Infinity when it has fewer (rare). */
function reachOf(db: Db, token: string): number {
  const state = libraryState(db);
  let entry = reaches.get(db);
  if (entry === undefined || entry.state !== state)
    reaches.set(db, (entry = { state, kept: new Map<string, number>() }));
  const kept = entry.kept;
  let reach = kept.get(token);
  if (reach === undefined) {
    if (kept.size >= maxKept) kept.clear();
    // Tokens never contain `"` or spaces (searchTokens), so quoting them needs no escaping.
    const rowid = preparedStatement(db, reachSql).pluck().get(`"${token}"`) as number | undefined;
    reach = rowid ?? Number.POSITIVE_INFINITY;
    kept.set(token, reach);
  }
  return reach;
}

/** The token of `tokens` standing most sparsely at the start of the search index (the first of equals). */
export function rarestToken(db: Db, tokens: readonly string[]): string {
  let best = tokens[0] ?? '';
  let bestReach = Number.NEGATIVE_INFINITY;
  for (const token of tokens) {
    const reach = reachOf(db, token);
    if (reach > bestReach) {
      best = token;
      bestReach = reach;
    }
  }
  return best;
}
