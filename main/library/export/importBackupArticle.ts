import { anchorContextLength } from '../annotations/highlightAnchor';
import { readableNote } from '../annotations/readableNote';
import { detectArticleRegion } from '../import/detectRegion';
import { LibraryError } from '../libraryError';
import { anchorQuote } from '../reclean/anchorQuote';
import { matchParagraphs } from '../reclean/matchParagraphs';
import type { Db } from '../store/openDatabase';
import { highlightColumnsSql } from '../store/highlightContext';
import { storedRawText } from '../store/rawTextCodec';
import { storeRawTextBesideParagraphs } from '../store/articles';
import { insertParagraphs, recordParagraphCount } from '../store/paragraphs';
import type { BackupArticle, BackupHighlight } from './backupFormat';
import type { BackupWriter } from './backupWriter';

/**
 * An article the library does not have: stored exactly as the backup holds it, every column
 * (in the trash or archived if it was, with the person's region correction), so exporting it again gives the same JSON. Paragraphs
 * go through the store's own insert. `stored` is called once its text and paragraphs are in: if the
 * article then holds annotations (sync's, made on another device before the text arrived here),
 * the backup's are merged into them as into an article the library had (mergeBackupArticle).
 */
export function insertBackupArticle(
  db: Db,
  writer: BackupWriter,
  article: BackupArticle,
  stored?: (articleId: number) => void,
): void {
  const articleId = storeBackupArticleText(db, article);
  stored?.(articleId);
  // A note of the backup's is then joined to the one held there, a highlight held there not added twice.
  if (holdsAnnotations(db, articleId)) mergeBackupAnnotations(db, writer, articleId, article);
  else insertBackupAnnotations(db, writer, articleId, article);
  writer.counts.articlesAdded++;
  if (article.trashedAt !== null) writer.counts.articlesAddedToTrash++;
}

/** The article's row and paragraphs (with the person's kinds), as the backup holds them; its id. */
function storeBackupArticleText(db: Db, article: BackupArticle): number {
  const articleId = Number(
    db
      .prepare(
        `INSERT INTO article (content_hash, file_name, format, encoding, raw_text, title, title_inferred, subtitle, source,
           author, published_at, url, metadata_edits, script, reading_position, imported_at, last_opened_at,
           trashed_at, archived_at, region_detected, region_corrected)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        article.contentHash,
        article.fileName,
        article.format,
        article.encoding,
        storedRawText(article.rawText),
        article.title,
        article.titleInferred ? 1 : 0,
        article.subtitle,
        article.source,
        article.author,
        article.publishedAt,
        article.url,
        JSON.stringify(article.metadataEdits),
        article.script,
        article.readingPosition,
        article.importedAt,
        article.lastOpenedAt,
        article.trashedAt,
        article.archivedAt,
        // Detected from the text as an import does (a backup holds only the person's correction).
        detectArticleRegion(article.script, article, article.paragraphs),
        article.regionCorrected,
      ).lastInsertRowid,
  );
  insertParagraphs(db, articleId, article.paragraphs);
  recordParagraphCount(db, articleId);
  storeRawTextBesideParagraphs(db, articleId, article.rawText);
  const byUser = db.prepare('UPDATE paragraph SET kind_by_user = 1 WHERE id = ?');
  const ids = paragraphIds(db, articleId);
  article.paragraphs.forEach((paragraph, i) => {
    const id = ids[i];
    if (id !== undefined && paragraph.kindByUser) byUser.run(id);
  });
  return articleId;
}

function paragraphIds(db: Db, articleId: number): number[] {
  return (
    db.prepare('SELECT id FROM paragraph WHERE article_id = ? ORDER BY ord').all(articleId) as Array<{ id: number }>
  ).map((r) => r.id);
}

function holdsAnnotations(db: Db, articleId: number): boolean {
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM highlight WHERE article_id = ?)
             OR EXISTS (SELECT 1 FROM paragraph p WHERE p.article_id = ?
                          AND (EXISTS (SELECT 1 FROM note WHERE paragraph_id = p.id)
                            OR EXISTS (SELECT 1 FROM paragraph_tag WHERE paragraph_id = p.id)))`,
      )
      .pluck()
      .get(articleId, articleId) === 1
  );
}

/** A new article's annotations stored exactly as the backup holds them (orphans stay orphans). */
function insertBackupAnnotations(db: Db, writer: BackupWriter, articleId: number, article: BackupArticle): void {
  const ids = paragraphIds(db, articleId);
  article.paragraphs.forEach((paragraph, i) => {
    const id = ids[i];
    if (id === undefined) return;
    writer.tagParagraph(id, paragraph.tags);
    if (paragraph.note) writer.putNote(id, readableNote(paragraph.note));
  });
  for (const h of article.highlights) {
    const paragraphId = h.paragraph === null ? null : (ids[h.paragraph] ?? null);
    const at = h.start === null || h.end === null ? null : { start: h.start, end: h.end };
    writer.insertHighlight(articleId, paragraphId, h, at);
  }
}

