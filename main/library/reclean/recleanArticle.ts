import type { ArticleMetadata, ParagraphKind } from '../../../preload/contract/articleTypes';
import type { RecleanReport } from '../../../preload/contract/annotationTypes';
import { parseSource } from '../import/prepareImport';
import type { ParsedArticle, SourceFormat } from '../import/parsedArticle';
import { discardHistory } from '../journal/journalEntries';
import { LibraryError } from '../libraryError';
import type { HighlightRow } from '../store/highlights';
import { readHighlightsByIds } from '../store/highlights';
import type { Db } from '../store/openDatabase';
import { highlightColumnsSql } from '../store/highlightContext';
import { contentCorrupt } from '../store/contentCorrupt';
import { rawTextOf, rawTextSql, storedRawText } from '../store/rawTextCodec';
import { insertParagraph, recordParagraphCount, updateParagraph } from '../store/paragraphs';
import { storeRawTextBesideParagraphs, updateDetectedRegion } from '../store/articles';
import { anchorQuote } from './anchorQuote';
import { matchParagraphs } from './matchParagraphs';
import { mergeNoteInto } from './mergeNotes';

export type { RecleanReport };

interface OldParagraph {
  id: number;
  ord: number;
  kind: ParagraphKind;
  kind_by_user: number;
  text: string;
}

const contextLength = 32;

/**
 * Runs the cleaner again over the article's raw text (or a new raw text, for a re-import of
 * an edited file) and carries every annotation across, in one transaction. The reader's own
 * kind and metadata choices win over the cleaner's; nothing is dropped.
 */
export function recleanArticle(
  db: Db,
  articleId: number,
  replacement?: { rawText: string; contentHash: string; encoding: string },
): RecleanReport {
  return db
    .transaction(() => {
      const article = db
        .prepare(`SELECT ${rawTextSql('article')} AS raw_text, format, file_name, metadata_edits FROM article WHERE id = ?`)
        .get(articleId) as
        { raw_text: unknown; format: SourceFormat; file_name: string | null; metadata_edits: string } | undefined;
      if (!article) throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
      const rawText = replacement?.rawText ?? rawTextOf(article.raw_text);
      if (rawText === undefined) throw contentCorrupt(db, 'article', articleId);
      const parsed = parseSource(rawText, article.format, article.file_name);
      if (replacement) {
        db.prepare('UPDATE article SET raw_text = ?, content_hash = ?, encoding = ? WHERE id = ?').run(
          storedRawText(rawText),
          replacement.contentHash,
          replacement.encoding,
          articleId,
        );
      }
      writeMetadata(db, articleId, parsed, JSON.parse(article.metadata_edits) as Partial<ArticleMetadata>);
      updateDetectedRegion(db, articleId, parsed);

      const old = db
        .prepare('SELECT id, ord, kind, kind_by_user, text FROM paragraph WHERE article_id = ? ORDER BY ord')
        .all(articleId) as OldParagraph[];
      const newTexts = parsed.paragraphs.map((p) => p.text);
      const match = matchParagraphs(
        old.map((p) => p.text),
        newTexts,
      );
      const ids = writeParagraphs(db, articleId, parsed, old, match);
      const hintOf = new Map(old.map((p, i) => [p.id, match[i] ?? null]));
      const report = reanchorHighlights(db, articleId, newTexts, ids, hintOf);
      const moved = moveOrphanedParagraphAnnotations(db, old, match, ids, newTexts);
      db.prepare('DELETE FROM paragraph WHERE article_id = ? AND ord < 0').run(articleId);
      recordParagraphCount(db, articleId);
      storeRawTextBesideParagraphs(db, articleId, rawText);
      // Undo entries recorded before this point would write rows that no longer fit the text.
      discardHistory(db);
      return { articleId, paragraphs: ids.length, ...report, movedParagraphAnnotations: moved };
    })
    .immediate();
}

function writeMetadata(db: Db, articleId: number, parsed: ParsedArticle, edits: Partial<ArticleMetadata>): void {
  const m = { ...parsed.metadata, ...edits };
  db.prepare(
    `UPDATE article SET title = ?, title_inferred = ?, subtitle = ?, source = ?, author = ?, published_at = ?, url = ?,
       script = ? WHERE id = ?`,
  ).run(
    m.title,
    edits.title !== undefined ? 0 : m.titleInferred ? 1 : 0,
    m.subtitle,
    m.source,
    m.author,
    m.publishedAt,
    m.url,
    parsed.script,
    articleId,
  );
}

/** Matched paragraphs keep their row (and so their notes and tags); the rest are new rows. */
function writeParagraphs(
  db: Db,
  articleId: number,
  parsed: ParsedArticle,
  old: readonly OldParagraph[],
  match: ReadonlyArray<number | null>,
): number[] {
  // Old rows step aside to negative orders so the new order can be written without collisions.
  db.prepare('UPDATE paragraph SET ord = -1 - ord WHERE article_id = ?').run(articleId);
  const reuse = new Map<number, OldParagraph>();
  match.forEach((newIndex, oldIndex) => {
    const row = old[oldIndex];
    if (newIndex !== null && row) reuse.set(newIndex, row);
  });
  return parsed.paragraphs.map((p, ord) => {
    const kept = reuse.get(ord);
    const kind = kept && kept.kind_by_user === 1 ? kept.kind : p.kind;
    if (!kept) return insertParagraph(db, articleId, ord, kind, p);
    updateParagraph(db, kept.id, ord, kind, p);
    return kept.id;
  });
}

