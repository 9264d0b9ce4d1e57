import type { ArticleGroup, ArticlePage, ArticlePageRequest, TitleCollation } from '../../../preload/contract/articlePageTypes';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { articlesWithValueSql } from '../attributes/attributeStore';
import { groupArticleIds } from './articleGroups';
import { readArticleSummaries } from './articles';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';
import { tagAndNestedIds } from './tags';

/**
 * The library pane's list, a window at a time (issue #16): at 100,000 articles the whole list
 * was tens of megabytes over IPC and filtered and sorted in the renderer on every keystroke.
 * Here the view, the title filter and the tag filter are one SQL query; the order is SQL's,
 * except titles, which sort by the interface's collation (pinyin or strokes), kept per library.
 */
export function listArticlePage(db: Db, request: ArticlePageRequest): ArticlePage {
  const { ids, inView, groups } = orderedArticleIds(db, request);
  const windowIds = ids.slice(request.offset, request.offset + request.limit);
  const summaries = readArticleSummaries(db, windowIds);
  const aroundIndex = request.around === undefined ? -1 : ids.indexOf(request.around);
  return {
    total: ids.length,
    inView,
    offset: request.offset,
    rows: windowIds.flatMap((id) => summaries.get(id) ?? []),
    aroundIndex: aroundIndex < 0 ? null : aroundIndex,
    // The headers once, with the first page: a later page's rows fall under them by index.
    ...(groups && request.offset === 0 ? { groups } : {}),
  };
}

/**
 * The ids of a stretch of the list (a Shift+click range, or Ctrl+A's whole list), in its
 * order, so a selection can be made of rows not fetched yet.
 */
export function listArticleIds(
  db: Db,
  request: Omit<ArticlePageRequest, 'around'>,
): { ids: number[]; total: number } {
  const { ids } = orderedArticleIds(db, request);
  return { ids: ids.slice(request.offset, request.offset + request.limit), total: ids.length };
}

/**
 * Every article the list's view and filters keep, in its order (a "set for the articles
 * listed"), and the view's count; grouped by an attribute, with its groups.
 */
export function orderedArticleIds(
  db: Db,
  request: Omit<ArticlePageRequest, 'offset' | 'limit' | 'around'>,
): OrderedIds {
  // One list asked for again (the next page of a scroll, a Shift+click range) is the same list
  // until the library changes: kept, not ordered anew. At 100,000 articles ordering the whole
  // list took hundreds of milliseconds a page.
  const key = JSON.stringify([request.view, request.sort, request.collation, request.query, request.tag, request.attribute ?? null, request.groupBy ?? null]);
  const stamp = libraryStamp(db);
  let kept = orderedLists.get(db);
  if (!kept || kept.stamp !== stamp) orderedLists.set(db, (kept = { stamp, lists: new Map() }));
  const hit = kept.lists.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the one let go.
    kept.lists.delete(key);
    kept.lists.set(key, hit);
    return hit;
  }
  const ordered = orderList(db, request);
  kept.lists.set(key, ordered);
  if (kept.lists.size > keptLists) kept.lists.delete(kept.lists.keys().next().value!);
  return ordered;
}

interface OrderedIds {
  ids: number[];
  inView: number;
  groups?: ArticleGroup[];
}

/** Lists kept per connection (a view, an order, filters each), while the library is as it was when they were made. */
const orderedLists = new WeakMap<Db, { stamp: string; lists: Map<string, OrderedIds> }>();
/** A few lists (the library, a filter being typed, a tag's): each 100,000 ids is under a megabyte. */
const keptLists = 8;

/**
 * Changes when anything is written to the library: by this connection (total_changes counts
 * every row it inserts, updates or deletes, triggers' included, and never goes back) or by
 * another one (data_version, e.g. the command line writing while the app is open). Asked at
 * every page: compiled once per connection.
 */
function libraryStamp(db: Db): string {
  const [changes, version] = preparedStatement(db, 'SELECT total_changes(), (SELECT data_version FROM pragma_data_version)')
    .raw()
    .get() as [number, number];
  return `${changes}:${version}`;
}

