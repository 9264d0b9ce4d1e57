import { isSourceRegion } from '../../../preload/common/conversionTable';
import type { Db } from '../store/openDatabase';
import { groupTagNames, type OwnedTagName } from '../store/tags';
import type { ArticleAnnotations, ExportArticle, ExportHighlight, ExportParagraph } from './exportData';
import { noteStateMarkdown } from './noteStateMarkdown';

interface ArticleRow {
  id: number;
  title: string;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  script: ExportArticle['script'];
  region: string | null;
}

interface ParagraphRow {
  id: number;
  article_id: number;
  ord: number;
  text: string;
}

interface HighlightRow {
  id: number;
  article_id: number;
  paragraph_id: number | null;
  start_offset: number | null;
  end_offset: number | null;
  quote: string;
  comment: string;
  group_id: string | null;
  prefix?: string;
  suffix?: string;
  created_at?: string;
  updated_at?: string;
}

/**
 * Articles in the library list's order: newest first, undated last. Each query comes in two
 * forms: library-wide ones read each table once, one-article ones go through its indexes.
 */
function queries(one: boolean, detail: boolean, fullText = false) {
  const where = (filter: string) => (one ? `WHERE ${filter}` : '');
  // The full text: every body paragraph as well as the annotated ones (of any kind).
  const orBody = fullText ? "p.kind = 'body' OR " : '';
  return {
    // A library-wide export leaves the trash out (its paragraphs and highlights find no article and drop).
    articles: `SELECT id, title, subtitle, source, author, published_at, url, script,
      coalesce(region_corrected, region_detected) AS region FROM article
      ${one ? 'WHERE id = @id' : 'WHERE trashed_at IS NULL'} ORDER BY published_at IS NULL, published_at DESC, id`,
    paragraphs: one
      ? `SELECT p.id, p.article_id, p.ord, p.text FROM paragraph p WHERE p.article_id = @id AND (${orBody}
          EXISTS (SELECT 1 FROM highlight h WHERE h.paragraph_id = p.id)
          OR EXISTS (SELECT 1 FROM paragraph_tag pt WHERE pt.paragraph_id = p.id)
          OR EXISTS (SELECT 1 FROM note n WHERE n.paragraph_id = p.id))
        ORDER BY p.ord`
      : `SELECT id, article_id, ord, text FROM paragraph p WHERE ${orBody}id IN (
          SELECT paragraph_id FROM highlight WHERE paragraph_id IS NOT NULL
          UNION SELECT paragraph_id FROM paragraph_tag UNION SELECT paragraph_id FROM note)
        ORDER BY article_id, ord`,
    highlights: `SELECT id, article_id, paragraph_id, start_offset, end_offset, quote, comment, group_id
      ${detail ? ', prefix, suffix, created_at, updated_at' : ''} FROM highlight
      ${where('article_id = @id')} ORDER BY start_offset, end_offset, id`,
    highlightTags: `SELECT ht.highlight_id AS owner, t.name FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id
      ${where('ht.highlight_id IN (SELECT id FROM highlight WHERE article_id = @id)')} ORDER BY t.name`,
    paragraphTags: `SELECT pt.paragraph_id AS owner, t.name FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id
      ${where('pt.paragraph_id IN (SELECT id FROM paragraph WHERE article_id = @id)')} ORDER BY t.name`,
    notes: `SELECT n.paragraph_id AS owner, n.editor_state AS editorState, n.plain_text AS plainText, n.markdown FROM note n
      ${where('n.paragraph_id IN (SELECT id FROM paragraph WHERE article_id = @id)')}`,
  };
}

/** A note's stored forms, for noteStateMarkdown. */
export interface NoteRow {
  owner: number;
  editorState: string;
  plainText: string;
  markdown: string;
}

/** Exported for the query-plan test. */
export const articleExportQueries = queries(true, false);
const libraryExportQueries = queries(false, false);
const libraryDetailQueries = queries(false, true);
const articleFullTextQueries = queries(true, false, true);
const libraryFullTextQueries = queries(false, false, true);

/**
 * Every article (or the one asked for) with its annotated paragraphs, their highlights,
 * tags and notes, in seven queries whatever the size of the library. `withDetail` adds each
 * highlight's context and times (library-wide only). `fullText` adds every body paragraph,
 * annotated or not (the Markdown export's full-text content).
 */
export function readArticleAnnotations(
  db: Db,
  articleId?: number,
  withDetail = false,
  fullText = false,
): ArticleAnnotations[] {
  const sql =
    articleId !== undefined
      ? fullText
        ? articleFullTextQueries
        : articleExportQueries
      : fullText
        ? libraryFullTextQueries
        : withDetail
          ? libraryDetailQueries
          : libraryExportQueries;
  const run = (query: string): unknown[] =>
    articleId === undefined ? db.prepare(query).all() : db.prepare(query).all({ id: articleId });
  const articles = run(sql.articles) as ArticleRow[];
  const paragraphRows = run(sql.paragraphs) as ParagraphRow[];
  const highlightRows = run(sql.highlights) as HighlightRow[];
  const highlightTags = groupTagNames(run(sql.highlightTags) as OwnedTagName[]);
  const paragraphTags = groupTagNames(run(sql.paragraphTags) as OwnedTagName[]);
  // Written from the editor state: the stored Markdown lets typed Markdown through (noteStateMarkdown).
  const notes = new Map((run(sql.notes) as NoteRow[]).map((n) => [n.owner, noteStateMarkdown(n)]));

  const byArticle = new Map<number, ArticleAnnotations>();
  for (const row of articles) byArticle.set(row.id, { article: toArticle(row), paragraphs: [], orphans: [] });
  const paragraphs = new Map<number, ExportParagraph>();
  for (const row of paragraphRows) {
    const paragraph: ExportParagraph = {
      id: row.id,
      articleId: row.article_id,
      order: row.ord,
      text: row.text,
      tags: paragraphTags.get(row.id) ?? [],
      note: notes.get(row.id) ?? null,
      highlights: [],
      whole: false,
    };
    paragraphs.set(row.id, paragraph);
    byArticle.get(row.article_id)?.paragraphs.push(paragraph);
  }
  for (const row of highlightRows) {
    const highlight: ExportHighlight = {
      id: row.id,
      start: row.start_offset,
      end: row.end_offset,
      quote: row.quote,
      tags: highlightTags.get(row.id) ?? [],
    };
    if (row.group_id !== null) highlight.groupId = row.group_id;
    if (row.comment !== '') highlight.comment = row.comment;
    if (withDetail) {
      highlight.detail = {
        prefix: row.prefix ?? '',
        suffix: row.suffix ?? '',
        createdAt: row.created_at ?? '',
        updatedAt: row.updated_at ?? '',
      };
    }
    if (row.paragraph_id === null) byArticle.get(row.article_id)?.orphans.push(highlight);
    else paragraphs.get(row.paragraph_id)?.highlights.push(highlight);
  }
  return [...byArticle.values()];
}

export function toArticle(row: ArticleRow): ExportArticle {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    source: row.source,
    author: row.author,
    publishedAt: row.published_at,
    url: row.url,
    script: row.script,
    ...(isSourceRegion(row.region) ? { region: row.region } : {}),
  };
}

export type { ArticleRow };