interface LibraryHighlight {
  id: number;
  paragraph_id: number | null;
  start_offset: number | null;
  end_offset: number | null;
  quote: string;
}

/**
 * The annotations of an article the library already has (same content hash) merged into it.
 * The library's own text, kinds, metadata, region and trash and archive state stay: a merge adds, so an
 * article this library trashed or archived stays so, and one it took back out stays out. Backup paragraphs are matched to the
 * library's by text; a highlight is kept at its place when the text there is its quote, else
 * found again like a re-clean does (position, quote, fuzzy quote), else kept as an orphan. A
 * highlight the library already has (same place and quote) only gains the backup's tags.
 */
export function mergeBackupArticle(db: Db, writer: BackupWriter, articleId: number, article: BackupArticle): void {
  mergeBackupAnnotations(db, writer, articleId, article);
  writer.counts.articlesMerged++;
}

function mergeBackupAnnotations(db: Db, writer: BackupWriter, articleId: number, article: BackupArticle): void {
  const rows = db.prepare('SELECT id, text FROM paragraph WHERE article_id = ? ORDER BY ord').all(articleId) as Array<{
    id: number;
    text: string;
  }>;
  const texts = rows.map((r) => r.text);
  const match = matchParagraphs(
    article.paragraphs.map((p) => p.text),
    texts,
  );
  // A paragraph the library's version lacks hands its note and tags to the one at its place, never drops them.
  const targetOf = (order: number): number | null =>
    match[order] ?? (rows.length === 0 ? null : Math.min(order, rows.length - 1));

  article.paragraphs.forEach((paragraph, order) => {
    const target = targetOf(order);
    const id = target === null ? undefined : rows[target]?.id;
    if (id === undefined) {
      if (paragraph.tags.length === 0 && !paragraph.note) return;
      throw new LibraryError(
        'unsupported-file',
        `The library's copy of "${article.title}" has no paragraph to hold the backup's notes and tags; nothing was imported.`,
      );
    }
    writer.tagParagraph(id, paragraph.tags);
    if (paragraph.note) writer.putNote(id, readableNote(paragraph.note));
  });

  const existing = new Map<string, number>();
  for (const h of db
    .prepare(
      `SELECT ${highlightColumnsSql(['id', 'paragraph_id', 'start_offset', 'end_offset', 'quote'])} FROM highlight WHERE article_id = ?`,
    )
    .all(articleId) as LibraryHighlight[]) {
    existing.set(highlightKey(h.paragraph_id, h.start_offset, h.end_offset, h.quote), h.id);
  }
  const addUnlessPresent = (
    paragraphId: number | null,
    at: { start: number; end: number } | null,
    h: BackupHighlight,
  ) => {
    const key = highlightKey(paragraphId, at?.start ?? null, at?.end ?? null, h.quote);
    const same = existing.get(key);
    if (same === undefined) {
      existing.set(key, writer.insertHighlight(articleId, paragraphId, h, at));
    } else {
      writer.tagHighlight(same, h.tags);
      writer.addComment(same, h.comment);
      writer.counts.highlightsAlreadyPresent++;
    }
  };
  for (const h of article.highlights) {
    const hint = h.paragraph === null ? null : (match[h.paragraph] ?? null);
    const placed =
      h.quote === ''
        ? null
        : anchorQuote(
            {
              hintParagraph: hint,
              start: h.start ?? 0,
              end: h.end ?? 0,
              quote: h.quote,
              prefix: h.prefix,
              suffix: h.suffix,
            },
            texts,
          );
    const text = placed ? texts[placed.paragraph] : undefined;
    const paragraphId = placed ? (rows[placed.paragraph]?.id ?? null) : null;
    if (!placed || text === undefined || paragraphId === null) {
      addUnlessPresent(null, null, h);
      continue;
    }
    // Found by quote rather than in place: the quote and its context are what the library's text holds there.
    const anchored =
      placed.method === 'position'
        ? h
        : {
            ...h,
            quote: text.slice(placed.start, placed.end),
            prefix: text.slice(Math.max(0, placed.start - anchorContextLength), placed.start),
            suffix: text.slice(placed.end, placed.end + anchorContextLength),
          };
    addUnlessPresent(paragraphId, { start: placed.start, end: placed.end }, anchored);
  }
}

function highlightKey(paragraphId: number | null, start: number | null, end: number | null, quote: string): string {
  return JSON.stringify([paragraphId, start, end, quote]);
}
