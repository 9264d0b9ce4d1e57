import type { DamagedText } from '../../../preload/contract/libraryDamage';
import { LibraryError } from '../libraryError';
import type { Db } from './openDatabase';

/**
 * Names a row whose checksum does not match (which article, which paragraph) from the rows
 * around it. `id` is the article's id for `article`, the paragraph's for `paragraph` and `note`.
 */
export function describeDamage(db: Db, kind: DamagedText['kind'], id: number): DamagedText {
  const place =
    kind === 'article'
      ? (db.prepare('SELECT id AS article_id, title, NULL AS ord FROM article WHERE id = ?').get(id) as
          Place | undefined)
      : (db
          .prepare(
            'SELECT p.article_id, a.title, p.ord FROM paragraph p LEFT JOIN article a ON a.id = p.article_id WHERE p.id = ?',
          )
          .get(id) as Place | undefined);
  const articleId = place?.article_id ?? (kind === 'article' ? id : null);
  const title = typeof place?.title === 'string' ? place.title : null;
  const order = typeof place?.ord === 'number' ? place.ord : null;
  const inArticle = `article ${articleId ?? '?'}${title === null ? '' : ` "${title}"`}`;
  const what =
    kind === 'article'
      ? `The raw text or details of ${inArticle}`
      : kind === 'paragraph'
        ? `The text of paragraph ${order === null ? `id ${id}` : order + 1} of ${inArticle}`
        : `The note on paragraph ${order === null ? `id ${id}` : order + 1} of ${inArticle}`;
  return {
    kind,
    articleId,
    articleTitle: title,
    paragraphId: kind === 'article' ? null : id,
    paragraphOrder: order,
    description: `${what} no longer matches its checksum: it was changed outside Pizhu (a disk or copy error).`,
  };
}

interface Place {
  article_id: number | null;
  title: unknown;
  ord: unknown;
}

/** The error a read throws instead of returning changed text: the app offers a backup that holds it intact. */
export function contentCorrupt(db: Db, kind: DamagedText['kind'], id: number): LibraryError {
  const damage = describeDamage(db, kind, id);
  return new LibraryError(
    'content-corrupt',
    `${damage.description} It is not shown; run "pizhu verify" and restore a backup that holds it intact.`,
    JSON.stringify({ kind, articleId: damage.articleId, paragraphId: damage.paragraphId }),
  );
}

/** An article whose paragraphs, read in order, are not the count it records (0..count-1): one went missing. */
export function describeMissingParagraphs(db: Db, articleId: number, expected: number, found: number): DamagedText {
  const damage = describeDamage(db, 'article', articleId);
  const title = damage.articleTitle === null ? '' : ` "${damage.articleTitle}"`;
  return {
    ...damage,
    description: `Article ${articleId}${title} should have ${expected} paragraphs in order, but ${found} were found: the library was changed outside Pizhu (a disk or copy error).`,
  };
}

export function paragraphsMissing(db: Db, articleId: number, expected: number, found: number): LibraryError {
  const damage = describeMissingParagraphs(db, articleId, expected, found);
  return new LibraryError(
    'content-corrupt',
    `${damage.description} It is not shown; run "pizhu verify" and restore a backup that holds it intact.`,
    JSON.stringify({ kind: 'article', articleId, paragraphId: null }),
  );
}
