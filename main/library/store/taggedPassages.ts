import type { TaggedPassage } from '../../../preload/contract/annotationTypes';
import type { TaggedPassagePage } from '../../../preload/contract/taggedPassagePageTypes';
import { readHighlightsByIds } from './highlights';
import type { Db } from './openDatabase';
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
 * not 100,000 paragraphs).
 */
const passageWindow = `
  WITH passage AS (${passageKeys}),
  chosen AS (SELECT * FROM passage ORDER BY ${passageOrder('')} LIMIT @limit OFFSET @offset)
  SELECT c.tag, c.article_id, a.title AS article_title, a.archived_at IS NOT NULL AS archived,
    c.paragraph_id, c.ord, p.text, c.highlight_id, c.start_offset
  FROM chosen c JOIN article a ON a.id = c.article_id LEFT JOIN paragraph p ON p.id = c.paragraph_id
  ORDER BY ${passageOrder('c.')}`;

interface Where {
  inTrash: boolean;
}

/**
 * One page of the passages carrying `tagName` or a tag nested under it, with the exact count of
 * them all: the per-tag view asks for the pages near what it shows, as the library list does.
 */
export function listTaggedPassagePage(
  db: Db,
  tagName: string,
  window: { offset: number; limit: number },
  where: Where = { inTrash: false },
): TaggedPassagePage {
  const tagIds = tagAndNestedIds(db, tagName);
  if (tagIds.length === 0) return { total: 0, offset: window.offset, rows: [] };
  const params = { ids: JSON.stringify(tagIds), inTrash: where.inTrash ? 1 : 0 };
  const total = db.prepare(`SELECT count(*) FROM (${passageKeys})`).pluck().get(params) as number;
  const rows = db.prepare(passageWindow).all({ ...params, limit: window.limit, offset: window.offset }) as PassageRow[];
  return { total, offset: window.offset, rows: passagesOf(db, rows) };
}

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
