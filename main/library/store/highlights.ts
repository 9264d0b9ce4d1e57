import type { Highlight, HighlightColor } from '../../../preload/contract/annotationTypes';
import {
  highlightContextParts,
  paragraphTexts,
  storedPartSql,
  writtenOutPart,
  type ContextPart,
  type StoredPart,
} from './highlightContext';
import { madeBySql } from './madeHere';
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

/** The columns as stored: quote, prefix and suffix may be x'' ("as the text says"), written out by writtenOut; the maker read as its uid (store/madeHere). */
const columns = highlightRowColumns
  .map((c) => (c === 'quote' || c === 'prefix' || c === 'suffix' ? storedPartSql(c, 'h') : c === 'made_by' ? madeBySql('h') : `h.${c}`))
  .join(', ');

type StoredHighlightRow = Omit<HighlightRow, 'quote' | 'prefix' | 'suffix'> & Record<ContextPart, StoredPart>;

/** Rows as stored with their quote, prefix and suffix as written, reading each paragraph's text once (store/highlightContext). */
function writtenOut(db: Db, rows: readonly StoredHighlightRow[]): HighlightRow[] {
  const fromText = (r: StoredHighlightRow) => highlightContextParts.some((p) => typeof r[p] !== 'string');
  const ids = rows.flatMap((r) => (fromText(r) && r.paragraph_id !== null ? [r.paragraph_id] : []));
  const texts = ids.length === 0 ? new Map<number, string>() : paragraphTexts(db, ids);
  return rows.map((row) => {
    if (!fromText(row)) return row as HighlightRow;
    const text = row.paragraph_id === null ? undefined : texts.get(row.paragraph_id);
    const part = (p: ContextPart) => writtenOutPart(row[p], text, row.start_offset, row.end_offset, p);
    return { ...row, quote: part('quote'), prefix: part('prefix'), suffix: part('suffix') };
  });
}

/** An article's highlights in reading order, orphans last. Exported for the query-plan test. */
export const articleHighlightsSql = `SELECT ${columns} FROM highlight h LEFT JOIN paragraph p ON p.id = h.paragraph_id
  WHERE h.article_id = ? ORDER BY p.ord IS NULL, p.ord, h.start_offset, h.end_offset, h.id`;

/** The tags of every highlight of an article, in one query. Exported for the query-plan test. */
export const articleHighlightTagsSql = `SELECT ht.highlight_id AS owner, t.name FROM highlight h
  JOIN highlight_tag ht ON ht.highlight_id = h.id JOIN tag t ON t.id = ht.tag_id
  WHERE h.article_id = ? ORDER BY t.name`;

export function readArticleHighlights(db: Db, articleId: number): Highlight[] {
  const rows = writtenOut(db, db.prepare(articleHighlightsSql).all(articleId) as StoredHighlightRow[]);
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
  const rows = writtenOut(
    db,
    db.prepare(`SELECT ${columns} FROM highlight h WHERE h.id IN (SELECT value FROM json_each(?))`).all(json) as StoredHighlightRow[],
  );
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
  const row = db.prepare(`SELECT ${columns} FROM highlight h WHERE h.id = ?`).get(highlightId) as StoredHighlightRow | undefined;
  return row && writtenOut(db, [row])[0];
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
