import { titleCollations, type TitleCollation } from '../../../preload/contract/articlePageTypes';
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
export const titleRankIndex: Record<TitleCollation, string> = {
  zh: 'article_list_by_title_zh',
  'zh-Hant': 'article_list_by_title_zh_hant',
};

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
  const key = rankedKey(collation);
  if (rankedVersion(db, key) === titleVersion(db)) return true;
  if (db.readonly || db.pragma('query_only', { simple: true }) === 1) return false;
  db.transaction(() => {
    // Read again inside the write: another connection may have placed them meanwhile.
    const version = titleVersion(db);
    const ranked = rankedVersion(db, key);
    if (ranked === version) return;
    const column = titleRankColumn[collation];
    const otherData = ranked === undefined && rankedByOtherData(db, collation);
    const unplaced = otherData
      ? []
      : (preparedStatement(db, `SELECT id, title FROM article WHERE ${viewSql} IN (0, 1, 2) AND ${column} IS NULL`)
          .raw()
          .all() as TitledId[]);
    if (otherData || (unplaced.length > 0 && !placeAmongRanked(db, collation, unplaced))) rankAll(db, [collation]);
    recordRanked(db, collation, version);
  }).immediate();
  return true;
}

/**
 * What a collation's ranks need: nothing; the few titles not placed yet placed among the others
 * (rankTitles, one short transaction); or every title ranked anew (never ranked, ranked by other
 * collation data, a ranking under way, or more titles unplaced than placed), which at 100,000
 * titles is seconds of work and is done in the background in slices (store/titleRankKeeper).
 */
export type TitleRanksNeed = 'nothing' | 'place' | 'rank';

export function titleRanksNeed(db: Db, collation: TitleCollation): TitleRanksNeed {
  const ranked = rankedVersion(db, rankedKey(collation));
  if (ranked === titleVersion(db)) return 'nothing';
  if (ranked === undefined && rankedByOtherData(db, collation)) return 'rank';
  const [unplaced, placed] = unplacedAndPlaced(db, collation);
  if (unplaced === 0) return 'place';
  return placed === 0 || unplaced > placed ? 'rank' : 'place';
}

/** How many articles of the three views have no rank in the collation, and how many have one (counted in its index). */
function unplacedAndPlaced(db: Db, collation: TitleCollation): [number, number] {
  const column = titleRankColumn[collation];
  return preparedStatement(
    db,
    `SELECT count(*) FILTER (WHERE ${column} IS NULL), count(${column}) FROM article INDEXED BY ${titleRankIndex[collation]} WHERE ${viewSql} IN (0, 1, 2)`,
  )
    .raw()
    .get() as [number, number];
}

/**
 * At the end of an import of `imported` articles: each collation's new titles placed, so that no
 * person's title list pays for them. Every title is ranked anew here only when the import is most
 * of the library (a first import; cost in proportion to what was imported); a library whose ranks
 * need more than that is left to the background ranking (store/titleRankKeeper). True when every
 * collation's ranks are current after it.
 */
export function rankImportedTitles(db: Db, imported: number): boolean {
  if (imported === 0 || db.readonly || db.pragma('query_only', { simple: true }) === 1) return false;
  let current = true;
  const anew: TitleCollation[] = [];
  for (const collation of titleCollations) {
    const need = titleRanksNeed(db, collation);
    if (need === 'nothing') continue;
    if (need === 'place') {
      rankTitles(db, collation);
      continue;
    }
    const [unplaced, placed] = unplacedAndPlaced(db, collation);
    if (unplaced + placed <= 2 * imported && !rankingUnderWay(db, collation)) anew.push(collation);
    else current = false;
  }
  if (anew.length > 0)
    db.transaction(() => {
      const version = titleVersion(db);
      rankAll(db, anew);
      for (const collation of anew) recordRanked(db, collation, version);
    }).immediate();
  return current;
}

/**
 * A ranking under way in slices (store/titleRankKeeper) is recorded as '<collation> ranking', in
 * the same table: until it ends the ranks are of two orders, and a list that needs them at once
 * finds the record of other data, ranks every title itself (rankTitles) and so ends that ranking.
 */
export function rankingKey(collation: TitleCollation): string {
  return `${collation} ranking`;
}

export function rankingUnderWay(db: Db, collation: TitleCollation): boolean {
  return rankedVersion(db, rankingKey(collation)) !== undefined;
}

/** Records that the collation's ranks are being made anew, as of `version`: the ranks are not read as an order until recordRanked. */
export function recordRankingStarted(db: Db, collation: TitleCollation, version: number): void {
  forgetRanked(db, collation);
  preparedStatement(db, 'INSERT INTO article_title_ranked (collation, version) VALUES (?, ?)').run(rankingKey(collation), version);
}

/** Records the collation's ranks as placed at `version` (every title changed since has no rank: placed by rankTitles). */
export function recordRanked(db: Db, collation: TitleCollation, version: number): void {
  forgetRanked(db, collation);
  preparedStatement(db, 'INSERT INTO article_title_ranked (collation, version) VALUES (?, ?)').run(rankedKey(collation), version);
}

function forgetRanked(db: Db, collation: TitleCollation): void {
  preparedStatement(db, "DELETE FROM article_title_ranked WHERE collation = ? OR collation LIKE ? || ' %'").run(
    collation,
    collation,
  );
}

