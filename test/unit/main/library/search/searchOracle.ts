import type { SearchHit } from '../../../../../preload/contract/api';
import { foldToSimplified } from '../../../../../preload/common/foldScript';
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

/** The rowids the index itself returns for an expression, straight from SQL. */
export function indexRowids(db: Db, match: string): number[] {
  return (db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid').all(match) as Array<{
    rowid: number;
  }>).map((r) => r.rowid);
}
