import type { TaggedPassage } from '../../../preload/contract/annotationTypes';
import type { TaggedPassagePage } from '../../../preload/contract/taggedPassagePageTypes';
import { readHighlightsByIds } from './highlights';
import { libraryStamp } from './libraryStamp';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';
import { tagAndNestedIds } from './tags';

interface PassageRow {
  tag: string;
  article_id: number;
  article_title: string;
  archived: number;
  paragraph_id: number | null;
  ord: number | null;
  text: string | null;
  highlight_id: number | null;
  start_offset: number | null;
}

/**
 * The passages of the tags in @ids, keys only: tagged paragraphs and tagged highlights, each
 * once. min(name) names the passage by the shallowest matching tag: the one asked for when
 * attached directly. The trash is left out, as from every library-wide view; @inTrash asks for it alone.
 */
const passageKeys = `
  SELECT min(t.name) AS tag, p.article_id, p.id AS paragraph_id, p.ord, NULL AS highlight_id, NULL AS start_offset
  FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id
    JOIN paragraph p ON p.id = pt.paragraph_id JOIN article a ON a.id = p.article_id
  WHERE pt.tag_id IN (SELECT value FROM json_each(@ids)) AND (a.trashed_at IS NOT NULL) = @inTrash
  GROUP BY pt.paragraph_id
  UNION ALL
  SELECT min(t.name), h.article_id, p.id, p.ord, h.id, h.start_offset
  FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id
    JOIN highlight h ON h.id = ht.highlight_id JOIN article a ON a.id = h.article_id
    LEFT JOIN paragraph p ON p.id = h.paragraph_id
  WHERE ht.tag_id IN (SELECT value FROM json_each(@ids)) AND (a.trashed_at IS NOT NULL) = @inTrash
  GROUP BY ht.highlight_id`;

/** Article order, then paragraph order (orphans last), a whole-paragraph tag before the highlights in it, highlights by position. */
const passageOrder = (of: string) =>
  `${of}article_id, ${of}ord IS NULL, ${of}ord, ${of}highlight_id IS NOT NULL, coalesce(${of}start_offset, 0), coalesce(${of}highlight_id, 0)`;

/**
 * A window of the passages in the view's order: the order is taken on the keys alone, and
 * the text and title read for the window's rows only (a tag of 100,000 passages sorts keys,
 * not 100,000 paragraphs). `keys` is passageKeys, or passageKeysOfArticles for a page.
 */
const passageWindowOf = (keys: string) => `
  WITH passage AS (${keys}),
  chosen AS (SELECT * FROM passage ORDER BY ${passageOrder('')} LIMIT @limit OFFSET @offset)
  SELECT c.tag, c.article_id, a.title AS article_title, a.archived_at IS NOT NULL AS archived,
    c.paragraph_id, c.ord, p.text, c.highlight_id, c.start_offset
  FROM chosen c JOIN article a ON a.id = c.article_id LEFT JOIN paragraph p ON p.id = c.paragraph_id
  ORDER BY ${passageOrder('c.')}`;
const passageWindow = passageWindowOf(passageKeys);

/**
 * How many passages of the tags in @ids each article holds, in article order (the view's first
 * key), trash or not alike. Read from indexes only: a tagged highlight's article from
 * highlight_article_of, never its row. At 62,500 passages in a 1,000,000-highlight library,
 * reading each passage's highlight and paragraph rows to count them and to order them all took
 * seconds a page; this takes a scan of the tags' index rows.
 */
export const passagesPerArticle = `
  SELECT article_id, count(*) FROM (
    SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
      WHERE pt.tag_id IN (SELECT value FROM json_each(@ids)) GROUP BY pt.paragraph_id
    UNION ALL
    SELECT h.article_id FROM highlight_tag ht JOIN highlight h INDEXED BY highlight_article_of ON h.id = ht.highlight_id
      WHERE ht.tag_id IN (SELECT value FROM json_each(@ids)) GROUP BY ht.highlight_id)
  GROUP BY article_id ORDER BY article_id`;

/**
 * passageKeys for the articles in @articles only (those a page falls in), read from each
 * article's paragraphs and highlights: the rows of a page's articles, not of the whole tag.
 * CROSS JOIN keeps the article's rows outermost and the unary + reads each one's tags by its
 * own key, so the planner does not start from the tags' index (every passage of the tag again).
 */
