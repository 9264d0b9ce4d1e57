import type {
  ArticleMetadata,
  ArticleSummary,
  ArticleView,
  DetectedScript,
  ParagraphView,
  TrashedArticle,
} from '../../../preload/contract/articleTypes';
import type { ParsedArticle, SourceFormat } from '../import/parsedArticle';
import { detectArticleRegion } from '../import/detectRegion';
import { isSourceRegion, type SourceRegion } from '../../../preload/common/conversionTable';
import type { Fingerprint } from '../duplicates/fingerprint';
import type { Statement, Transaction } from 'better-sqlite3';
import { checksum, rowChecksum } from './contentHashes';
import { contentCorrupt } from './contentCorrupt';
import { paragraphRawsSql, rawTextOf, storedRawText, storedRawTextFunction, type ParagraphRaws } from './rawTextCodec';
import type { Db } from './openDatabase';
import { readArticleHighlights } from './highlights';
import { readArticleNotes } from './notes';
import { insertParagraphs, readParagraphs } from './paragraphs';
import { readArticleParagraphTags } from './tags';
import { readUnplacedAnnotations } from './unplacedAnnotations';
import { foldTitle } from './titleFold';
import { searchTokensGiven, type SearchTokens } from './deferSearchIndex';

interface ArticleRow {
  id: number;
  file_name: string | null;
  title: string;
  title_inferred: number;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  script: DetectedScript;
  reading_position: number;
  /** As stored (store/rawTextCodec): readArticle reads it beside the paragraphs it reads anyway. */
  raw_text: unknown;
  checksum: string | null;
  paragraph_count: number | null;
  region_detected: string | null;
  region_corrected: string | null;
}

export interface NewArticle {
  contentHash: string;
  fileName: string | null;
  format: SourceFormat;
  encoding: string;
  rawText: string;
  parsed: ParsedArticle;
  /** Its fingerprint for duplicates, when the parse (in the worker) made it; else the store makes it. */
  fingerprint?: Fingerprint;
  /**
   * Each paragraph's search index tokens, when the parse worker made them (store/deferSearchIndex:
   * an import batch then writes them as given, not through the tokenizer's SQL functions).
   */
  searchTokens?: SearchTokens;
  /**
   * Details the person gave at import (a pasted text's title), kept as their edits of the details
   * are (article.metadata_edits): a re-clean of the text keeps them, and sync writes them into the
   * library document (another device stores the article from its text, which does not give them).
   */
  metadataEdits?: Partial<ArticleMetadata>;
}

/** Prepared once per connection: a folder import looks up and inserts thousands of articles. */
interface ImportStatements {
  findByHash: Statement;
  /** better-sqlite3 builds a transaction function with four variants: built once, not per article. */
  insertArticle: Transaction<(article: NewArticle, now: string) => number>;
}
const importStatements = new WeakMap<Db, ImportStatements>();

