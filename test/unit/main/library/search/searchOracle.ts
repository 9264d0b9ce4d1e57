import type { SearchHit } from '../../../../../preload/contract/api';
import { foldToSimplified } from '../../../../../preload/common/foldScript';
import type { QueryClause } from '../../../../../main/library/search/parseQuery';
import { candidateExpression, candidatesAreMatches, holdsTerms } from '../../../../../main/library/search/phraseCheck';
import type { Db } from '../../../../../main/library/store/openDatabase';

/** A hit as a comparable key. */
export const hitKey = (h: Pick<SearchHit, 'kind' | 'paragraphId'>) => `${h.kind}:${h.paragraphId}`;

interface Row {
  id: number;
  article_id: number;
  kind: string;
  text: string;
  note: string | null;
}

/**
 * What a search should find, worked out the slow and obvious way: every paragraph text and
 * note whose folded form contains every one of `terms` (folded), as substrings. Only for
 * terms of CJK characters with no punctuation, where substring and token matching agree.
 */
export function bruteForce(
  db: Db,
  terms: readonly string[],
  options: { includeHidden?: boolean; articleId?: number } = {},
): Set<string> {
  const rows = db
    .prepare(
      'SELECT p.id, p.article_id, p.kind, p.text, n.plain_text AS note FROM paragraph p LEFT JOIN note n ON n.paragraph_id = p.id',
    )
    .all() as Row[];
  const folded = terms.map(foldToSimplified);
  const has = (text: string) => folded.every((t) => foldToSimplified(text).includes(t));
  const keys = new Set<string>();
  for (const row of rows) {
    if (options.articleId !== undefined && row.article_id !== options.articleId) continue;
    if ((options.includeHidden || row.kind !== 'boilerplate') && has(row.text)) keys.add(`paragraph:${row.id}`);
    if (row.note !== null && has(row.note)) keys.add(`note:${row.id}`);
  }
  return keys;
}

/**
 * The rowids the index itself returns for a query's terms, straight from SQL: its candidates
 * (migration 0035: each term's tokens, without positions), less those whose text (a paragraph's,
 * 2p, or a note's, 2p + 1) does not hold the phrases, checked as a page checks them.
 */
export function indexRowids(db: Db, clauses: readonly QueryClause[]): number[] {
  const candidates = db
    .prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid')
    .pluck()
    .all(candidateExpression(clauses)) as number[];
  if (candidatesAreMatches(clauses)) return candidates;
  const paragraph = db.prepare('SELECT text FROM paragraph WHERE id = ?').pluck();
  const note = db.prepare('SELECT plain_text FROM note WHERE paragraph_id = ?').pluck();
  const forms = clauses.map((c) => c.forms);
  return candidates.filter((r) => {
    const text = (r % 2 === 1 ? note : paragraph).get(Math.floor(r / 2)) as string | undefined;
    return text !== undefined && holdsTerms(text, forms);
  });
}