const passageKeysOfArticles = `
  SELECT min(t.name) AS tag, p.article_id, p.id AS paragraph_id, p.ord, NULL AS highlight_id, NULL AS start_offset
  FROM paragraph p CROSS JOIN paragraph_tag pt ON pt.paragraph_id = p.id CROSS JOIN tag t ON t.id = pt.tag_id
  WHERE p.article_id IN (SELECT value FROM json_each(@articles)) AND +pt.tag_id IN (SELECT value FROM json_each(@ids))
  GROUP BY p.id
  UNION ALL
  SELECT min(t.name), h.article_id, p.id, p.ord, h.id, h.start_offset
  FROM highlight h CROSS JOIN highlight_tag ht ON ht.highlight_id = h.id CROSS JOIN tag t ON t.id = ht.tag_id
    LEFT JOIN paragraph p ON p.id = h.paragraph_id
  WHERE h.article_id IN (SELECT value FROM json_each(@articles)) AND +ht.tag_id IN (SELECT value FROM json_each(@ids))
  GROUP BY h.id`;
export const pageWindow = passageWindowOf(passageKeysOfArticles);

interface Where {
  inTrash: boolean;
}

/**
 * One page of the passages carrying `tagName` or a tag nested under it, with the exact count of
 * them all: the per-tag view asks for the pages near what it shows, as the library list does.
 * Articles come first in the view's order, so the count per article (passagesPerArticle) says
 * which articles a page falls in; only those articles' passages are then read and ordered.
 */
export function listTaggedPassagePage(
  db: Db,
  tagName: string,
  window: { offset: number; limit: number },
  where: Where = { inTrash: false },
): TaggedPassagePage {
  const tagIds = tagAndNestedIds(db, tagName);
  if (tagIds.length === 0) return { total: 0, offset: window.offset, rows: [] };
  const ids = JSON.stringify(tagIds);
  const trashed = new Set(preparedStatement(db, 'SELECT id FROM article WHERE trashed_at IS NOT NULL').pluck().all() as number[]);
  const perArticle = passageCounts(db, ids);
  let total = 0;
  let before = 0;
  const articles: number[] = [];
  for (const [articleId, count] of perArticle) {
    if (trashed.has(articleId) !== where.inTrash) continue;
    // The articles with passages in [offset, offset + limit), and how many passages come before the first.
    if (total + count > window.offset && total < window.offset + window.limit) {
      if (articles.length === 0) before = total;
      articles.push(articleId);
    }
    total += count;
  }
  if (articles.length === 0) return { total, offset: window.offset, rows: [] };
  const rows = preparedStatement(db, pageWindow).all({
    ids,
    articles: JSON.stringify(articles),
    limit: window.limit,
    offset: window.offset - before,
  }) as PassageRow[];
  return { total, offset: window.offset, rows: passagesOf(db, rows) };
}

/**
 * passagesPerArticle for the tags in `ids`, kept for the next page of the same tag while the
 * library is unchanged (store/articlePage's stamp): a scroll down the view asks page after page,
 * and each then reads one or two articles' rows, not the tag's 62,500 index rows again.
 */
function passageCounts(db: Db, ids: string): Array<[number, number]> {
  const stamp = libraryStamp(db);
  const kept = keptCounts.get(db);
  if (kept && kept.stamp === stamp && kept.ids === ids) return kept.counts;
  const counts = preparedStatement(db, passagesPerArticle).raw().all({ ids }) as Array<[number, number]>;
  keptCounts.set(db, { stamp, ids, counts });
  return counts;
}
/** One tag's counts per connection: the view shows one tag at a time. */
const keptCounts = new WeakMap<Db, { stamp: string; ids: string; counts: Array<[number, number]> }>();

/**
 * Every passage carrying `tagName` or a tag nested under it, across the library, in the
 * per-tag view's order (for exports; the view itself reads pages).
 */
export function listTaggedPassages(db: Db, tagName: string, where: Where = { inTrash: false }): TaggedPassage[] {
  const tagIds = tagAndNestedIds(db, tagName);
  if (tagIds.length === 0) return [];
  const params = { ids: JSON.stringify(tagIds), inTrash: where.inTrash ? 1 : 0, limit: -1, offset: 0 };
  return passagesOf(db, db.prepare(passageWindow).all(params) as PassageRow[]);
}

function passagesOf(db: Db, rows: readonly PassageRow[]): TaggedPassage[] {
  const highlights = readHighlightsByIds(
    db,
    rows.flatMap((r) => (r.highlight_id === null ? [] : [r.highlight_id])),
  );
  return rows.map((r) => ({
    tag: r.tag,
    articleId: r.article_id,
    articleTitle: r.article_title,
    articleArchived: r.archived === 1,
    paragraphId: r.paragraph_id,
    paragraphOrder: r.ord,
    paragraphText: r.text,
    highlight: r.highlight_id === null ? null : (highlights.get(r.highlight_id) ?? null),
  }));
}
