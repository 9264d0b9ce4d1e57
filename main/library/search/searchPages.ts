import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { writingTempOnly } from '../store/deferredQuickCheck';
import type { ParsedQuery, QueryClause } from './parseQuery';
import { candidateExpression, candidatesAreMatches, phraseTermsArgument } from './phraseCheck';
import { characterTermsArgument, holdsCharactersFunction, holdsTermsFunction } from './searchFunctions';
import {
  allowedColumns,
  characterMatchExpression,
  characterRowsExpression,
  isIndexByRow,
  matchExpression,
  searchIndexMarker,
  taggedParagraphsSql,
  type RowFilters,
} from './searchQuery';

/**
 * A search that costs by the page, not by the matches (issue #16). FTS5 reads a term's rows in
 * rowid order and stops at a LIMIT, so a page in rowid order costs its own rows, however common
 * the term; ranking every match (bm25, until migration 0018) cost all of them: 公安 matched
 * 67,000 paragraphs of the bench library, 的 112,000.
 *
 * The order, stable from page to page:
 *  1. paragraph text (titles and headings included) and notes, in library order: article by
 *     article as they were added, paragraphs in reading order, a note just after its paragraph;
 *  2. comments on highlights, the oldest first;
 *  3. paragraphs flagged keyword-stuffed or duplicate, then hidden boilerplate when asked for,
 *     in library order.
 * (The index rowids say which: 2p for a paragraph, 2p + 1 for its note, -id for a highlight's
 * comment; the columns say flagged or hidden: migrations 0002, 0004, 0008.)
 *
 * The search index has no positions (migration 0035): its rows for a phrase are candidates,
 * each checked in its own text in the same statement (phraseCheck), so a page still stops at
 * its LIMIT.
 *
 * A one-character term is looked up in the character index (migration 0018), where it is one
 * token; with other terms, those drive the search index and a page checks the character in each
 * row's own text, as the character index was filled from it; a count reads the character index.
 */

export interface SearchPlan {
  table: 'search_index' | 'search_characters';
  /** The terms `table` is matched against, without columns or article. */
  terms: string;
  /** The search index is by row (migration 0035): `terms` are candidates, columns are tokens. */
  indexByRow?: boolean;
  /** The phrases checked in each candidate's text when the candidates are not exact, as pizhu_holds_terms takes them (phraseCheck). */
  phraseTerms?: string;
  /** One-character terms checked for each row, when other terms drive the search index: as the character index's expression, */
  characters?: string;
  /** and as pizhu_holds_characters takes them (searchFunctions). */
  characterTerms?: string;
  filters: RowFilters;
}

interface Tier {
  columns: string[];
  /** Comments have negative rowids; paragraphs and notes, positive ones. */
  comments: boolean;
}

/** A term every form of which is one CJK character (a prefix in the search index, a token in the character index). */
function isCharacterClause(clause: QueryClause): boolean {
  return clause.forms.every((f) => f.tokens.length === 1 && f.prefix && f.unless === undefined);
}

/** Tokens never contain `"` or spaces (searchTokens), so quoting them needs no escaping. */
function characterTerm(clause: QueryClause): string {
  const forms = [...new Set(clause.forms.map((f) => `"${f.tokens[0] ?? ''}"`))];
  return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
}

/** `indexByRow`: whether the library's search index is migration 0035's (isIndexByRow), as every migrated library's is. */
export function planSearch(parsed: ParsedQuery, filters: RowFilters, indexByRow = true): SearchPlan {
  const characters = parsed.clauses.filter(isCharacterClause);
  const others = parsed.clauses.filter((c) => !isCharacterClause(c));
  const characterTerms = characters.map(characterTerm).join(' AND ');
  if (others.length === 0) return { table: 'search_characters', terms: characterTerms, filters };
  return {
    table: 'search_index',
    ...(indexByRow
      ? {
          terms: candidateExpression(others),
          indexByRow,
          ...(candidatesAreMatches(others) ? {} : { phraseTerms: phraseTermsArgument(others) }),
        }
      : { terms: others.map((c) => c.match).join(' AND ') }),
    ...(characters.length > 0
      ? {
          characters: characterTerms,
          characterTerms: characterTermsArgument(characters.map((c) => c.forms.map((f) => f.tokens[0] ?? ''))),
        }
      : {}),
    filters,
  };
}

function tiers(filters: RowFilters): Tier[] {
  const text = ['heading', 'body', ...(filters.paragraphsOnly ? [] : ['note'])];
  const flagged = ['weak', ...(filters.includeHidden ? ['hidden'] : [])];
  return [
    { columns: text, comments: false },
    ...(filters.paragraphsOnly ? [] : [{ columns: ['note'], comments: true }]),
    { columns: flagged, comments: false },
  ];
}

/** The text an index row was made from: a paragraph's (rowid 2p), its note's (2p + 1), a highlight's comment (-id). */
const rowText = `CASE WHEN f.rowid < 0 THEN (SELECT h.comment FROM highlight h WHERE h.id = -f.rowid)
      WHEN f.rowid % 2 = 1 THEN (SELECT n.plain_text FROM note n WHERE n.paragraph_id = f.rowid / 2)
      ELSE (SELECT p.text FROM paragraph p WHERE p.id = f.rowid / 2) END`;

/**
 * The row conditions besides the match: the character terms and the tag filter (prepareTagFilter's
 * rows). A page checks a row's characters in its text, read by primary key and checked as the
 * character index was filled from it (pizhu_holds_characters): a lookup in the character index,
 * an FTS query per row, cost 8 µs a row, its text a third of that. A count reads the character's
 * rows once instead (one lookup per row of a common word was seconds). SQLite checks the tag
 * filter before either, a subquery per row coming last.
 */
