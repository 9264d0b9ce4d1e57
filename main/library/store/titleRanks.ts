import type { TitleCollation } from '../../../preload/contract/articlePageTypes';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';

/**
 * Each article's place in the list's title order, kept in the library (migration 0040) so that a
 * title-ordered list is a walk of an index: the collations (pinyin, strokes) are Intl's, which
 * SQLite cannot sort by, and sorting 100,000 titles in JavaScript took ~450 ms at each start.
 * A rank is a number; a new or renamed title (its rank NULL) is placed between its neighbours,
 * so an import of a few articles writes their ranks only.
 */

/** The article column holding a collation's ranks, and the index that walks them by view. */
export const titleRankColumn: Record<TitleCollation, string> = { zh: 'title_rank_zh', 'zh-Hant': 'title_rank_zh_hant' };
export const titleRankIndex: Record<TitleCollation, string> = { zh: 'article_list_by_title_zh', 'zh-Hant': 'article_list_by_title_zh_hant' };

/** Leading quotes and brackets are ignored and numbers compare as numbers; equal titles by id. */
export function titleComparer(collation: TitleCollation): (a: TitledId, b: TitledId) => number {
  const collator = new Intl.Collator(collation, { ignorePunctuation: true, numeric: true });
  return (a, b) => collator.compare(a[1], b[1]) || a[0] - b[0];
}

/** An article id and its title. */
export type TitledId = [id: number, title: string];

/** The view an article is in, as migration 0036's and 0040's list indexes are led by it. */
const viewSql = 'iif(trashed_at IS NOT NULL, 2, archived_at IS NOT NULL)';

/**
 * Places every title not placed yet in the collation's order. False when the library cannot be
 * written now (query_only while the start-up check runs, or a read-only connection): the caller
 * orders in memory instead. An unchanged library costs two one-row reads.
 */
export function rankTitles(db: Db, collation: TitleCollation): boolean {
  if (rankedVersion(db, collation) === titleVersion(db)) return true;
  if (db.readonly || db.pragma('query_only', { simple: true }) === 1) return false;
  db.transaction(() => {
    // Read again inside the write: another connection may have placed them meanwhile.
    const version = titleVersion(db);
    if (rankedVersion(db, collation) === version) return;
    const column = titleRankColumn[collation];
    const unplaced = preparedStatement(db, `SELECT id, title FROM article WHERE ${viewSql} IN (0, 1, 2) AND ${column} IS NULL`)
      .raw()
      .all() as TitledId[];
    if (unplaced.length > 0 && !placeAmongRanked(db, collation, unplaced)) rankAll(db, collation);
    preparedStatement(db, 'INSERT OR REPLACE INTO article_title_ranked (collation, version) VALUES (?, ?)').run(collation, version);
  }).immediate();
  return true;
}

function titleVersion(db: Db): number {
  return preparedStatement(db, 'SELECT version FROM article_title_version').pluck().get() as number;
}

function rankedVersion(db: Db, collation: TitleCollation): number | undefined {
  return preparedStatement(db, 'SELECT version FROM article_title_ranked WHERE collation = ?').pluck().get(collation) as number | undefined;
}

/** Ranks 1, 2, 3… for every article in the collation's order. */
function rankAll(db: Db, collation: TitleCollation): void {
  const all = preparedStatement(db, 'SELECT id, title FROM article').raw().all() as TitledId[];
  all.sort(titleComparer(collation));
  const write = preparedStatement(db, `UPDATE article SET ${titleRankColumn[collation]} = ? WHERE id = ?`);
  all.forEach(([id], i) => write.run(i + 1, id));
}

/**
 * Places the unplaced titles between the ranked ones: each found by a binary search of the ranks
 * (in order from the index, titles read only for the ranks compared), the titles falling between
 * the same two neighbours spread evenly between their ranks. False when there are too many to
 * place one by one, or a gap has no room left between two numbers: then all are ranked anew.
 */
function placeAmongRanked(db: Db, collation: TitleCollation, unplaced: TitledId[]): boolean {
  const column = titleRankColumn[collation];
  const ranked = [0, 1, 2].flatMap(
    (view) =>
      preparedStatement(db, `SELECT id, ${column} FROM article INDEXED BY ${titleRankIndex[collation]} WHERE ${viewSql} = ? AND ${column} IS NOT NULL`)
        .raw()
        .all(view) as Array<[number, number]>,
  );
  // A search costs ~17 title reads each: past an eighth of the library one sort of all is cheaper.
  if (ranked.length === 0 || unplaced.length * 8 > ranked.length) return false;
  ranked.sort((a, b) => a[1] - b[1]);
  const compare = titleComparer(collation);
  const readTitle = preparedStatement(db, 'SELECT title FROM article WHERE id = ?').pluck();
  const titles = new Map<number, string>();
  const at = (i: number): TitledId => {
    const id = ranked[i]![0];
    let title = titles.get(id);
    if (title === undefined) titles.set(id, (title = readTitle.get(id) as string));
    return [id, title];
  };
  unplaced.sort(compare);
  const write = preparedStatement(db, `UPDATE article SET ${column} = ? WHERE id = ?`);
  const placed: Array<[rank: number, id: number]> = [];
  let from = 0;
  for (let i = 0; i < unplaced.length; ) {
    // Where unplaced[i] goes: before ranked[position] (the first ranked that sorts after it).
    let low = from;
    let high = ranked.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(at(middle), unplaced[i]!) < 0) low = middle + 1;
      else high = middle;
    }
    from = low;
    // Every unplaced title that goes in the same gap (they are in order).
    let end = i + 1;
    while (end < unplaced.length && (low === ranked.length || compare(unplaced[end]!, at(low)) < 0)) end++;
    const count = end - i;
    const below = low > 0 ? ranked[low - 1]![1] : ranked[0]![1] - (count + 1);
    const above = low < ranked.length ? ranked[low]![1] : ranked[ranked.length - 1]![1] + count + 1;
    let previous = below;
    for (let k = 0; k < count; k++) {
      const rank = below + ((above - below) * (k + 1)) / (count + 1);
      if (!(rank > previous && rank < above)) return false;
      placed.push([rank, unplaced[i + k]![0]]);
      previous = rank;
    }
    i = end;
  }
  for (const [rank, id] of placed) write.run(rank, id);
  return true;
}
