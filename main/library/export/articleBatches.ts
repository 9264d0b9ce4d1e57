import type { Memo } from '../../../preload/contract/memoTypes';
import { readArticleMemos, readJournal } from '../memos/readMemos';
import Database from 'better-sqlite3';
import type { Db } from '../store/openDatabase';
import type { ArticleAnnotations, ExportArticle } from './exportData';
import {
  libraryArticlesSql,
  readArticleAnnotations,
  readArticleBatch,
  toArticle,
  type ArticleRow,
} from './readArticleAnnotations';
import { isAnnotated } from './renderArticleFile';

/** Articles read from the library at a time: a few hundred files' rows, never the whole library's. */
const defaultBatchArticles = 500;

/**
 * The articles a Markdown export of the library (or of one article) writes, read a batch at a
 * time from one snapshot of the library, so that an export of 1,000,000 highlights holds a few
 * thousand of them at once, not all (issue #16: the whole library read up front kept a heap of
 * over 2 GB). The snapshot is a read transaction on a connection of the export's own: the app
 * writes on its connection meanwhile (the export pauses between steps), and the export still
 * sees the library as it was when it began. Where there can be no second connection (a library
 * in memory, or not in WAL mode, where a reader would block the app's writes), everything is
 * read at once on the library's connection, as before.
 */
export interface ArticleBatches {
  /** The articles with something to export (all of them in the full text), in the library list's order. */
  count: number;
  /** The articles left out, having nothing annotated: named in the report. */
  unannotated: ExportArticle[];
  /** The journal's entries (library exports only). */
  journal: Memo[];
  /** The next batch of articles with their annotations (and memo), or undefined after the last. */
  next(): ArticleAnnotations[] | undefined;
  /**
   * Read in batches only: the next batch's articles (`count` of them, else a batch) without their
   * annotations (another thread, reading from the same snapshot, renders them), or undefined after
   * the last; `read` reads them here after all.
   */
  nextArticles?(count?: number): ExportArticle[] | undefined;
  read?(articles: readonly ExportArticle[]): ArticleAnnotations[];
  /** Whether `alsoBegin` began its own snapshot of the same library state as this one (see openArticleBatches). */
  shared: boolean;
  /** Ends the snapshot (and closes its connection). */
  close(): void;
}

/**
 * `alsoBegin`: starts another connection's read transaction (the export worker's, which renders
 * a share of the files), called just after this snapshot began, with the library's writes held
 * off from before this one began until it returns (the library connection's write lock, for a
 * second or two at 100,000 articles): both then see the same library. It says whether it began;
 * it is not called where there is no snapshot here, nor where the lock cannot be had.
 */
export function openArticleBatches(
  db: Db,
  {
    articleId,
    fullText,
    library,
    alsoBegin,
  }: { articleId?: number; fullText: boolean; library: boolean; alsoBegin?: () => boolean },
  batchArticles = defaultBatchArticles,
): ArticleBatches {
  const reader = articleId === undefined ? snapshotConnection(db) : undefined;
  if (reader === undefined) return readAtOnce(db, articleId, fullText, library);
  try {
    // Writes held off while the snapshots begin, so none comes between them: while this thread
    // reads the article list (the app's own writes wait for this thread anyway) and the worker begins.
    const holdWrites = alsoBegin !== undefined && !db.inTransaction && tryBeginImmediate(db);
    let shared = false;
    let begun: ReturnType<typeof beginSnapshot>;
    try {
      begun = beginSnapshot(reader, fullText, library);
      shared = holdWrites && alsoBegin();
    } finally {
      if (holdWrites) db.exec('ROLLBACK');
    }
    const { articles, withAnnotations, memos, journal } = begun;
    const chosen = withAnnotations === null ? articles : articles.filter((a) => withAnnotations.has(a.id));
    const unannotated = withAnnotations === null ? [] : articles.filter((a) => !withAnnotations.has(a.id));
    let from = 0;
    let closed = false;
    const nextArticles = (count = batchArticles): ExportArticle[] | undefined => {
      if (from >= chosen.length) return undefined;
      const batch = chosen.slice(from, from + count);
      from += count;
      return batch;
    };
    const read = (batch: readonly ExportArticle[]) =>
      readBatchWithMemos(
        reader,
        batch.map((a) => a.id),
        fullText,
        memos,
      );
    return {
      count: chosen.length,
      unannotated,
      journal,
      shared,
      next() {
        const batch = nextArticles();
        return batch === undefined ? undefined : read(batch);
      },
      nextArticles,
      read,
      close() {
        if (closed) return;
        closed = true;
        try {
          if (reader.inTransaction) reader.exec('COMMIT');
        } finally {
          reader.close();
        }
      },
    };
  } catch (error) {
    reader.close();
    throw error;
  }
}

