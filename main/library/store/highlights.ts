import type { Highlight, HighlightColor } from '../../../preload/contract/annotationTypes';
import { highlightColumnsSql } from './highlightContext';
import type { Db } from './openDatabase';
import { groupTagNames, type OwnedTagName } from './tags';

/** A highlight row as stored. */
export interface HighlightRow {
  id: number;
  article_id: number;
  paragraph_id: number | null;
  start_offset: number | null;
  end_offset: number | null;
  quote: string;
  prefix: string;
  suffix: string;
  /** Only ever written from the validated HighlightColor of a request or a backup. */
  color: HighlightColor;
  /** '' when the highlight has no comment. */
  comment: string;
  group_id: string | null;
  created_at: string;
  updated_at: string;
  /** The member who made it (migration 0029); '' when nobody recorded it. */
  made_by: string;
}

/** Every column of a HighlightRow. */
export const highlightRowColumns = [
  'id',
  'article_id',
  'paragraph_id',
  'start_offset',
  'end_offset',
  'quote',
  'prefix',
  'suffix',
  'color',
  'comment',
  'group_id',
  'created_at',
  'updated_at',
  'made_by',
] as const satisfies ReadonlyArray<keyof HighlightRow>;

/** Quote, prefix and suffix as written (stored as "as the text says" where the text says them: store/highlightContext). */
const columns = highlightColumnsSql(highlightRowColumns, 'h');

/** An article's highlights in reading order, orphans last. Exported for the query-plan test. */
export const articleHighlightsSql = `SELECT ${columns} FROM highlight h LEFT JOIN paragraph p ON p.id = h.paragraph_id
  WHERE h.article_id = ? ORDER BY p.ord IS NULL, p.ord, h.start_offset, h.end_offset, h.id`;

/** The tags of every highlight of an article, in one query. Exported for the query-plan test. */
export const articleHighlightTagsSql = `SELECT ht.highlight_id AS owner, t.name FROM highlight h
  JOIN highlight_tag ht ON ht.highlight_id = h.id JOIN tag t ON t.id = ht.tag_id
  WHERE h.article_id = ? ORDER BY t.name`;

export function readArticleHighlights(db: Db, articleId: number): Highlight[] {
  const rows = db.prepare(articleHighlightsSql).all(articleId) as HighlightRow[];
  if (rows.length === 0) return [];
  const tags = groupTagNames(db.prepare(articleHighlightTagsSql).all(articleId) as OwnedTagName[]);
  return rows.map((row) => toHighlight(row, tags.get(row.id) ?? []));
}

export function readHighlight(db: Db, highlightId: number): Highlight | undefined {
  return readHighlightsByIds(db, [highlightId]).get(highlightId);
}

/** Highlights by id, with their tags, in two queries whatever the count. */
export function readHighlightsByIds(db: Db, ids: readonly number[]): Map<number, Highlight> {
  const result = new Map<number, Highlight>();
  if (ids.length === 0) return result;
  const json = JSON.stringify(ids);
  const rows = db
    .prepare(`SELECT ${columns} FROM highlight h WHERE h.id IN (SELECT value FROM json_each(?))`)
    .all(json) as HighlightRow[];
  const tags = groupTagNames(
    db
      .prepare(
        `SELECT ht.highlight_id AS owner, t.name FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id
         WHERE ht.highlight_id IN (SELECT value FROM json_each(?)) ORDER BY t.name`,
      )
      .all(json) as OwnedTagName[],
  );
  for (const row of rows) result.set(row.id, toHighlight(row, tags.get(row.id) ?? []));
  return result;
}

/** The row of one highlight, or undefined. */
export function readHighlightRow(db: Db, highlightId: number): HighlightRow | undefined {
  return db.prepare(`SELECT ${columns} FROM highlight h WHERE h.id = ?`).get(highlightId) as HighlightRow | undefined;
}

export function toHighlight(row: HighlightRow, tags: string[]): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    paragraphId: row.paragraph_id,
    start: row.start_offset,
    end: row.end_offset,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    color: row.color,
    comment: row.comment,
    groupId: row.group_id,
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    madeBy: row.made_by,
  };
}
