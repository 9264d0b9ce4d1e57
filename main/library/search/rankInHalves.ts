import type { Db } from '../store/openDatabase';
import { rankingCapacity } from './rankingProtocol';
import type { RankedHalf, RankedRow, RankingWorker } from './rankingWorker';
import { countRangeSql, params, rankedRangeSql, type RowFilters } from './searchQuery';

export interface RankedPage {
  rowids: number[];
  total: number;
}

/**
 * One page of a search and its total, ranked in two threads: the worker ranks the rows from
 * `split` up while this thread ranks the rows below it, and the two best-first lists merge
 * into exactly the order one query gives. Undefined when the page is deeper than a half may
 * return or the worker cannot take it: the caller then ranks in one query as usual.
 */
export function rankInHalves(
  db: Db,
  worker: RankingWorker,
  match: string,
  filters: RowFilters,
  limit: number,
  offset: number,
  split: number,
): RankedPage | undefined {
  const wanted = offset + limit;
  if (wanted > rankingCapacity) return undefined;
  const shared = { ...params(match, filters), limit: wanted };
  const upper = { ...shared, from: split, to: Number.MAX_SAFE_INTEGER };
  const job = { rankSql: rankedRangeSql(filters), countSql: countRangeSql(filters), params: upper };
  const collect = worker.start(job);
  if (!collect) return undefined;
  const lower = rankRange(db, job.rankSql, job.countSql, { ...shared, from: 0, to: split });
  // No answer (a failed or stuck worker): rank that half here, so the result is the same.
  const higher = collect() ?? rankRange(db, job.rankSql, job.countSql, upper);
  return {
    rowids: mergeBestFirst(lower.rows, higher.rows, wanted)
      .slice(offset)
      .map((r) => r.rowid),
    total: lower.count + higher.count,
  };
}

function rankRange(db: Db, rankSql: string, countSql: string, values: Record<string, string | number>): RankedHalf {
  return {
    rows: db.prepare(rankSql).all(values) as RankedRow[],
    count: (db.prepare(countSql).get(values) as { n: number }).n,
  };
}

/** The first `n` of two lists each sorted by (rank, rowid). */
export function mergeBestFirst(a: readonly RankedRow[], b: readonly RankedRow[], n: number): RankedRow[] {
  const merged: RankedRow[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < n && (i < a.length || j < b.length)) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.rank < y.rank || (x.rank === y.rank && x.rowid < y.rowid)))) {
      merged.push(x!);
      i++;
    } else {
      merged.push(y);
      j++;
    }
  }
  return merged;
}
