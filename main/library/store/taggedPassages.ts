import type { TaggedPassage } from '../../../preload/contract/annotationTypes';
import { readHighlightsByIds } from './highlights';
import type { Db } from './openDatabase';
import { canonicalTagName, findTagFolded, tagSubtree } from './tags';

interface PassageRow {
  tag: string;
  article_id: number;
  article_title: string;
  archived: number;
  paragraph_id: number | null;
  ord: number | null;
  text: string | null;
  highlight_id: number | null;
  start_offset: number | null;
}

/**
 * Every passage carrying `tagName` or a tag nested under it, across the library: tagged
 * paragraphs and tagged highlights, each once, in article order then paragraph order (a
 * whole-paragraph tag before the highlights in it, highlights by position, orphans last).
 * The trash is left out, as from every library-wide view; `inTrash` asks for the trash alone.
 */
export function listTaggedPassages(
  db: Db,
  tagName: string,
  where: { inTrash: boolean } = { inTrash: false },
): TaggedPassage[] {
  // The tag as stored, whatever the case or script it is asked for in (技術 lists 技术's passages).
  const tagIds = tagSubtree(db, canonicalTagName(db, tagName, undefined, findTagFolded)).map((t) => t.id);
  if (tagIds.length === 0) return [];
  const ids = JSON.stringify(tagIds);
  // min(name) names the passage by the shallowest matching tag: the one asked for when attached directly.
  const rows = db
    .prepare(
      `SELECT min(t.name) AS tag, p.article_id, a.title AS article_title, a.archived_at IS NOT NULL AS archived,
         p.id AS paragraph_id, p.ord, p.text, NULL AS highlight_id, NULL AS start_offset
       FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id
         JOIN paragraph p ON p.id = pt.paragraph_id JOIN article a ON a.id = p.article_id
       WHERE pt.tag_id IN (SELECT value FROM json_each(@ids)) AND (a.trashed_at IS NOT NULL) = @inTrash
       GROUP BY pt.paragraph_id
       UNION ALL
       SELECT min(t.name) AS tag, h.article_id, a.title, a.archived_at IS NOT NULL, p.id, p.ord, p.text, h.id,
         h.start_offset
       FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id
         JOIN highlight h ON h.id = ht.highlight_id JOIN article a ON a.id = h.article_id
         LEFT JOIN paragraph p ON p.id = h.paragraph_id
       WHERE ht.tag_id IN (SELECT value FROM json_each(@ids)) AND (a.trashed_at IS NOT NULL) = @inTrash
       GROUP BY ht.highlight_id`,
    )
    .all({ ids, inTrash: where.inTrash ? 1 : 0 }) as PassageRow[];
  rows.sort(
    (a, b) =>
      a.article_id - b.article_id ||
      orderOrLast(a.ord) - orderOrLast(b.ord) ||
      (a.highlight_id === null ? -1 : 0) - (b.highlight_id === null ? -1 : 0) ||
      (a.start_offset ?? 0) - (b.start_offset ?? 0) ||
      (a.highlight_id ?? 0) - (b.highlight_id ?? 0),
  );
  const highlights = readHighlightsByIds(
    db,
    rows.flatMap((r) => (r.highlight_id === null ? [] : [r.highlight_id])),
  );
  return rows.map((r) => ({
    tag: r.tag,
    articleId: r.article_id,
    articleTitle: r.article_title,
    articleArchived: r.archived === 1,
    paragraphId: r.paragraph_id,
    paragraphOrder: r.ord,
    paragraphText: r.text,
    highlight: r.highlight_id === null ? null : (highlights.get(r.highlight_id) ?? null),
  }));
}

function orderOrLast(ord: number | null): number {
  return ord ?? Number.MAX_SAFE_INTEGER;
}
