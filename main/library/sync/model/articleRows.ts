import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';

/*
 * An article's local ids by its uid and back, and its paragraphs by position: asked at every
 * annotation write, every projected document and every imported article, so the statements are
 * kept per connection (preparedStatement), each setting pluck at every use as that helper asks.
 */

export function articleIdOfUid(db: Db, uid: string): number | undefined {
  const id: unknown = preparedStatement(db, 'SELECT id FROM article WHERE uid = ?').pluck(true).get(uid);
  return typeof id === 'number' ? id : undefined;
}

export function uidOfArticle(db: Db, articleId: number): string | undefined {
  const uid: unknown = preparedStatement(db, 'SELECT uid FROM article WHERE id = ?').pluck(true).get(articleId);
  return typeof uid === 'string' ? uid : undefined;
}

/** The article's paragraph ids by their position (ord), the key the documents use. */
export function paragraphIdsByOrd(db: Db, articleId: number): Map<number, number> {
  const rows = preparedStatement(db, 'SELECT ord, id FROM paragraph WHERE article_id = ?')
    .pluck(false)
    .all(articleId) as Array<{ ord: number; id: number }>;
  return new Map(rows.map((p) => [p.ord, p.id]));
}
