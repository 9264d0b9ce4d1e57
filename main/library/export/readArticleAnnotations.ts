import { isSourceRegion } from '../../../preload/common/conversionTable';
import type { Db } from '../store/openDatabase';
import { storedPartSql, writtenOutPart, type StoredPart } from '../store/highlightContext';
import { preparedStatement } from '../store/preparedStatements';
import { groupTagNames, type OwnedTagName } from '../store/tags';
import { listedUnplacedSql } from '../store/unplacedAnnotations';
import type { ArticleAnnotations, ExportArticle, ExportHighlight, ExportParagraph, ExportUnplaced } from './exportData';
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

/**
 * Paragraph and highlight rows are read as arrays (better-sqlite3's raw mode), in the order the
 * queries below select their columns: a library-wide export reads some 100,000 of them, and an
 * object per row was a good part of its time.
 */
type ParagraphRow = [id: number, articleId: number, ord: number, text: string];

type HighlightRow = [
  id: number,
  articleId: number,
  paragraphId: number | null,
  start: number | null,
  end: number | null,
  /** As stored: x'' where the text gives it (store/highlightContext), written out below. */
  quote: StoredPart,
  comment: string,
  groupId: string | null,
  prefix?: StoredPart,
  suffix?: StoredPart,
  createdAt?: string,
  updatedAt?: string,
];

type UnplacedRow = [
  articleId: number,
  entry: string,
  kind: ExportUnplaced['kind'],
  plainText: string,
  markdown: string,
  tag: string | null,
  madeBy: string,
  maker: string,
  updatedAt: string,
  dismissed: number,
  restored: number,
];

/**
 * Articles in the library list's order: newest first, undated last. Each query comes in three
 * forms: library-wide ones read each table once, one-article ones go through its indexes, and
 * a batch's (a library export read a few hundred articles at a time) through the same indexes
 * for the articles named in `@ids` (a JSON array).
 */