/** A snapshot begun on `reader` (a read transaction, begun by its first read), and what is read of it at once. */
function beginSnapshot(reader: Db, fullText: boolean, library: boolean) {
  reader.exec('BEGIN');
  const articles = (reader.prepare(libraryArticlesSql).all() as ArticleRow[]).map(toArticle);
  const withAnnotations = fullText
    ? null
    : new Set((reader.prepare(annotatedArticlesSql).pluck().all() as number[]).map(Number));
  const memos = readArticleMemos(reader);
  const journal = library ? readJournal(reader) : [];
  return { articles, withAnnotations, memos, journal };
}

/** The library connection's write lock taken (no write can commit meanwhile), or false when another holds it. */
function tryBeginImmediate(db: Db): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch {
    return false;
  }
}

/** The articles `ids` with their annotations and memo, read on `reader` (a snapshot). */
export function readBatchWithMemos(
  reader: Db,
  ids: readonly number[],
  fullText: boolean,
  memos: ReadonlyMap<number, Memo>,
): ArticleAnnotations[] {
  return readArticleBatch(reader, ids, fullText).map((g) => {
    const memo = memos.get(g.article.id);
    return memo ? { ...g, memo: memo.markdown } : g;
  });
}

/**
 * The articles with anything a Markdown file quotes: a highlight (orphans too), a tagged or
 * noted paragraph, a memo, an unplaced note or tag. What readArticleAnnotations reads of an
 * article is annotated only when it is here (an unplaced tag whose tag is gone reads as nothing:
 * exportMarkdown and renderShare check each group again).
 */
const annotatedArticlesSql = `SELECT article_id FROM highlight
  UNION SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
  UNION SELECT p.article_id FROM note n JOIN paragraph p ON p.id = n.paragraph_id
  UNION SELECT article_id FROM memo WHERE article_id IS NOT NULL
  UNION SELECT article_id FROM unplaced_annotation
  UNION SELECT article_id FROM restored_unplaced`;

/** A connection of the export's own to the library's file, or undefined where it cannot have one (see above). */
function snapshotConnection(db: Db): Db | undefined {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
  try {
    return openSnapshotReader(db.name);
  } catch {
    // Its own connection failed (the folder unwritable for a -shm, say): read on the library's.
    return undefined;
  }
}

/**
 * A plain reader of the library file at `file`: the library's connection has checked the file and
 * migrated it already (openDatabaseReadOnly's quick_check took a second of the 10,000-article bench library).
 */
export function openSnapshotReader(file: string): Db {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  // The library connection's page cache (openDatabase): with SQLite's 2 MB default each batch read its pages again.
  reader.pragma('cache_size = -65536');
  return reader;
}

/** Everything read now, in one transaction of the library's connection, and handed out whole. */
function readAtOnce(db: Db, articleId: number | undefined, fullText: boolean, library: boolean): ArticleBatches {
  const { groups, journal } = db.transaction(() => {
    const memos = readArticleMemos(db);
    const read = readArticleAnnotations(db, articleId, false, fullText).map((g) => {
      const memo = memos.get(g.article.id);
      return memo ? { ...g, memo: memo.markdown } : g;
    });
    return { groups: read, journal: library ? readJournal(db) : [] };
  })();
  const annotated = fullText ? groups : groups.filter(hasAnnotations);
  const written = new Set(annotated);
  const unannotated = groups.filter((g) => !written.has(g)).map((g) => g.article);
  let batch: ArticleAnnotations[] | undefined = annotated;
  return {
    count: annotated.length,
    unannotated,
    journal,
    shared: false,
    next() {
      const out = batch;
      batch = undefined;
      return out;
    },
    close() {
      batch = undefined;
    },
  };
}

/** An article with something to quote: its memo, an orphan, an unplaced note or tag (sync, #19), or an annotated paragraph. */
export function hasAnnotations(g: ArticleAnnotations): boolean {
  return (
    g.memo !== undefined || g.orphans.length > 0 || (g.unplaced?.length ?? 0) > 0 || g.paragraphs.some(isAnnotated)
  );
}
