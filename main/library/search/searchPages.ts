import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { writingTempOnly } from '../store/deferredQuickCheck';
import { columnOf } from '../store/migrations/0004-search-index-without-sizes';
import type { ParsedQuery, QueryClause } from './parseQuery';
import { literalFormOf } from './literalForm';
import { candidateExpression, candidatesAreMatches, phraseTermsArgument, type PhraseToken } from './phraseCheck';
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
  /**
   * Strings (SQL expressions of the page's parameters) that, all found in a row's text, prove
   * that the row holds its phrases and characters (checkedLiterals): SQLite's instr finds them in
   * the text where it stands (0.4 µs a row), the checks in JavaScript needing it made into a
   * string first (2 µs). Undefined when there are none to check.
   */
  literals?: string[];
  /**
   * A lone character's form in the other script (literalForm's `other`: 晉 for 晋), found by
   * instr beside @characterTerms: it proves the same, and a text in that script otherwise took
   * the check in JavaScript for every row.
   */
  otherCharacter?: string;
  filters: RowFilters;
}

/**
 * A tier of the order: paragraph text and notes, comments, or flagged paragraphs (and hidden
 * ones, when asked for). Comments have negative rowids; paragraphs and notes, positive ones.
 */
type TierKind = 'text' | 'comments' | 'flagged';