function conditions(plan: SearchPlan, counting: boolean): string {
  let sql = '';
  // Phrases in an index without positions (migration 0035): each candidate checked in its text, a count too.
  if (plan.phraseTerms !== undefined) sql += ` AND ${holdsTermsFunction}(${rowText}, @phraseTerms)`;
  if (plan.characters !== undefined) {
    sql += counting
      ? ' AND +f.rowid IN (SELECT c.rowid FROM search_characters c WHERE search_characters MATCH @characters)'
      : ` AND ${holdsCharactersFunction}(${rowText}, @characterTerms)`;
  }
  // Unary + keeps the planner from driving the index by the tagged rows, one MATCH per row.
  if (plan.filters.tagIds !== undefined) sql += ' AND +f.rowid IN temp.search_tagged_rows';
  return sql;
}

/** The SQL of one tier's rows, in its order, up to @limit. Exported for the query-plan test. */
export function tierPageSql(plan: SearchPlan, comments: boolean): string {
  const t = plan.table;
  return `SELECT f.rowid AS rowid FROM ${t} f WHERE ${t} MATCH @match AND f.rowid ${comments ? '< 0' : '>= 0'}${conditions(plan, false)}
    ORDER BY f.rowid${comments ? ' DESC' : ''} LIMIT @limit`;
}

/** The SQL of the exact count of matching rows. Exported for the query-plan test. */
export function countSql(plan: SearchPlan): string {
  const t = plan.table;
  return `SELECT count(*) AS n FROM ${t} f WHERE ${t} MATCH @match${conditions(plan, true)}`;
}

function params(db: Db, plan: SearchPlan, columns: string[], counting: boolean): Record<string, string> {
  const rows = isIndexByRow(db, 'search_characters');
  const allowed = allowedColumns(plan.filters);
  return {
    match:
      plan.table === 'search_characters'
        ? rows
          ? characterMatchExpression(plan.terms, plan.filters, columns)
          : matchExpression(plan.terms, plan.filters, columns)
        : plan.indexByRow === true
          ? characterMatchExpression(plan.terms, plan.filters, columns, searchIndexMarker)
          : matchExpression(plan.terms, plan.filters, columns),
    ...(plan.phraseTerms === undefined ? {} : { phraseTerms: plan.phraseTerms }),
    ...(plan.characters === undefined
      ? {}
      : counting
        ? { characters: rows ? characterRowsExpression(plan.characters, allowed) : `{${allowed.join(' ')}} : (${plan.characters})` }
        : { characterTerms: plan.characterTerms ?? '' }),
  };
}

/** Rows `offset` to `offset + count` in the order above: reads at most offset + count rows of each tier. */
export function pageRowids(db: Db, plan: SearchPlan, offset: number, count: number): number[] {
  const wanted = offset + count;
  const rows: number[] = [];
  for (const tier of tiers(plan.filters)) {
    if (rows.length >= wanted) break;
    const statement = preparedStatement(db, tierPageSql(plan, tier.comments)).pluck();
    rows.push(...(statement.all({ ...params(db, plan, tier.columns, false), limit: wanted - rows.length }) as number[]));
  }
  return rows.slice(offset);
}

/** How many rows match in all: reads every match (asked for after the first page, not with it). */
export function countMatches(db: Db, plan: SearchPlan): number {
  return preparedStatement(db, countSql(plan))
    .pluck()
    .get(params(db, plan, allowedColumns(plan.filters), true)) as number;
}

const taggedRows = new WeakMap<Db, string>();

/**
 * The library as this connection sees it: a commit by another connection changes data_version,
 * a write on this one total_changes. Compiled once (db.pragma compiles its statement at every call).
 */
export function libraryState(db: Db): string {
  const version = preparedStatement(db, 'PRAGMA data_version').pluck().get() as number;
  const changes = preparedStatement(db, 'SELECT total_changes()').pluck().get() as number;
  return `${version}|${changes}`;
}

/** What the tagged rows were built from: the tags, and the library as this connection last saw it. */
function tagFilterKey(db: Db, tagIds: readonly number[]): string {
  return `${tagIds.join(',')}|${libraryState(db)}`;
}

/**
 * The index rows a tag filter lets through, in a temporary table of this connection: the rows
 * of the paragraphs carrying a tag of `tagIds` (on the paragraph or a highlight in it), their
 * notes and their highlights' comments. Built once and kept until the library changes (any
 * write on this connection, or a commit by another): it took 15 ms for a tag on 6,000
 * paragraphs, which a person typing a query with the tag filter set paid at every keystroke.
 */
export function prepareTagFilter(db: Db, tagIds: readonly number[]): void {
  if (taggedRows.get(db) === tagFilterKey(db, tagIds)) return;
  // TEMP only: answered while the start-up check holds the library read-only.
  writingTempOnly(db, () =>
    db.transaction(() => {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS search_tagged_rows (rowid INTEGER PRIMARY KEY)');
      db.exec('DELETE FROM temp.search_tagged_rows');
      db.prepare(
        `WITH tagged(p) AS (${taggedParagraphsSql})
      INSERT OR IGNORE INTO temp.search_tagged_rows (rowid)
        SELECT p * 2 FROM tagged UNION ALL SELECT p * 2 + 1 FROM tagged
        UNION ALL SELECT -h.id FROM highlight h WHERE h.comment <> '' AND h.paragraph_id IN (SELECT p FROM tagged)`,
      ).run({ tagIds: JSON.stringify(tagIds) });
    })(),
  );
  taggedRows.set(db, tagFilterKey(db, tagIds));
}