/**
 * The ranks' record names the collation data they were placed by: an Electron or Node update
 * brings a new CLDR, which may order some titles otherwise, and places found by binary search
 * among ranks of another order would be wrong. Such a library is ranked anew once.
 */
function rankedKey(collation: TitleCollation): string {
  return `${collation} cldr ${process.versions.cldr ?? process.versions.icu ?? 'unknown'}`;
}

function rankedByOtherData(db: Db, collation: TitleCollation): boolean {
  return (
    preparedStatement(db, "SELECT 1 FROM article_title_ranked WHERE collation = ? OR collation LIKE ? || ' %'")
      .pluck()
      .get(collation, collation) !== undefined
  );
}

export function titleVersion(db: Db): number {
  return preparedStatement(db, 'SELECT version FROM article_title_version').pluck().get() as number;
}

function rankedVersion(db: Db, key: string): number | undefined {
  return preparedStatement(db, 'SELECT version FROM article_title_ranked WHERE collation = ?').pluck().get(key) as
    number | undefined;
}

/**
 * Ranks 1, 2, 3… for every article in each collation's order, written in id order and the
 * collations' ranks in one statement: each article row is rewritten once.
 */
function rankAll(db: Db, collations: readonly TitleCollation[]): void {
  const all = preparedStatement(db, 'SELECT id, title FROM article ORDER BY id').raw().all() as TitledId[];
  const places = collations.map((collation) => {
    const compare = titleComparer(collation);
    const order = all.map((_, i) => i).sort((a, b) => compare(all[a]!, all[b]!));
    const place = new Float64Array(all.length);
    order.forEach((index, rank) => (place[index] = rank + 1));
    return place;
  });
  const write = preparedStatement(
    db,
    `UPDATE article SET ${collations.map((c) => `${titleRankColumn[c]} = ?`).join(', ')} WHERE id = ?`,
  );
  all.forEach(([id], i) => write.run(...places.map((place) => place[i]!), id));
}

/**
 * Places the unplaced titles between the ranked ones: each found by a binary search of the ranks
 * (in order from the index, titles read only for the ranks compared), the titles falling between
 * the same two neighbours spread evenly between their ranks. False when more are new than ranked,
 * or a gap has no room left between two numbers: then all are ranked anew.
 */
function placeAmongRanked(db: Db, collation: TitleCollation, unplaced: TitledId[]): boolean {
  const column = titleRankColumn[collation];
  // Each view's ids and ranks in order from its range of the index (as two lists of numbers: a
  // row array each took five times as long at 100,000), the views merged by rank.
  const ranked = mergeByRank(
    [0, 1, 2].map((view) => {
      const walk = (value: string) =>
        preparedStatement(
          db,
          `SELECT ${value} FROM article INDEXED BY ${titleRankIndex[collation]} WHERE ${viewSql} = ? AND ${column} IS NOT NULL ORDER BY ${column}`,
        )
          .pluck()
          .all(view) as number[];
      return { ids: walk('id'), ranks: walk(column) };
    }),
  );
  // Placing k titles costs k searches (log n compares, titles read once each) and k writes;
  // ranking anew sorts and writes every title (at 100,000 titles 1.1-1.5 s CPU, two thirds of it
  // writes), cheaper only when most titles are new.
  if (ranked.ids.length === 0 || unplaced.length > ranked.ids.length) return false;
  const compare = titleComparer(collation);
  const readTitle = preparedStatement(db, 'SELECT title FROM article WHERE id = ?').pluck();
  const titles = new Map<number, string>();
  const at = (i: number): TitledId => {
    const id = ranked.ids[i]!;
    let title = titles.get(id);
    if (title === undefined) titles.set(id, (title = readTitle.get(id) as string));
    return [id, title];
  };
  unplaced.sort(compare);
  const write = preparedStatement(db, `UPDATE article SET ${column} = ? WHERE id = ?`);
  const placed: Array<[rank: number, id: number]> = [];
  let from = 0;
  for (let i = 0; i < unplaced.length;) {
    // Where unplaced[i] goes: before ranked[position] (the first ranked that sorts after it).
    let low = from;
    let high = ranked.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(at(middle), unplaced[i]!) < 0) low = middle + 1;
      else high = middle;
    }
    from = low;
    // Every unplaced title that goes in the same gap (they are in order).
    let end = i + 1;
    while (end < unplaced.length && (low === ranked.ids.length || compare(unplaced[end]!, at(low)) < 0)) end++;
    const count = end - i;
    const below = low > 0 ? ranked.ranks[low - 1]! : ranked.ranks[0]! - (count + 1);
    const above = low < ranked.ids.length ? ranked.ranks[low]! : ranked.ranks[ranked.ids.length - 1]! + count + 1;
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

/** Ids with their ranks, in rank order. */
interface Ranked {
  ids: number[];
  ranks: number[];
}

/** Ranked lists as one, in rank order. */
function mergeByRank(lists: readonly Ranked[]): Ranked {
  const merged: Ranked = { ids: [], ranks: [] };
  const at = lists.map(() => 0);
  for (;;) {
    let next = -1;
    lists.forEach((list, i) => {
      if (at[i]! < list.ids.length && (next < 0 || list.ranks[at[i]!]! < lists[next]!.ranks[at[next]!]!)) next = i;
    });
    if (next < 0) return merged;
    const i = at[next]!++;
    merged.ids.push(lists[next]!.ids[i]!);
    merged.ranks.push(lists[next]!.ranks[i]!);
  }
}
