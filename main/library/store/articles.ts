import type {
  ArticleMetadata,
  ArticleSummary,
  ArticleView,
  DetectedScript,
  ParagraphKind,
} from '../../../preload/contract/articleTypes';
import type { ParsedArticle, SourceFormat } from '../import/parsedArticle';
import type { Statement, Transaction } from 'better-sqlite3';
import { checksum, rowChecksum } from './contentHashes';
import { contentCorrupt } from './contentCorrupt';
import type { Db } from './openDatabase';
import { readArticleHighlights } from './highlights';
import { readArticleNotes } from './notes';
import { insertParagraphs, readParagraphs } from './paragraphs';
import { readArticleParagraphTags } from './tags';

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
  raw_text: string;
  checksum: string | null;
}

export interface NewArticle {
  contentHash: string;
  fileName: string | null;
  format: SourceFormat;
  encoding: string;
  rawText: string;
  parsed: ParsedArticle;
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
      `INSERT INTO article (content_hash, file_name, format, encoding, raw_text, title, title_inferred, subtitle,
         source, author, published_at, url, script, imported_at, checksum)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    statements = {
      findByHash: db.prepare('SELECT id, title FROM article WHERE content_hash = ?'),
      insertArticle: db.transaction((article: NewArticle, now: string) => {
        const { metadata, script } = article.parsed;
        const info = insert.run(
          article.contentHash,
          article.fileName,
          article.format,
          article.encoding,
          article.rawText,
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
        );
        const articleId = Number(info.lastInsertRowid);
        insertParagraphs(db, articleId, article.parsed.paragraphs);
        return articleId;
      }),
    };
    importStatements.set(db, statements);
  }
  return statements;
}

export function findArticleByHash(db: Db, contentHash: string): { id: number; title: string } | undefined {
  return statementsFor(db).findByHash.get(contentHash) as { id: number; title: string } | undefined;
}

/** Article and all its paragraphs in one transaction: an import is all or nothing. */
export function insertArticle(db: Db, article: NewArticle, now: string): number {
  return statementsFor(db).insertArticle.immediate(article, now);
}

export function listArticleSummaries(db: Db): ArticleSummary[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.title_inferred, a.source, a.published_at, a.script, a.imported_at, a.last_opened_at,
         (SELECT count(*) FROM paragraph p WHERE p.article_id = a.id) AS paragraph_count,
         (SELECT count(*) FROM highlight h WHERE h.article_id = a.id) AS highlight_count,
         (SELECT count(*) FROM note n JOIN paragraph p ON p.id = n.paragraph_id WHERE p.article_id = a.id) AS note_count
       FROM article a
       ORDER BY a.published_at IS NULL, a.published_at DESC, a.id`,
    )
    .all() as Array<{
    id: number;
    title: string;
    title_inferred: number;
    source: string | null;
    published_at: string | null;
    script: DetectedScript;
    imported_at: string;
    last_opened_at: string | null;
    paragraph_count: number;
    highlight_count: number;
    note_count: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    titleInferred: r.title_inferred === 1,
    source: r.source,
    publishedAt: r.published_at,
    script: r.script,
    paragraphCount: r.paragraph_count,
    highlightCount: r.highlight_count,
    noteCount: r.note_count,
    importedAt: r.imported_at,
    lastOpenedAt: r.last_opened_at,
  }));
}

export function readArticle(db: Db, articleId: number): ArticleView | undefined {
  const row = db
    .prepare(
      `SELECT id, file_name, title, title_inferred, subtitle, source, author, published_at, url, script, reading_position,
         raw_text, checksum
       FROM article WHERE id = ?`,
    )
    .get(articleId) as ArticleRow | undefined;
  if (!row) return undefined;
  // The raw text is not shown, but a re-clean rebuilds the paragraphs from it: checked with the metadata.
  if (row.checksum !== rowChecksum('article', row)) throw contentCorrupt(db, 'article', articleId);
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
    fileName: row.file_name,
    readingPosition: row.reading_position,
    paragraphs: readParagraphs(db, articleId),
    highlights: readArticleHighlights(db, articleId),
    notes: readArticleNotes(db, articleId),
    paragraphTags: readArticleParagraphTags(db, articleId),
  };
}

export function markOpened(db: Db, articleId: number, now: string): void {
  db.prepare('UPDATE article SET last_opened_at = ? WHERE id = ?').run(now, articleId);
}

export function setReadingPosition(db: Db, articleId: number, paragraphOrder: number): boolean {
  return db.prepare('UPDATE article SET reading_position = ? WHERE id = ?').run(paragraphOrder, articleId).changes === 1;
}

const metadataColumns = {
  title: 'title',
  subtitle: 'subtitle',
  source: 'source',
  author: 'author',
  publishedAt: 'published_at',
  url: 'url',
} as const;

/** Applies the reader's edits and remembers which fields were edited, so a re-clean keeps them. */
export function updateMetadata(db: Db, articleId: number, changes: Partial<ArticleMetadata>): boolean {
  return db.transaction(() => {
    const current = db.prepare('SELECT metadata_edits FROM article WHERE id = ?').get(articleId) as
      | { metadata_edits: string }
      | undefined;
    if (!current) return false;
    const edits = JSON.parse(current.metadata_edits) as Record<string, unknown>;
    for (const [field, column] of Object.entries(metadataColumns)) {
      const value = changes[field as keyof typeof metadataColumns];
      if (value === undefined) continue;
      db.prepare(`UPDATE article SET ${column} = ? WHERE id = ?`).run(value, articleId);
      edits[field] = value;
    }
    if (changes.title !== undefined) db.prepare('UPDATE article SET title_inferred = 0 WHERE id = ?').run(articleId);
    db.prepare('UPDATE article SET metadata_edits = ? WHERE id = ?').run(JSON.stringify(edits), articleId);
    return true;
  }).immediate();
}

export function reclassifyParagraph(db: Db, paragraphId: number, kind: ParagraphKind): number | undefined {
  const row = db.prepare('SELECT article_id FROM paragraph WHERE id = ?').get(paragraphId) as
    | { article_id: number }
    | undefined;
  if (!row) return undefined;
  db.prepare('UPDATE paragraph SET kind = ?, kind_by_user = 1 WHERE id = ?').run(kind, paragraphId);
  return row.article_id;
}
