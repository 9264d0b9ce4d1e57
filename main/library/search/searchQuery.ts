import type { ParagraphKind } from '../../../preload/contract/articleTypes';
import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import type { ParsedQuery, QueryClause } from './parseQuery';
import { candidateExpression, candidatesAreMatches, holdsTerms, phraseTermsArgument } from './phraseCheck';

/**
 * The SQL of a search. The index holds what hiding and the article filter need (see migrations
 * 0002 and 0004), so a search reads the paragraph table only for the page it returns; the page
 * itself is searchPages'. Auto-coding reads every match (allMatchingParagraphs).
 */

/** Which rows a search may return, besides matching the query. */
export interface RowFilters {
  articleId?: number;
  /** Ids of the tag asked for and of every tag nested under it. */
  tagIds?: readonly number[];
  /** Boilerplate paragraphs too (hidden in the reader); notes are never hidden. */
  includeHidden?: boolean;
  /** Paragraph text only, no notes: auto-coding codes the article text. */
  paragraphsOnly?: boolean;
  /** Articles in the trash: never found, nor auto-coded (left out inside the index, by their article token). */
  excludeArticleIds?: readonly number[];
}

/** A hit's paragraph; its article's fields are hitArticles'. */
export interface HitParagraph {
  id: number;
  article_id: number;
  ord: number;
  kind: ParagraphKind;
  text: string;
  /** Its note's plain text, read when a note's row (2p + 1) is among the hits; null otherwise. */
  note: string | null;
}

export interface ParagraphText {
  id: number;
  article_id: number;
  text: string;
}

/** The text columns the filters allow (migration 0002). */
export function allowedColumns(filters: RowFilters): string[] {
  const columns = ['heading', 'body', 'weak'];
  if (filters.includeHidden) columns.push('hidden');
  if (!filters.paragraphsOnly) columns.push('note');
  return columns;
}

/**
 * The FTS5 expression: the terms ANDed, in the columns the filters allow (or those given), and
 * the article's token when there is an article filter (an AND inside the index: fast however
 * common the terms). The search index and the character index (migration 0018) share columns.
 */
export function matchExpression(terms: string, filters: RowFilters, columns = allowedColumns(filters)): string {
  const expression = `{${columns.join(' ')}} : (${terms})`;
  const chosen = filters.articleId === undefined ? expression : `article : "a${filters.articleId}" AND ${expression}`;
  const trashed = filters.excludeArticleIds ?? [];
  return trashed.length === 0 ? chosen : `(${chosen}) NOT article : (${trashed.map((id) => `"a${id}"`).join(' OR ')})`;
}

/** The columns of a row the character index marks with a token (migration 0032); heading and body rows carry none. */
const markedColumns = ['weak', 'hidden', 'note'];

/**
 * The character index's rows of `columns` that hold `terms` (migration 0032: no columns there,
 * a row's column is a token of its own). Rows of the text columns are those not marked with a
 * column left out; otherwise, those marked with a column asked for. Heading and body go together.
 */
export function characterRowsExpression(terms: string, columns: readonly string[], marker = ''): string {
  const quoted = (names: readonly string[]) => names.map((c) => `"${marker}${c}"`).join(' OR ');
  if (columns.includes('heading') !== columns.includes('body')) {
    throw new Error('the character index files heading and body rows together');
  }
  if (columns.includes('body')) {
    const left = markedColumns.filter((c) => !columns.includes(c));
    return left.length === 0 ? `(${terms})` : `(${terms}) NOT (${quoted(left)})`;
  }
  return `(${terms}) AND (${quoted(markedColumns.filter((c) => columns.includes(c)))})`;
}

/**
 * matchExpression for the character index (migration 0032): the article filter and the trash by
 * the article token. The search index by row (migration 0035) has the same tokens after
 * `marker` (searchIndexMarker), as its text has words that could be "note" or "a12".
 */
