import type { ArticleGroup, ArticlePage, ArticlePageRequest, TitleCollation } from '../../../preload/contract/articlePageTypes';
import { articlesWithValueSql } from '../attributes/attributeStore';
import { groupArticleIds, groupingAttribute } from './articleGroups';
import { readArticleSummaries } from './articles';
import type { Db } from './openDatabase';
import { libraryStamp } from './libraryStamp';
import { tagAssignmentStamp } from './tagAssignmentChanges';
import { preparedStatement } from './preparedStatements';
import { tagAndNestedIds } from './tags';
import { foldTitle } from './titleFold';
import { rankTitles, titleComparer, titleRankColumn } from './titleRanks';

/**
 * The library pane's list, a window at a time (issue #16): at 100,000 articles the whole list
 * was tens of megabytes over IPC and filtered and sorted in the renderer on every keystroke.
 * Here the view, the title filter and the tag filter are one SQL query, the order SQL's. Titles
 * sort by the interface's collation (pinyin or strokes), which SQLite cannot do: each title's
 * place in each collation is kept in the library (store/titleRanks). Each order walks an index of
 * its own and the filters read indexes (migrations 0036, 0040): the first page of a list costs a
 * walk of 100,000 index entries, not a sort of the article table.
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
export function orderedArticleIds(db: Db, request: ListRequest): OrderedIds {
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
  // Made inside a write, it would outlive the write's rollback under the same stamp (neither count goes back).
  if (db.inTransaction) return ordered;
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
interface KeptLists {
  stamp: string;
  lists: Map<string, OrderedIds>;
}
const orderedLists = new WeakMap<Db, KeptLists>();

/**
 * The articles each tag filter keeps, by the filter's tag ids, per connection: kept while no tag
 * was put on or taken off anything (store/tagAssignmentChanges), so a write that cannot change
 * them (opening an article records it) does not make them again; else while the library is unchanged.
 */
interface KeptTagged {
  stamp: string;
  sets: Map<string, (id: number) => boolean>;
}
const taggedSets = new WeakMap<Db, KeptTagged>();
/** A few lists (the library, a filter being typed, a tag's): each 100,000 ids is under a megabyte. */
const keptLists = 8;

/**
 * orderedArticleIds, made anew: the view, its filters and its order in SQL. Titles are ordered in
 * JavaScript only while their ranks cannot be written (the start-up check), once a title changed.
 */
function orderList(db: Db, request: ListRequest): OrderedIds {
  const grouping = request.groupBy === undefined ? undefined : groupingAttribute(db, request.groupBy);
  const titlesInMemory = request.sort === 'title' && !rankTitles(db, request.collation);
  const { sql, params, tagIds, filtered } = listQuery(db, request, titlesInMemory);
  let found = preparedStatement(db, sql).pluck().all(params) as number[];
  if (tagIds !== null) found = found.filter(taggedArticles(db, tagIds));
  const ids = titlesInMemory ? titleOrder(db, request.collation, found) : found;
  const inView = filtered ? (preparedStatement(db, viewCountSql(request.view)).pluck().get() as number) : ids.length;
  if (grouping === undefined) return { ids, inView };
  return { ...groupArticleIds(db, ids, grouping), inView };
}

type ListRequest = Omit<ArticlePageRequest, 'offset' | 'limit' | 'around'>;

/** How many articles a view holds, unfiltered (counted in its index). */
export function viewCountSql(view: ArticlePageRequest['view']): string {
  return `SELECT count(*) FROM article a WHERE ${viewWhere[view]}`;
}

/**
 * The query for the ids of a list, in its order (titles by their ranks, store/titleRanks; in none
 * with `titlesInMemory`: titleOrder sorts them), with its parameters, less the tag filter: the tag
 * and the tags nested under it, whose articles keepTagged keeps. `filtered` when the list keeps
 * fewer than its whole view.
 */
export function listQuery(
  db: Db,
  request: ListRequest,
  titlesInMemory = false,
): { sql: string; params: Record<string, string | number>; tagIds: number[] | null; filtered: boolean } {
  const query = foldTitle(request.query.trim());
  const tagIds = request.tag === '' ? null : tagAndNestedIds(db, request.tag);
  const where = [viewWhere[request.view]];
  if (query !== '') where.push(titleWhere);
  if (request.attribute) where.push(attributeWhere);
  const order = {
    date: ` ORDER BY ${dateOrder}`,
    opened: ` ORDER BY ${openedOrder}`,
    title: titlesInMemory ? '' : ` ORDER BY a.${titleRankColumn[request.collation]}`,
  }[request.sort];
  return {
    sql: `SELECT a.id FROM article a WHERE ${where.join(' AND ')}${order}`,
    params: {
      query,
      attributeId: request.attribute?.attributeId ?? 0,
      attributeValue: request.attribute?.value ?? '',
    },
    tagIds,
    filtered: where.length > 1 || tagIds !== null,
  };
}