function reanchorHighlights(
  db: Db,
  articleId: number,
  texts: readonly string[],
  ids: readonly number[],
  hintOf: ReadonlyMap<number, number | null>,
): Pick<RecleanReport, 'placed' | 'orphans'> {
  // Quote and context as written: a highlight in a paragraph the re-clean did not change reads them from its text.
  const rows = db
    .prepare(
      `SELECT ${highlightColumnsSql(['id', 'paragraph_id', 'start_offset', 'end_offset', 'quote', 'prefix', 'suffix'])}
       FROM highlight WHERE article_id = ?`,
    )
    .all(articleId) as Array<
    Pick<HighlightRow, 'id' | 'paragraph_id' | 'start_offset' | 'end_offset' | 'quote' | 'prefix' | 'suffix'>
  >;
  const placed = { position: 0, quote: 0, fuzzy: 0 };
  const orphanIds: number[] = [];
  const place = db.prepare(
    'UPDATE highlight SET paragraph_id = ?, start_offset = ?, end_offset = ?, quote = ?, prefix = ?, suffix = ? WHERE id = ?',
  );
  const orphan = db.prepare(
    'UPDATE highlight SET paragraph_id = NULL, start_offset = NULL, end_offset = NULL WHERE id = ?',
  );
  for (const h of rows) {
    const anchor = anchorQuote(
      {
        hintParagraph: h.paragraph_id === null ? null : (hintOf.get(h.paragraph_id) ?? null),
        start: h.start_offset ?? 0,
        end: h.end_offset ?? 0,
        quote: h.quote,
        prefix: h.prefix,
        suffix: h.suffix,
      },
      texts,
    );
    const text = anchor ? texts[anchor.paragraph] : undefined;
    const paragraphId = anchor ? ids[anchor.paragraph] : undefined;
    if (!anchor || text === undefined || paragraphId === undefined) {
      orphan.run(h.id);
      orphanIds.push(h.id);
      continue;
    }
    placed[anchor.method]++;
    place.run(
      paragraphId,
      anchor.start,
      anchor.end,
      text.slice(anchor.start, anchor.end),
      text.slice(Math.max(0, anchor.start - contextLength), anchor.start),
      text.slice(anchor.end, anchor.end + contextLength),
      h.id,
    );
  }
  return { placed, orphans: [...readHighlightsByIds(db, orphanIds).values()] };
}

/**
 * Where a re-clean carries each old paragraph's note and tags: the new paragraph of the same text
 * (matchParagraphs), or for one that is gone the most similar new paragraph; null when the new
 * text has no paragraph. Sync carries paragraph-keyed data of another device by the same map.
 */
export function carriedParagraphs(oldTexts: readonly string[], newTexts: readonly string[]): Array<number | null> {
  const match = matchParagraphs(oldTexts, newTexts);
  return oldTexts.map((text, i) => match[i] ?? (newTexts.length === 0 ? null : mostSimilar(text, newTexts)));
}

/** A paragraph that is gone hands its note and tags to the most similar new paragraph. */
function moveOrphanedParagraphAnnotations(
  db: Db,
  old: readonly OldParagraph[],
  match: ReadonlyArray<number | null>,
  ids: readonly number[],
  texts: readonly string[],
): number {
  let moved = 0;
  const carried = carriedParagraphs(
    old.map((p) => p.text),
    texts,
  );
  old.forEach((p, i) => {
    if (match[i] !== null) return;
    const hasNote = db.prepare('SELECT 1 FROM note WHERE paragraph_id = ?').get(p.id) !== undefined;
    const tagIds = (
      db.prepare('SELECT tag_id FROM paragraph_tag WHERE paragraph_id = ?').all(p.id) as Array<{ tag_id: number }>
    ).map((r) => r.tag_id);
    if (!hasNote && tagIds.length === 0) return;
    const to = carried[i];
    const target = to === null || to === undefined ? undefined : ids[to];
    if (target === undefined) return;
    if (hasNote) mergeNoteInto(db, p.id, target);
    for (const tagId of tagIds) {
      db.prepare('INSERT OR IGNORE INTO paragraph_tag (paragraph_id, tag_id) VALUES (?, ?)').run(target, tagId);
    }
    db.prepare('DELETE FROM paragraph_tag WHERE paragraph_id = ?').run(p.id);
    moved++;
  });
  return moved;
}

function mostSimilar(text: string, candidates: readonly string[]): number {
  const chars = new Set(text);
  let best = 0;
  let bestScore = -1;
  candidates.forEach((candidate, i) => {
    let shared = 0;
    for (const c of new Set(candidate)) if (chars.has(c)) shared++;
    const score = shared / Math.max(1, new Set([...chars, ...candidate]).size);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