/** orderedArticleIds, made anew: the view, its filters and its order in SQL (titles by collation, in JS). */
function orderList(db: Db, request: Omit<ArticlePageRequest, 'offset' | 'limit' | 'around'>): OrderedIds {
  registerTitleFold(db);
  const view = viewWhere[request.view];
  const query = foldTitle(request.query.trim());
  const tagIds = request.tag === '' ? null : tagAndNestedIds(db, request.tag);
  const where = [view];
  if (query !== '') where.push(`instr(${foldFunction}(a.title), @query) > 0`);
  if (tagIds !== null) where.push(taggedWhere);
  if (request.attribute) where.push(attributeWhere);
  const params = {
    query,
    tagIds: JSON.stringify(tagIds ?? []),
    attributeId: request.attribute?.attributeId ?? 0,
    attributeValue: request.attribute?.value ?? '',
  };
  const sql = `SELECT a.id, a.title FROM article a WHERE ${where.join(' AND ')}`;
  const ids =
    request.sort === 'title'
      ? titleOrder(db, request.collation, db.prepare(sql).raw().all(params) as Array<[number, string]>)
      : (db.prepare(`${sql} ORDER BY ${request.sort === 'opened' ? openedOrder : dateOrder}`).pluck().all(params) as number[]);
  const inView =
    where.length === 1 ? ids.length : (db.prepare(`SELECT count(*) FROM article a WHERE ${view}`).pluck().get() as number);
  if (request.groupBy === undefined) return { ids, inView };
  return { ...groupArticleIds(db, ids, request.groupBy), inView };
}

const viewWhere: Record<ArticlePageRequest['view'], string> = {
  library: 'a.trashed_at IS NULL AND a.archived_at IS NULL',
  archived: 'a.trashed_at IS NULL AND a.archived_at IS NOT NULL',
  trash: 'a.trashed_at IS NOT NULL',
};

/** Newest published first (undated last), then newest imported: the order the list always had. */
const dateOrder = 'a.published_at IS NULL, a.published_at DESC, a.imported_at DESC, a.id DESC';
/** Last opened first (opening is recorded in main), never-opened ones after, by date. */
const openedOrder = `a.last_opened_at IS NULL, a.last_opened_at DESC, ${dateOrder}`;

/** Articles with a tagged paragraph or highlight under the tag (its subtree, as the tag view). */
const taggedWhere = `a.id IN (
  SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
    WHERE pt.tag_id IN (SELECT value FROM json_each(@tagIds))
  UNION
  SELECT h.article_id FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id
    WHERE ht.tag_id IN (SELECT value FROM json_each(@tagIds)))`;

/** Articles with the attribute's value. */
const attributeWhere = `a.id IN (${articlesWithValueSql})`;

const foldFunction = 'pizhu_fold_title';
const withFold = new WeakSet<Db>();

/** Simplified characters, lower case: 晋江 finds 晉江 and pizhu finds Pizhu. */
function foldTitle(text: string): string {
  return foldToSimplified(text).toLowerCase();
}

function registerTitleFold(db: Db): void {
  if (withFold.has(db)) return;
  db.function(foldFunction, { deterministic: true }, (title: unknown) => (typeof title === 'string' ? foldTitle(title) : ''));
  withFold.add(db);
}

/**
 * Every article's place in title order, per collation, rebuilt when any title differs from the
 * one it was built with (an import, a rename): a filtered list then sorts by these numbers.
 * Leading quotes and brackets are ignored and numbers compare as numbers.
 */
interface TitleRanks {
  titles: Map<number, string>;
  ranks: Map<number, number>;
}
const titleRanks = new WeakMap<Db, Map<TitleCollation, TitleRanks>>();

function titleOrder(db: Db, collation: TitleCollation, rows: ReadonlyArray<[number, string]>): number[] {
  let perCollation = titleRanks.get(db);
  if (!perCollation) titleRanks.set(db, (perCollation = new Map<TitleCollation, TitleRanks>()));
  let ranked = perCollation.get(collation);
  if (!ranked || rows.some(([id, title]) => ranked!.titles.get(id) !== title)) {
    const all = db.prepare('SELECT id, title FROM article').raw().all() as Array<[number, string]>;
    const collator = new Intl.Collator(collation, { ignorePunctuation: true, numeric: true });
    all.sort((a, b) => collator.compare(a[1], b[1]) || a[0] - b[0]);
    ranked = { titles: new Map(all), ranks: new Map(all.map(([id], i) => [id, i])) };
    perCollation.set(collation, ranked);
  }
  const ranks = ranked.ranks;
  return rows.map(([id]) => id).sort((a, b) => ranks.get(a)! - ranks.get(b)!);
}