/**
 * Whether an article is kept by a tag filter: it has a paragraph or highlight with one of the
 * tags. Kept while the tags' assignments are unchanged (taggedSets), so that another order, a
 * title typed or a write elsewhere under the same tag filter does not look its 62,500 highlights
 * up again (at 1,000,000 highlights, 40-70 ms of a list's 60-90). Marked in an array by id and
 * the list read through it: at 45,000 tagged articles SQL's IN built and probed a temporary
 * table of them, half as slow again.
 */
function taggedArticles(db: Db, tagIds: readonly number[]): (id: number) => boolean {
  const stamp = tagAssignmentStamp(db) ?? `library ${libraryStamp(db)}`;
  let kept = taggedSets.get(db);
  if (!kept || kept.stamp !== stamp) taggedSets.set(db, (kept = { stamp, sets: new Map() }));
  const key = JSON.stringify(tagIds);
  let marked = kept.sets.get(key);
  if (!marked) {
    marked = markedIds(preparedStatement(db, taggedArticlesSql).pluck().all({ tagIds: key }) as number[]);
    if (db.inTransaction) return marked;
    kept.sets.set(key, marked);
    if (kept.sets.size > keptLists) kept.sets.delete(kept.sets.keys().next().value!);
  }
  return marked;
}

/** Whether an id is among `marked`: a byte per id up to the largest (article ids are dense). */
function markedIds(marked: readonly number[]): (id: number) => boolean {
  let largest = 0;
  for (const id of marked) if (id > largest) largest = id;
  const bytes = new Uint8Array(largest + 1);
  for (const id of marked) bytes[id] = 1;
  return (id) => id <= largest && bytes[id] === 1;
}

/**
 * Which view an article is in: 0 the library, 1 archived, 2 the trash. Written as migration 0036's
 * list indexes write it, so that each view of each order is one range of an index.
 */
const listViewSql = 'iif(a.trashed_at IS NOT NULL, 2, a.archived_at IS NOT NULL)';
const viewWhere: Record<ArticlePageRequest['view'], string> = {
  library: `${listViewSql} = 0`,
  archived: `${listViewSql} = 1`,
  trash: `${listViewSql} = 2`,
};

/** Newest published first (undated last), then newest imported: the order the list always had (index article_list_by_date). */
const dateOrder = 'a.published_at IS NULL, a.published_at DESC, a.imported_at DESC, a.id DESC';
/** Last opened first (opening is recorded in main), never-opened ones after, by date (index article_list_by_opened). */
const openedOrder = `a.last_opened_at IS NULL, a.last_opened_at DESC, ${dateOrder}`;

/** The title filter: the folded title (store/titleFold) is in each order's index, so it is read from there. */
const titleWhere = 'instr(a.title_folded, @query) > 0';

/**
 * The articles of the paragraphs and highlights a tag filter's tags are on (a highlight's more
 * than once, as many as it has). A highlight's article is read from the small index
 * highlight_article_of: the highlight row is ten times its size, and at 1,000,000 highlights
 * reading one per tagged highlight took most of the time.
 */
export const taggedArticlesSql = `
  SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
    WHERE pt.tag_id IN (SELECT value FROM json_each(@tagIds))
  UNION ALL
  SELECT h.article_id FROM highlight_tag ht JOIN highlight h INDEXED BY highlight_article_of ON h.id = ht.highlight_id
    WHERE ht.tag_id IN (SELECT value FROM json_each(@tagIds))`;

/** Articles with the attribute's value. */
const attributeWhere = `a.id IN (${articlesWithValueSql})`;

/**
 * Every article in title order, per collation, made again when a title was added or changed
 * since (article_title_version, counted by migration 0036's triggers): a list is then this order
 * with the articles it does not keep left out, no sort. Only while the ranks kept in the library
 * cannot be brought up to date (store/titleRanks), in the order those give.
 */
interface TitleOrder {
  version: number;
  /** Article ids in title order. */
  ids: Int32Array;
}
const titleOrders = new WeakMap<Db, Map<TitleCollation, TitleOrder>>();

function titleOrder(db: Db, collation: TitleCollation, kept: readonly number[]): number[] {
  let perCollation = titleOrders.get(db);
  if (!perCollation) titleOrders.set(db, (perCollation = new Map<TitleCollation, TitleOrder>()));
  const version = preparedStatement(db, 'SELECT version FROM article_title_version').pluck().get() as number;
  let ordered = perCollation.get(collation);
  if (!ordered || ordered.version !== version) {
    const all = preparedStatement(db, 'SELECT id, title FROM article').raw().all() as Array<[number, string]>;
    all.sort(titleComparer(collation));
    ordered = { version, ids: Int32Array.from(all, ([id]) => id) };
    perCollation.set(collation, ordered);
  }
  // The kept ids read off in title order.
  const keep = markedIds(kept);
  const ids: number[] = [];
  for (const id of ordered.ids) if (keep(id)) ids.push(id);
  return ids;
}
