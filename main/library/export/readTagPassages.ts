import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { listTaggedPassages } from '../store/taggedPassages';
import { groupTagNames, tagSubtree, type OwnedTagName } from '../store/tags';
import type { ArticleAnnotations, ExportParagraph } from './exportData';
import { noteStateMarkdown } from './noteStateMarkdown';
import { toArticle, type ArticleRow, type NoteRow } from './readArticleAnnotations';

/**
 * The passages of a tag and the tags nested under it, as the per-tag view lists them (article
 * then paragraph order), grouped by article and paragraph for a codebook report. A paragraph
 * carries only the highlights that matched, its own tags and its note.
 */
export function readTagPassages(db: Db, tag: string): ArticleAnnotations[] {
  if (tagSubtree(db, tag).length === 0)
    throw new LibraryError('not-found', `There is no tag "${tag}" in the library.`, tag);
  const passages = listTaggedPassages(db, tag);
  const articleIds = JSON.stringify([...new Set(passages.map((p) => p.articleId))]);
  const paragraphIds = JSON.stringify([
    ...new Set(passages.flatMap((p) => (p.paragraphId === null ? [] : [p.paragraphId]))),
  ]);
  const articleRows = db
    .prepare(
      `SELECT id, title, subtitle, source, author, published_at, url, script FROM article
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(articleIds) as ArticleRow[];
  const paragraphTags = groupTagNames(
    db
      .prepare(
        `SELECT pt.paragraph_id AS owner, t.name FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id
         WHERE pt.paragraph_id IN (SELECT value FROM json_each(?)) ORDER BY t.name`,
      )
      .all(paragraphIds) as OwnedTagName[],
  );
  const notes = new Map(
    (
      db
        .prepare(
          `SELECT paragraph_id AS owner, editor_state AS editorState, plain_text AS plainText, markdown FROM note
           WHERE paragraph_id IN (SELECT value FROM json_each(?))`,
        )
        .all(paragraphIds) as NoteRow[]
    ).map((n) => [n.owner, noteStateMarkdown(n)]),
  );

  const articles = new Map(articleRows.map((row) => [row.id, toArticle(row)]));
  const result: ArticleAnnotations[] = [];
  const paragraphs = new Map<number, ExportParagraph>();
  for (const passage of passages) {
    const article = articles.get(passage.articleId);
    if (!article) continue;
    let group = result[result.length - 1];
    if (group?.article.id !== article.id) {
      group = { article, paragraphs: [], orphans: [] };
      result.push(group);
    }
    const h = passage.highlight;
    const highlight = h && {
      id: h.id,
      start: h.start,
      end: h.end,
      quote: h.quote,
      tags: h.tags,
    };
    if (passage.paragraphId === null || passage.paragraphOrder === null || passage.paragraphText === null) {
      if (highlight) group.orphans.push(highlight);
      continue;
    }
    let paragraph = paragraphs.get(passage.paragraphId);
    if (!paragraph) {
      paragraph = {
        id: passage.paragraphId,
        articleId: article.id,
        order: passage.paragraphOrder,
        text: passage.paragraphText,
        tags: paragraphTags.get(passage.paragraphId) ?? [],
        note: notes.get(passage.paragraphId) ?? null,
        highlights: [],
        whole: false,
      };
      paragraphs.set(paragraph.id, paragraph);
      group.paragraphs.push(paragraph);
    }
    if (highlight) paragraph.highlights.push(highlight);
    else paragraph.whole = true;
  }
  return result;
}