interface Tier {
  kind: TierKind;
  columns: string[];
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

/** At most this many literals tested by instr, each reading the row's text again. */
const maxLiterals = 2;

/**
 * The literals of the clauses a row is checked for (phrases and one-character terms; a word's
 * candidates are its matches), as SQL expressions of the page's parameters: one a clause, from a
 * clause of one form written side by side in characters that fold to themselves (literalForm),
 * whose plain form a row then holds. A phrase's is in its form in @phraseTerms
 * (phraseTermsArgument), a lone character is @characterTerms itself. Undefined when a checked
 * clause has none, or there are more than maxLiterals.
 */
function checkedLiterals(others: readonly QueryClause[], characters: readonly QueryClause[]): string[] | undefined {
  const literals: string[] = [];
  for (const [k, clause] of others.entries()) {
    if (candidatesAreMatches([clause])) continue;
    const [form, ...more] = clause.forms;
    if (!form || more.length > 0 || literalFormOf(form) === undefined) return undefined;
    literals.push(`json_extract(@phraseTerms, '$[${k}][0].literal')`);
  }
  if (characters.length > 0) {
    const [form, ...more] = characters.length === 1 ? characters[0]!.forms : [];
    if (!form || more.length > 0 || literalFormOf(form) === undefined) return undefined;
    literals.push('@characterTerms');
  }
  return literals.length === 0 || literals.length > maxLiterals ? undefined : literals;
}

/**
 * `indexByRow`: whether the library's search index is migration 0035's (isIndexByRow), as every
 * migrated library's is; `phraseToken`: the token a phrase's candidates are looked up by
 * (rarestToken), else all of its tokens.
 */
export function planSearch(
  parsed: ParsedQuery,
  filters: RowFilters,
  indexByRow = true,
  phraseToken?: PhraseToken,
): SearchPlan {
  const characters = parsed.clauses.filter(isCharacterClause);
  const others = parsed.clauses.filter((c) => !isCharacterClause(c));
  const characterTerms = characters.map(characterTerm).join(' AND ');
  if (others.length === 0) return { table: 'search_characters', terms: characterTerms, filters };
  const literals = indexByRow ? checkedLiterals(others, characters) : undefined;
  const otherCharacter = literals?.includes('@characterTerms') ? literalFormOf(characters[0]!.forms[0]!)?.other : undefined;
  return {
    ...(literals === undefined ? {} : { literals }),
    ...(otherCharacter === undefined ? {} : { otherCharacter }),
    table: 'search_index',
    ...(indexByRow
      ? {
          terms: candidateExpression(others, phraseToken),
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
    { kind: 'text', columns: text },
    ...(filters.paragraphsOnly ? [] : [{ kind: 'comments' as const, columns: ['note'] }]),
    { kind: 'flagged', columns: flagged },
  ];
}

/** The text an index row was made from: a paragraph's (rowid 2p), its note's (2p + 1), a highlight's comment (-id). */
const rowText = `CASE WHEN f.rowid < 0 THEN (SELECT h.comment FROM highlight h WHERE h.id = -f.rowid)
      WHEN f.rowid % 2 = 1 THEN (SELECT n.plain_text FROM note n WHERE n.paragraph_id = f.rowid / 2)
      ELSE (SELECT p.text FROM paragraph p WHERE p.id = f.rowid / 2) END`;

/**
 * The tag filter of a tier (prepareTagFilter's rows). The tagged rows carry what the index's
 * column tokens say (migration 0035), so a tagged page asks the index for its terms alone: a
 * column token ANDed or NOTed in the index costs a step through its rows for every candidate
 * (題線 under a tag: 1,000 candidates, three quarters of a millisecond in the tokens), a lookup
 * in a small table of this connection a fraction of that. A count keeps the columns in the index.
 */
function tagCondition(tier: TierKind | 'count' | 'paragraphs', includeHidden: boolean): string {
  // Unary + keeps the planner from driving the index by the tagged rows, one MATCH per row.
  const tagged = '+f.rowid IN temp.search_tagged_rows';
  if (tier === 'paragraphs') {
    const flagged = includeHidden ? 'search_tagged_flagged' : 'search_tagged_weak';
    return `${tagged} AND (+f.rowid NOT IN temp.search_tagged_flagged OR +f.rowid IN temp.${flagged})`;
  }
  if (tier === 'text') return `${tagged} AND +f.rowid NOT IN temp.search_tagged_flagged`;
  if (tier === 'flagged') return `+f.rowid IN temp.${includeHidden ? 'search_tagged_flagged' : 'search_tagged_weak'}`;
  return tagged;
}

/**
 * The row conditions besides the match: the tag filter, the phrases and the character terms. A
 * page checks a row's characters in its text, read by primary key and checked as the character
 * index was filled from it (pizhu_holds_characters): a lookup in the character index, an FTS
 * query per row, cost 8 µs a row, its text a third of that. A count reads the character's rows
 * once instead (one lookup per row of a common word was seconds). The tag comes first: SQLite
 * tests the terms of a WHERE in the order written, and a row's text is read for tagged rows only.
 */
function conditions(plan: SearchPlan, tier: TierKind | 'count' | 'paragraphs'): string {
  const counting = tier === 'count';
  let sql = '';
  if (plan.filters.tagIds !== undefined) sql += ` AND ${tagCondition(tier, plan.filters.includeHidden === true)}`;
  const checks: string[] = [];
  // Phrases in an index without positions (migration 0035): each candidate checked in its text, a count too.
  if (plan.phraseTerms !== undefined) checks.push(`${holdsTermsFunction}(${rowText}, @phraseTerms)`);
  if (plan.characters !== undefined) {
    if (counting)
      sql += ' AND +f.rowid IN (SELECT c.rowid FROM search_characters c WHERE search_characters MATCH @characters)';
    else checks.push(`${holdsCharactersFunction}(${rowText}, @characterTerms)`);
  }
  if (checks.length === 0) return sql;
  // A row whose text holds the literals holds the checks: the functions only for the others (a
  // text in another script, a phrase written apart), with the same answer as without the literals.
  // A count too, but not of a character term (its literal is the page's @characterTerms; a count
  // reads the character index instead): at 100,000 articles the count of 背包精神 called the
  // phrase check for each of its 77,871 candidates, 1.2 s.
  const found = (literal: string) =>
    literal === '@characterTerms' && plan.otherCharacter !== undefined
      ? `(instr(${rowText}, ${literal}) > 0 OR instr(${rowText}, @otherCharacter) > 0)`
      : `instr(${rowText}, ${literal}) > 0`;
  const proven = counting && plan.characters !== undefined ? [] : (plan.literals ?? []).map(found);
  return proven.length === 0
    ? `${sql} AND ${checks.join(' AND ')}`
    : `${sql} AND (${proven.join(' AND ')} OR ${checks.join(' AND ')})`;
}

/**
 * The SQL of one tier's rows, in its order, up to @limit: `comments` true for the comments,
 * false for paragraph text and notes, 'flagged' for flagged (and hidden) paragraphs. Exported for the query-plan test.
 */
export function tierPageSql(plan: SearchPlan, comments: boolean | 'flagged'): string {
  const t = plan.table;
  const tier: TierKind = comments === true ? 'comments' : comments === false ? 'text' : 'flagged';
  return `SELECT f.rowid AS rowid FROM ${t} f WHERE ${t} MATCH @match AND f.rowid ${comments === true ? '< 0' : '>= 0'}${conditions(plan, tier)}
    ORDER BY f.rowid${comments === true ? ' DESC' : ''} LIMIT @limit`;
}

/**
 * Whether any comment holds the terms, whatever the other conditions: comments come last in
 * rowid order and first in the index's (negative rowids), so this reads a row or two, where the
 * tier's own statement, in descending order, walks back through every row of its terms (the
 * index cannot seek backwards past its positive rows: 0.3 ms for 文链, a library without any
 * comment). Exported for the query-plan test.
 */
export function anyCommentSql(plan: SearchPlan): string {
  const t = plan.table;
  return `SELECT f.rowid FROM ${t} f WHERE ${t} MATCH @match AND f.rowid < 0 ORDER BY f.rowid LIMIT 1`;
}

/** The SQL of the exact count of matching rows. Exported for the query-plan test. */
export function countSql(plan: SearchPlan): string {
  const t = plan.table;
  return `SELECT count(*) AS n FROM ${t} f WHERE ${t} MATCH @match${conditions(plan, 'count')}`;
}

/** Every column of the index by row: its expression then holds no column token. */
const everyColumn = ['heading', 'body', 'weak', 'hidden', 'note'];

/**
 * The match of a tier (`tier` undefined for a count). In an index by row (migrations 0032 and
 * 0035) the column tokens are left out where something else says the column: a negative rowid
 * is a comment's, and the tagged rows carry their column (tagCondition).
 */
function tierMatch(db: Db, plan: SearchPlan, columns: string[], tier?: TierKind): string {
  const byRow = plan.table === 'search_characters' ? isIndexByRow(db, 'search_characters') : plan.indexByRow === true;
  if (!byRow) return matchExpression(plan.terms, plan.filters, columns);
  const columnsSaid = tier === 'comments' || (tier !== undefined && plan.filters.tagIds !== undefined);
  const marker = plan.table === 'search_characters' ? '' : searchIndexMarker;
  // Notes are no paragraphs (paragraphsOnly): they are left out in the index, as is the column of no row.
  const said =
    plan.filters.paragraphsOnly === true && tier !== 'comments' ? everyColumn.filter((c) => c !== 'note') : everyColumn;
  return characterMatchExpression(plan.terms, plan.filters, columnsSaid ? said : columns, marker);
}

function params(db: Db, plan: SearchPlan, columns: string[], tier?: TierKind): Record<string, string> {
  const counting = tier === undefined;
  const rows = isIndexByRow(db, 'search_characters');
  const allowed = allowedColumns(plan.filters);
  return {
    match: tierMatch(db, plan, columns, tier),
    ...(plan.phraseTerms === undefined ? {} : { phraseTerms: plan.phraseTerms }),
    ...(plan.characters === undefined
      ? {}
      : counting
        ? {
            characters: rows
              ? characterRowsExpression(plan.characters, allowed)
              : `{${allowed.join(' ')}} : (${plan.characters})`,
          }
        : {
            characterTerms: plan.characterTerms ?? '',
            ...(plan.otherCharacter === undefined ? {} : { otherCharacter: plan.otherCharacter }),
          }),
  };
}

/**
 * A tagged page's text and flagged tiers in one reading of the index (rowids >= 0, in rowid
 * order), each row saying whether it is flagged: the text tier ends where the page is full, and
 * when it is not, the flagged rows read on the way are the flagged tier's first (a rare term
 * under a tag read every candidate twice, once per tier). Exported for the query-plan test.
 */
export function taggedParagraphsPassSql(plan: SearchPlan): string {
  const t = plan.table;
  return `SELECT f.rowid AS rowid, +f.rowid IN temp.search_tagged_flagged AS flagged FROM ${t} f
    WHERE ${t} MATCH @match AND f.rowid >= 0${conditions(plan, 'paragraphs')} ORDER BY f.rowid`;
}

/** The tagged pass's text rows up to `wanted`, and its flagged rows up to `wanted` (all of them read when the text is short). */
function taggedParagraphRows(db: Db, plan: SearchPlan, wanted: number): { text: number[]; flagged: number[] } {
  const text: number[] = [];
  const flagged: number[] = [];
  const statement = preparedStatement(db, taggedParagraphsPassSql(plan)).raw(true);
  for (const [rowid, isFlagged] of statement.iterate(
    params(db, plan, tiers(plan.filters)[0]!.columns, 'text'),
  ) as Iterable<[number, number]>) {
    if (isFlagged === 0) {
      text.push(rowid);
      if (text.length >= wanted) break;
    } else if (flagged.length < wanted) flagged.push(rowid);
  }
  return { text, flagged };
}

/** tierPageSql's name of each tier. */
const tierArgument = { text: false, comments: true, flagged: 'flagged' } as const;

/** Rows `offset` to `offset + count` in the order above: reads at most offset + count rows of each tier. */
export function pageRowids(db: Db, plan: SearchPlan, offset: number, count: number): number[] {
  const wanted = offset + count;
  const rows: number[] = [];
  const byRow = plan.table === 'search_characters' ? isIndexByRow(db, 'search_characters') : plan.indexByRow === true;
  const tagged = plan.filters.tagIds !== undefined && byRow ? taggedParagraphRows(db, plan, wanted) : undefined;
  for (const tier of tiers(plan.filters)) {
    if (rows.length >= wanted) break;
    if (tagged !== undefined && tier.kind !== 'comments') {
      rows.push(...(tier.kind === 'text' ? tagged.text : tagged.flagged.slice(0, wanted - rows.length)));
      continue;
    }
    const values = params(db, plan, tier.columns, tier.kind);
    if (
      tier.kind === 'comments' &&
      preparedStatement(db, anyCommentSql(plan)).get({ match: values.match }) === undefined
    )
      continue;
    const statement = preparedStatement(db, tierPageSql(plan, tierArgument[tier.kind])).pluck();
    rows.push(...(statement.all({ ...values, limit: wanted - rows.length }) as number[]));
  }
  return rows.slice(offset);
}

/** How many rows match in all: reads every match (asked for after the first page, not with it). */
export function countMatches(db: Db, plan: SearchPlan): number {
  return preparedStatement(db, countSql(plan))
    .pluck()
    .get(params(db, plan, allowedColumns(plan.filters))) as number;
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
 * The index rows a tag filter lets through, in temporary tables of this connection: the rows
 * of the paragraphs carrying a tag of `tagIds` (on the paragraph or a highlight in it), their
 * notes and their highlights' comments (search_tagged_rows); of those paragraphs, the ones the
 * index files as flagged or hidden (search_tagged_flagged) and as flagged only
 * (search_tagged_weak), by the index's own rule (columnOf, migrations 0004 and 0035). Built once
 * and kept until the library changes (any write on this connection, or a commit by another): it
 * took 15 ms for a tag on 6,000 paragraphs, which a person typing a query with the tag filter
 * set paid at every keystroke.
 */
export function prepareTagFilter(db: Db, tagIds: readonly number[]): void {
  if (taggedRows.get(db) === tagFilterKey(db, tagIds)) return;
  // TEMP only: answered while the start-up check holds the library read-only.
  writingTempOnly(db, () =>
    db.transaction(() => {
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS search_tagged_rows (rowid INTEGER PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS search_tagged_flagged (rowid INTEGER PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS search_tagged_weak (rowid INTEGER PRIMARY KEY);
        DELETE FROM temp.search_tagged_rows;
        DELETE FROM temp.search_tagged_flagged;
        DELETE FROM temp.search_tagged_weak;`);
      db.prepare(
        `WITH tagged(p) AS (${taggedParagraphsSql})
      INSERT OR IGNORE INTO temp.search_tagged_rows (rowid)
        SELECT p * 2 FROM tagged UNION ALL SELECT p * 2 + 1 FROM tagged
        UNION ALL SELECT -h.id FROM highlight h WHERE h.comment <> '' AND h.paragraph_id IN (SELECT p FROM tagged)`,
      ).run({ tagIds: JSON.stringify(tagIds) });
      db.exec(`INSERT INTO temp.search_tagged_flagged (rowid)
          SELECT t.rowid FROM temp.search_tagged_rows t JOIN paragraph r ON r.id = t.rowid / 2
          WHERE t.rowid >= 0 AND t.rowid % 2 = 0 AND (${columnOf('r')}) IN ('weak', 'hidden');
        INSERT INTO temp.search_tagged_weak (rowid)
          SELECT t.rowid FROM temp.search_tagged_flagged t JOIN paragraph r ON r.id = t.rowid / 2
          WHERE (${columnOf('r')}) = 'weak';`);
    })(),
  );
  taggedRows.set(db, tagFilterKey(db, tagIds));
}