export function characterMatchExpression(
  terms: string,
  filters: RowFilters,
  columns = allowedColumns(filters),
  marker = '',
): string {
  const expression = characterRowsExpression(terms, columns, marker);
  const chosen = filters.articleId === undefined ? expression : `"${marker}a${filters.articleId}" AND (${expression})`;
  const trashed = filters.excludeArticleIds ?? [];
  return trashed.length === 0 ? chosen : `(${chosen}) NOT (${trashed.map((id) => `"${marker}a${id}"`).join(' OR ')})`;
}

/** What the column and article tokens of the search index by row start with (migration 0035). */
export const searchIndexMarker = '§';

const indexByRow = new WeakMap<Db, Map<string, boolean>>();

/**
 * Whether `table` (search_index or search_characters) keeps rows without columns or positions
 * (migrations 0032 and 0035: FTS5 detail=none) or has its older columns. An app's library is
 * always migrated before it is searched; the migration tests search a library turned back into
 * an older schema to compare before and after. Asked once per connection and table.
 */
export function isIndexByRow(db: Db, table: 'search_index' | 'search_characters'): boolean {
  let tables = indexByRow.get(db);
  if (tables === undefined) {
    tables = new Map();
    indexByRow.set(db, tables);
  }
  let known = tables.get(table);
  if (known === undefined) {
    const sql = preparedStatement(db, 'SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table);
    known = typeof sql === 'string' && /detail\s*=\s*none/.test(sql);
    tables.set(table, known);
  }
  return known;
}

/**
 * The search index's expression for `clauses` within `filters` (and `columns`): their phrases in
 * the columns (migration 0024), or in the index by row, the candidates (search/phraseCheck) with
 * the column tokens, and the phrases to check in each candidate's text when they are not exact.
 */
export function searchIndexMatch(
  db: Db,
  clauses: readonly QueryClause[],
  filters: RowFilters,
  columns = allowedColumns(filters),
): { match: string; phraseTerms?: string } {
  if (!isIndexByRow(db, 'search_index')) {
    return { match: matchExpression(clauses.map((c) => c.match).join(' AND '), filters, columns) };
  }
  const match = characterMatchExpression(candidateExpression(clauses), filters, columns, searchIndexMarker);
  return candidatesAreMatches(clauses) ? { match } : { match, phraseTerms: phraseTermsArgument(clauses) };
}

/**
 * The paragraphs a tag filter keeps (search, auto-coding, an analysis subset): those carrying a
 * tag of the JSON list @tagIds, on the paragraph itself or on a highlight in it.
 */
export const taggedParagraphsSql = `SELECT pt.paragraph_id FROM paragraph_tag pt WHERE pt.tag_id IN (SELECT value FROM json_each(@tagIds))
      UNION
      SELECT h.paragraph_id FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id
        WHERE ht.tag_id IN (SELECT value FROM json_each(@tagIds)) AND h.paragraph_id IS NOT NULL`;

/**
 * A comment's row is -(highlight id) (migration 0008); its paragraph is the highlight's.
 * Matching rows, as a FROM ... WHERE clause over `f` (the index). A tag filter checks each
 * match against the set of tagged paragraphs (built once), before any match is ranked.
 */
function matchingRows(filters: RowFilters): string {
  const tagged =
    filters.tagIds === undefined
      ? ''
      : ` AND CASE WHEN f.rowid >= 0 THEN f.rowid / 2 ELSE (SELECT h.paragraph_id FROM highlight h WHERE h.id = -f.rowid) END IN (
      ${taggedParagraphsSql})`;
  return `FROM search_index f WHERE search_index MATCH @match${tagged}`;
}

function params(match: string, filters: RowFilters): Record<string, string | number> {
  const values: Record<string, string | number> = { match };
  if (filters.tagIds !== undefined) values.tagIds = JSON.stringify(filters.tagIds);
  return values;
}

/** The paragraphs behind a page of rowids, columns read by position (hitParagraphs). Exported for the query-plan test. */
export const hitParagraphsSql = `SELECT p.id, p.article_id, p.ord, p.kind, p.text
  FROM paragraph p WHERE p.id IN (SELECT value FROM json_each(?))`;

/** The notes behind a page's note rows (2p + 1), by paragraph id. Exported for the query-plan test. */
export const hitNotesSql = `SELECT n.paragraph_id, n.plain_text FROM note n WHERE n.paragraph_id IN (SELECT value FROM json_each(?))`;

export interface HitComment {
  id: number;
  paragraph_id: number;
  comment: string;
}

/** The commented highlights behind a page's negative rowids (migration 0008). Exported for the query-plan test. */
export const hitCommentsSql = `SELECT h.id, h.paragraph_id, h.comment FROM highlight h
  WHERE h.id IN (SELECT value FROM json_each(?)) AND h.paragraph_id IS NOT NULL`;

export function hitComments(db: Db, rowids: readonly number[]): Map<number, HitComment> {
  const ids = rowids.filter((r) => r < 0).map((r) => -r);
  if (ids.length === 0) return new Map();
  const rows = preparedStatement(db, hitCommentsSql).all(JSON.stringify(ids)) as HitComment[];
  return new Map(rows.map((r) => [r.id, r]));
}

type HitParagraphRow = [number, number, number, ParagraphKind, string];

/**
 * `rowids` are paragraph (2p) and note (2p+1) rows; negative (comment) rows are ignored. Read as
 * arrays and made into objects here: better-sqlite3's row objects, named key by key, took a
 * third of the reading. A paragraph's note is read only for a note's row (`note` null
 * otherwise): joining every hit to the note table was a fifth of the reading, for pages that
 * are nearly all paragraphs.
 */
export function hitParagraphs(db: Db, rowids: readonly number[]): Map<number, HitParagraph> {
  const ids = new Set<number>();
  const noteIds: number[] = [];
  for (const r of rowids) {
    if (r < 0) continue;
    ids.add(Math.floor(r / 2));
    if (r % 2 === 1) noteIds.push(Math.floor(r / 2));
  }
  const rows = preparedStatement(db, hitParagraphsSql)
    .raw(true)
    .all(JSON.stringify([...ids])) as HitParagraphRow[];
  const notes =
    noteIds.length === 0
      ? undefined
      : new Map(preparedStatement(db, hitNotesSql).raw(true).all(JSON.stringify(noteIds)) as Array<[number, string]>);
  const paragraphs = new Map<number, HitParagraph>();
  for (const [id, articleId, ord, kind, text] of rows) {
    paragraphs.set(id, { id, article_id: articleId, ord, kind, text, note: notes?.get(id) ?? null });
  }
  return paragraphs;
}

/** Every matching paragraph with its text, in article then paragraph order. Exported for the query-plan test. */
export function matchingParagraphsSql(filters: RowFilters): string {
  return `SELECT p.id, p.article_id, p.text FROM (SELECT f.rowid AS rowid ${matchingRows(filters)}) m
    JOIN paragraph p ON p.id = m.rowid / 2
    ORDER BY p.article_id, p.ord`;
}

/**
 * What auto-coding codes (call with paragraphsOnly filters: text rows, no notes). In the index by
 * row (migration 0035) its rows are candidates, each checked in the text it returns anyway.
 */
export function allMatchingParagraphs(db: Db, parsed: ParsedQuery, filters: RowFilters): ParagraphText[] {
  const { match, phraseTerms } = searchIndexMatch(db, parsed.clauses, filters);
  const rows = db.prepare(matchingParagraphsSql(filters)).all(params(match, filters)) as ParagraphText[];
  if (phraseTerms === undefined) return rows;
  const clauses = parsed.clauses.map((c) => c.forms);
  return rows.filter((r) => holdsTerms(r.text, clauses));
}
