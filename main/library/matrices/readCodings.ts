import type { Db } from '../store/openDatabase';
import { canonicalTagName, findTagFolded, tagSubtree } from '../store/tags';
import { LibraryError } from '../libraryError';

/** One code on one paragraph: through a highlight in it (`segment` names the highlight) or on the paragraph whole. */
export interface Coding {
  tagId: number;
  articleId: number;
  paragraphId: number;
  order: number;
  /** The highlight, one key for every paragraph of a highlight over several (its group); null for a paragraph coded whole. */
  segment: string | null;
}

export interface CodedLibrary {
  /** The tags the matrix shows, by name: every tag, or the one asked for and those nested under it. */
  tags: Array<{ id: number; name: string }>;
  codings: Coding[];
}

/**
 * Every coding of the tags a matrix shows, in articles not in the trash: one query for the
 * highlights' tags, one for the paragraphs'. Each tag counts its own codings (a parent does not
 * add its children's), so a tag and one nested under it can be compared.
 */
export function readCodings(db: Db, tag?: string, only?: (tag: { id: number; name: string }) => boolean): CodedLibrary {
  const { tags, codingsSql, params } = codingQuery(db, tag, only);
  return { tags, codings: db.prepare(codingsSql).all(params) as Coding[] };
}

/** The tags a matrix shows and one query of their codings (columns as Coding's), to read or to count in SQL. */
export function codingQuery(
  db: Db,
  tag?: string,
  /** The tags whose codings are read (all the matrix shows without it): one cell's codes. */
  only?: (tag: { id: number; name: string }) => boolean,
): { tags: Array<{ id: number; name: string }>; codingsSql: string; which: string; params: Record<string, string> } {
  let tags: Array<{ id: number; name: string }>;
  if (tag === undefined || tag.trim() === '') {
    tags = db.prepare('SELECT id, name FROM tag ORDER BY name').all() as Array<{ id: number; name: string }>;
  } else {
    const name = canonicalTagName(db, tag.trim(), undefined, findTagFolded);
    tags = tagSubtree(db, name).map((t) => ({ id: t.id, name: t.name }));
    if (tags.length === 0) throw new LibraryError('not-found', `There is no tag "${tag.trim()}".`, tag);
    tags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const ids = JSON.stringify((only ? tags.filter(only) : tags).map((t) => t.id));
  // Every tag: no filter to test on each row.
  const which = (tag === undefined || tag.trim() === '') && !only ? '' : 'AND tag_id IN (SELECT value FROM json_each(@ids))';
  const codingsSql = `SELECT ht.tag_id AS tagId, p.article_id AS articleId, h.paragraph_id AS paragraphId, p.ord AS "order",
              coalesce('g' || h.group_id, 'h' || h.id) AS segment
         FROM highlight_tag ht
         JOIN highlight h ON h.id = ht.highlight_id
         JOIN paragraph p ON p.id = h.paragraph_id
         JOIN article a ON a.id = p.article_id
        WHERE a.trashed_at IS NULL ${which.replace('tag_id', 'ht.tag_id')}
      UNION ALL
       SELECT pt.tag_id AS tagId, p.article_id AS articleId, p.id AS paragraphId, p.ord AS "order", NULL AS segment
         FROM paragraph_tag pt
         JOIN paragraph p ON p.id = pt.paragraph_id
         JOIN article a ON a.id = p.article_id
        WHERE a.trashed_at IS NULL ${which.replace('tag_id', 'pt.tag_id')}`;
  return { tags, codingsSql, which, params: which ? { ids } : {} };
}