function queries(scope: 'one' | 'batch' | 'library', detail: boolean, fullText = false) {
  const inArticles = scope === 'one' ? '= @id' : 'IN (SELECT value FROM json_each(@ids))';
  const where = (filter: string) => (scope === 'library' ? '' : `WHERE ${filter}`);
  // The full text: every body paragraph as well as the annotated ones (of any kind).
  const orBody = fullText ? "p.kind = 'body' OR " : '';
  return {
    // A library-wide export leaves the trash out (its paragraphs and highlights find no article and drop).
    articles: `SELECT id, title, subtitle, source, author, published_at, url, script,
      coalesce(region_corrected, region_detected) AS region FROM article
      ${scope === 'library' ? 'WHERE trashed_at IS NULL' : `WHERE id ${inArticles}`} ORDER BY published_at IS NULL, published_at DESC, id`,
    paragraphs:
      scope !== 'library'
        ? `SELECT p.id, p.article_id, p.ord, p.text FROM paragraph p WHERE p.article_id ${inArticles} AND (${orBody}
          EXISTS (SELECT 1 FROM highlight h WHERE h.paragraph_id = p.id)
          OR EXISTS (SELECT 1 FROM paragraph_tag pt WHERE pt.paragraph_id = p.id)
          OR EXISTS (SELECT 1 FROM note n WHERE n.paragraph_id = p.id))
        ${scope === 'one' ? 'ORDER BY p.ord' : ''}`
        : // Put in reading order per article after (inReadingOrder): SQLite sorting every row with its text cost more.
          `SELECT id, article_id, ord, text FROM paragraph p WHERE ${orBody}id IN (
          SELECT paragraph_id FROM highlight WHERE paragraph_id IS NOT NULL
          UNION SELECT paragraph_id FROM paragraph_tag UNION SELECT paragraph_id FROM note)`,
    // In id order, which the table (or the article's index) gives without a sort; each paragraph's
    // highlights are put in text order after (sortInTextOrder): sorting a million rows in SQLite took seconds.
    // Quote and context as stored, NULL where the text gives them (written out below).
    highlights: `SELECT id, article_id, paragraph_id, start_offset, end_offset, ${storedPartSql('quote', 'highlight')}, comment, group_id
      ${detail ? `, ${storedPartSql('prefix', 'highlight')}, ${storedPartSql('suffix', 'highlight')}, created_at, updated_at` : ''} FROM highlight
      ${where(`article_id ${inArticles}`)} ORDER BY id`,
    highlightTags: `SELECT ht.highlight_id AS owner, t.name FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id
      ${where(`ht.highlight_id IN (SELECT id FROM highlight WHERE article_id ${inArticles})`)} ORDER BY t.name`,
    paragraphTags: `SELECT pt.paragraph_id AS owner, t.name FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id
      ${where(`pt.paragraph_id IN (SELECT id FROM paragraph WHERE article_id ${inArticles})`)} ORDER BY t.name`,
    notes: `SELECT n.paragraph_id AS owner, n.editor_state AS editorState, n.plain_text AS plainText, n.markdown FROM note n
      ${where(`n.paragraph_id IN (SELECT id FROM paragraph WHERE article_id ${inArticles})`)}`,
    // Notes and paragraph tags from another device's split of the text (sync, #19), and those a backup restored.
    unplaced: listedUnplacedSql(scope === 'library' ? '' : `article_id ${inArticles}`),
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
export const articleExportQueries = queries('one', false);
/** Exported for the query-plan test. */
export const batchExportQueries = queries('batch', false);
const libraryExportQueries = queries('library', false);
/** The articles a library export reads, in the library list's order (the trash left out): a batched export lists them first. */
export const libraryArticlesSql = libraryExportQueries.articles;
const libraryDetailQueries = queries('library', true);
const articleFullTextQueries = queries('one', false, true);
const batchFullTextQueries = queries('batch', false, true);
const libraryFullTextQueries = queries('library', false, true);

/**
 * Every article (or the one asked for) with its annotated paragraphs, their highlights,
 * tags and notes, and its unplaced notes and tags, in eight queries whatever the size of the library. `withDetail` adds each
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
  return readGroups(db, sql, articleId === undefined ? undefined : { id: articleId }, articleId === undefined);
}

/**
 * The articles `ids` (in the library list's order), read as readArticleAnnotations reads one: a
 * library export reads a few hundred at a time, so a library of 1,000,000 highlights is never
 * held whole (exportMarkdown).
 */
export function readArticleBatch(db: Db, ids: readonly number[], fullText = false): ArticleAnnotations[] {
  return readGroups(db, fullText ? batchFullTextQueries : batchExportQueries, { ids: JSON.stringify(ids) }, true);
}

function readGroups(
  db: Db,
  sql: ReturnType<typeof queries>,
  params: Record<string, unknown> | undefined,
  sortParagraphs: boolean,
): ArticleAnnotations[] {
  const run = (query: string): unknown[] =>
    params === undefined ? preparedStatement(db, query).all() : preparedStatement(db, query).all(params);
  const runRaw = (query: string): unknown[] =>
    params === undefined ? preparedStatement(db, query).raw().all() : preparedStatement(db, query).raw().all(params);
  const articles = run(sql.articles) as ArticleRow[];
  const paragraphRows = runRaw(sql.paragraphs) as ParagraphRow[];
  const highlightRows = runRaw(sql.highlights) as HighlightRow[];
  const highlightTags = groupTagNames(run(sql.highlightTags) as OwnedTagName[]);
  const paragraphTags = groupTagNames(run(sql.paragraphTags) as OwnedTagName[]);
  // Written from the editor state: the stored Markdown lets typed Markdown through (noteStateMarkdown).
  const notes = new Map((run(sql.notes) as NoteRow[]).map((n) => [n.owner, noteStateMarkdown(n)]));
  const withDetail = sql === libraryDetailQueries;

  const byArticle = new Map<number, ArticleAnnotations>();
  for (const row of articles) byArticle.set(row.id, { article: toArticle(row), paragraphs: [], orphans: [] });
  const paragraphs = new Map<number, ExportParagraph>();
  for (const [id, rowArticle, ord, text] of paragraphRows) {
    const paragraph: ExportParagraph = {
      id,
      articleId: rowArticle,
      order: ord,
      text,
      tags: paragraphTags.get(id) ?? [],
      note: notes.get(id) ?? null,
      highlights: [],
      whole: false,
    };
    paragraphs.set(id, paragraph);
    byArticle.get(rowArticle)?.paragraphs.push(paragraph);
  }
  for (const row of highlightRows) {
    const [id, rowArticle, paragraphId, start, end, storedQuote, comment, groupId] = row;
    // Every highlight's paragraph is among those read above: quote and context as written, from its text.
    const text = paragraphId === null ? undefined : paragraphs.get(paragraphId)?.text;
    const quote = writtenOutPart(storedQuote, text, start, end, 'quote');
    const highlight: ExportHighlight = { id, start, end, quote, tags: highlightTags.get(id) ?? [] };
    if (groupId !== null) highlight.groupId = groupId;
    if (comment !== '') highlight.comment = comment;
    if (withDetail) {
      highlight.detail = {
        prefix: writtenOutPart(row[8] ?? null, text, start, end, 'prefix'),
        suffix: writtenOutPart(row[9] ?? null, text, start, end, 'suffix'),
        createdAt: row[10] ?? '',
        updatedAt: row[11] ?? '',
      };
    }
    if (paragraphId === null) byArticle.get(rowArticle)?.orphans.push(highlight);
    else paragraphs.get(paragraphId)?.highlights.push(highlight);
  }
  for (const paragraph of paragraphs.values()) sortInTextOrder(paragraph.highlights);
  for (const row of runRaw(sql.unplaced) as UnplacedRow[]) {
    const group = byArticle.get(row[0]);
    if (group === undefined) continue;
    const [, key, kind, plainText, markdown, tag, , maker, updatedAt, dismissed] = row;
    (group.unplaced ??= []).push({ key, kind, plainText, markdown, tag, maker, updatedAt, setAside: dismissed === 1 });
  }
  if (sortParagraphs) for (const group of byArticle.values()) inReadingOrder(group.paragraphs);
  return [...byArticle.values()];
}

/** An article's paragraphs by their place in it (the library-wide query reads them unsorted). */
function inReadingOrder(paragraphs: ExportParagraph[]): void {
  if (paragraphs.length > 1) paragraphs.sort((a, b) => a.order - b.order);
}

/**
 * A paragraph's highlights, read in id order, in text order: by start, then end, then id (the
 * sort is stable). Orphans stay in id order, having no place in the text.
 */
function sortInTextOrder(highlights: ExportHighlight[]): void {
  if (highlights.length > 1) highlights.sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0));
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
