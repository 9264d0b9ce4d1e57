import type { MemoSearchHit } from '../../../preload/contract/memoTypes';
import { findMatches } from '../search/findMatches';
import type { ParsedQuery } from '../search/parseQuery';
import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';

interface MemoHitRow {
  id: number;
  article_id: number | null;
  title: string | null;
  created_at: string;
  plain_text: string;
}

/**
 * The memos whose text every term of the query matches, with the same token comparison the
 * index makes (script-insensitive, regional forms included): article memos in library order,
 * then journal entries newest first. Memos are the person's own writing, a few per article, so
 * they are read and compared here rather than indexed; a memo on an article in the trash is
 * left out as the article's text is. `articleId` keeps that article's memo only.
 */
export function searchMemos(db: Db, parsed: ParsedQuery, articleId?: number): MemoSearchHit[] {
  const rows = preparedStatement(
    db,
    `SELECT m.id, m.article_id, a.title, m.created_at, m.plain_text
         FROM memo m LEFT JOIN article a ON a.id = m.article_id
        WHERE (m.article_id IS NULL OR a.trashed_at IS NULL)
          AND (@article IS NULL OR m.article_id = @article)
        ORDER BY m.article_id IS NULL, m.article_id, m.created_at DESC, m.id DESC`,
  ).all({ article: articleId ?? null }) as MemoHitRow[];
  const hits: MemoSearchHit[] = [];
  for (const row of rows) {
    if (!parsed.clauses.every((clause) => findMatches(row.plain_text, clause.forms).length > 0)) continue;
    hits.push({
      memoId: row.id,
      articleId: row.article_id,
      articleTitle: row.title,
      createdAt: row.created_at,
      text: row.plain_text,
      matches: findMatches(row.plain_text, parsed.terms),
    });
  }
  return hits;
}