function statementsFor(db: Db): ImportStatements {
  let statements = importStatements.get(db);
  if (!statements) {
    const insert = db.prepare(
      // The uid and the folded title given here spare the row a rewrite by each of their triggers
      // (migrations 0026 and 0036: the uid's runs only when none is given, the title's is lifted
      // for an import batch, store/deferTitleFold). A new article's uid is its first version's hash.
      `INSERT INTO article (content_hash, file_name, format, encoding, raw_text, title, title_inferred, subtitle,
         source, author, published_at, url, script, imported_at, checksum, paragraph_count, region_detected, metadata_edits,
         uid, title_folded)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    statements = {
      // An article's uid is its first version's hash: a file of that version after a re-import is the article too.
      findByHash: db.prepare(
        `SELECT id, title, trashed_at IS NOT NULL AS trashed, content_hash <> @hash AS earlier FROM article
         WHERE content_hash = @hash OR uid = @hash ORDER BY content_hash = @hash DESC LIMIT 1`,
      ),
      insertArticle: db.transaction((article: NewArticle, now: string) => {
        const { metadata, script } = article.parsed;
        const info = insert.run(
          article.contentHash,
          article.fileName,
          article.format,
          article.encoding,
          storedRawText(article.rawText, article.parsed.paragraphs.map((p) => p.raw)),
          metadata.title,
          metadata.titleInferred ? 1 : 0,
          metadata.subtitle,
          metadata.source,
          metadata.author,
          metadata.publishedAt,
          metadata.url,
          script,
          now,
          // The order of contentHashes' checkedColumns.article.
          checksum(
            article.rawText,
            metadata.title,
            metadata.subtitle,
            metadata.source,
            metadata.author,
            metadata.publishedAt,
            metadata.url,
          ),
          article.parsed.paragraphs.length,
          detectArticleRegion(script, metadata, article.parsed.paragraphs),
          JSON.stringify(article.metadataEdits ?? {}),
          article.contentHash,
          foldTitle(metadata.title),
        );
        const articleId = Number(info.lastInsertRowid);
        insertParagraphs(db, articleId, article.parsed.paragraphs);
        if (article.searchTokens) searchTokensGiven(db, articleId, article.searchTokens);
        return articleId;
      }),
    };
    importStatements.set(db, statements);
  }
  return statements;
}

/**
 * The article whose text has this hash now or had it first (its uid; `earlierVersion` then): a
 * re-import from an edited file keeps the article's uid, which no other article may take.
 */
export function findArticleByHash(
  db: Db,
  contentHash: string,
): { id: number; title: string; trashed: boolean; earlierVersion: boolean } | undefined {
  const row = statementsFor(db).findByHash.get({ hash: contentHash }) as
    { id: number; title: string; trashed: number; earlier: number } | undefined;
  return row && { id: row.id, title: row.title, trashed: row.trashed === 1, earlierVersion: row.earlier === 1 };
}

/** Article and all its paragraphs in one transaction: an import is all or nothing. */
export function insertArticle(db: Db, article: NewArticle, now: string): number {
  return statementsFor(db).insertArticle.immediate(article, now);
}

interface SummaryRow {
  id: number;
  title: string;
  title_inferred: number;
  source: string | null;
  published_at: string | null;
  script: DetectedScript;
  region_detected: string | null;
  region_corrected: string | null;
  imported_at: string;
  last_opened_at: string | null;
  archived_at: string | null;
  trashed_at: string | null;
  paragraph_count: number;
  highlight_count: number;
  note_count: number;
}

const summarySql = (where: string) =>
  `SELECT a.id, a.title, a.title_inferred, a.source, a.published_at, a.script, a.region_detected, a.region_corrected,
     a.imported_at, a.last_opened_at,
     a.archived_at, a.trashed_at,
     coalesce(a.paragraph_count, 0) AS paragraph_count,
     (SELECT count(*) FROM highlight h WHERE h.article_id = a.id) AS highlight_count,
     (SELECT count(*) FROM note n JOIN paragraph p ON p.id = n.paragraph_id WHERE p.article_id = a.id) AS note_count
   FROM article a
   WHERE ${where}
   ORDER BY a.published_at IS NULL, a.published_at DESC, a.id`;

function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    titleInferred: r.title_inferred === 1,
    source: r.source,
    publishedAt: r.published_at,
    script: r.script,
    // Not yet detected (imported before regions): generic until the article is first opened.
    region: storedRegion(r.region_corrected) ?? storedRegion(r.region_detected) ?? fallbackRegion(r.script),
    paragraphCount: r.paragraph_count,
    highlightCount: r.highlight_count,
    noteCount: r.note_count,
    importedAt: r.imported_at,
    lastOpenedAt: r.last_opened_at,
    archivedAt: r.archived_at,
  };
}

/** Every article not in the trash, archived ones included (marked): the list filters them. */
export function listArticleSummaries(db: Db): ArticleSummary[] {
  return (db.prepare(summarySql('a.trashed_at IS NULL')).all() as SummaryRow[]).map(toSummary);
}

/** The summaries of these articles (trashed ones included), by id. */
export function readArticleSummaries(db: Db, ids: readonly number[]): Map<number, ArticleSummary> {
  const rows = db.prepare(summarySql('a.id IN (SELECT value FROM json_each(?))')).all(JSON.stringify(ids)) as SummaryRow[];
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

/** The trash, most recently trashed first. */
export function listTrashedArticles(db: Db): TrashedArticle[] {
  const rows = db.prepare(summarySql('a.trashed_at IS NOT NULL')).all() as SummaryRow[];
  return rows
    .map((r) => ({ ...toSummary(r), trashedAt: r.trashed_at ?? '' }))
    .sort((x, y) => y.trashedAt.localeCompare(x.trashedAt) || x.id - y.id);
}

/** The article opened last that is still in the library (not trashed): the app reopens it at start. */
export function lastOpenedArticle(db: Db): number | null {
  const row = db
    .prepare(
      `SELECT id FROM article WHERE trashed_at IS NULL AND last_opened_at IS NOT NULL
       ORDER BY last_opened_at DESC, id DESC LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  return row?.id ?? null;
}

export function readArticle(db: Db, articleId: number): ArticleView | undefined {
  const row = db
    .prepare(
      `SELECT id, file_name, title, title_inferred, subtitle, source, author, published_at, url, script, reading_position,
         raw_text, checksum, paragraph_count, region_detected, region_corrected
       FROM article WHERE id = ?`,
    )
    .get(articleId) as ArticleRow | undefined;
  if (!row) return undefined;
  const paragraphs = readParagraphs(db, articleId, row.paragraph_count);
  // The raw text is not shown, but a re-clean rebuilds the paragraphs from it: checked with the metadata.
  const rawText = rawTextOf(row.raw_text, rawsByOrder(paragraphs)) ?? null;
  if (row.checksum !== rowChecksum('article', { ...row, raw_text: rawText })) throw contentCorrupt(db, 'article', articleId);
  const regionCorrected = storedRegion(row.region_corrected);
  // Imported before regions were detected: worked out here; markOpened stores it.
  const regionDetected = storedRegion(row.region_detected) ?? detectArticleRegion(row.script, row, paragraphs);
  return {
    id: row.id,
    metadata: {
      title: row.title,
      titleInferred: row.title_inferred === 1,
      subtitle: row.subtitle,
      source: row.source,
      author: row.author,
      publishedAt: row.published_at,
      url: row.url,
    },
    script: row.script,
    region: regionCorrected ?? regionDetected,
    regionDetected,
    regionCorrected,
    fileName: row.file_name,
    readingPosition: row.reading_position,
    paragraphs,
    highlights: readArticleHighlights(db, articleId),
    notes: readArticleNotes(db, articleId),
    paragraphTags: readArticleParagraphTags(db, articleId),
    unplaced: readUnplacedAnnotations(db, articleId),
  };
}

/**
 * Stores the article's raw text beside its paragraphs as they now are (store/rawTextCodec format 2),
 * for a writer that has written them anew (a re-clean, a backup's article): the paragraph triggers
 * of migration 0027 had turned it into one that reads alone. Made from the rows, as migration 0027
 * makes it, not from the caller's parse, so the value fits what is stored.
 */
export function storeRawTextBesideParagraphs(db: Db, articleId: number, rawText: string): void {
  db.prepare(`UPDATE article SET raw_text = ${storedRawTextFunction}(?, ${paragraphRawsSql('article.id')}) WHERE id = ?`).run(
    rawText,
    articleId,
  );
}

/** Paragraphs' raw texts by their order, as store/rawTextCodec reads a raw text beside them. */
function rawsByOrder(paragraphs: readonly ParagraphView[]): ParagraphRaws {
  const raws: Record<number, string> = {};
  for (const p of paragraphs) raws[p.order] = p.raw;
  return raws;
}

export function markOpened(db: Db, articleId: number, now: string): void {
  db.prepare('UPDATE article SET last_opened_at = ? WHERE id = ?').run(now, articleId);
  storeDetectedRegion(db, articleId);
}

function storedRegion(value: string | null): SourceRegion | null {
  return isSourceRegion(value) ? value : null;
}

function fallbackRegion(script: DetectedScript): SourceRegion {
  return script === 'simplified' ? 'mainland' : 'generic';
}

/** An article imported before regions gets its detected region stored (once: later opens find it). */
export function storeDetectedRegion(db: Db, articleId: number): void {
  const row = db
    .prepare('SELECT script, title, url, source, region_detected, paragraph_count FROM article WHERE id = ?')
    .get(articleId) as
    | {
        script: DetectedScript;
        title: string;
        url: string | null;
        source: string | null;
        region_detected: string | null;
        paragraph_count: number | null;
      }
    | undefined;
  if (!row || row.region_detected !== null) return;
  const region = detectArticleRegion(row.script, row, readParagraphs(db, articleId, row.paragraph_count));
  db.prepare('UPDATE article SET region_detected = ? WHERE id = ? AND region_detected IS NULL').run(region, articleId);
}

/** The region a re-clean detects for the article's new paragraphs; the person's correction is another column and stays. */
export function updateDetectedRegion(db: Db, articleId: number, parsed: ParsedArticle): void {
  db.prepare('UPDATE article SET region_detected = ? WHERE id = ?').run(
    detectArticleRegion(parsed.script, parsed.metadata, parsed.paragraphs),
    articleId,
  );
}

export function setReadingPosition(db: Db, articleId: number, paragraphOrder: number): boolean {
  return (
    db.prepare('UPDATE article SET reading_position = ? WHERE id = ?').run(paragraphOrder, articleId).changes === 1
  );
}
