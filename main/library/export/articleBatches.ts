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
  /** Ends the snapshot (and closes its connection). */
  close(): void;
}

export function openArticleBatches(
  db: Db,
  { articleId, fullText, library }: { articleId?: number; fullText: boolean; library: boolean },
  batchArticles = defaultBatchArticles,
): ArticleBatches {
  const reader = articleId === undefined ? snapshotConnection(db) : undefined;
  if (reader === undefined) return readAtOnce(db, articleId, fullText, library);
  try {
    reader.exec('BEGIN');
    const articles = (reader.prepare(libraryArticlesSql).all() as ArticleRow[]).map(toArticle);
    const withAnnotations = fullText
      ? null
      : new Set((reader.prepare(annotatedArticlesSql).pluck().all() as number[]).map(Number));
    const memos = readArticleMemos(reader);
    const journal = library ? readJournal(reader) : [];
    const chosen = withAnnotations === null ? articles : articles.filter((a) => withAnnotations.has(a.id));
    const unannotated = withAnnotations === null ? [] : articles.filter((a) => !withAnnotations.has(a.id));
    let from = 0;
    let closed = false;
    return {
      count: chosen.length,
      unannotated,
      journal,
      next() {
        if (from >= chosen.length) return undefined;
        const ids = chosen.slice(from, from + batchArticles).map((a) => a.id);
        from += batchArticles;
        return readArticleBatch(reader, ids, fullText).map((g) => {
          const memo = memos.get(g.article.id);
          return memo ? { ...g, memo: memo.markdown } : g;
        });
      },
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

/**
 * The articles with anything a Markdown file quotes: a highlight (orphans too), a tagged or
 * noted paragraph, a memo. What readArticleAnnotations reads of an article is annotated exactly
 * when it is here (exportMarkdown checks each group again all the same).
 */
const annotatedArticlesSql = `SELECT article_id FROM highlight
  UNION SELECT p.article_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
  UNION SELECT p.article_id FROM note n JOIN paragraph p ON p.id = n.paragraph_id
  UNION SELECT article_id FROM memo WHERE article_id IS NOT NULL`;

/** A connection of the export's own to the library's file, or undefined where it cannot have one (see above). */
function snapshotConnection(db: Db): Db | undefined {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
  try {
    // A plain reader: the library's connection has checked the file and migrated it already
    // (openDatabaseReadOnly's quick_check took a second of the 10,000-article bench library).
    const reader = new Database(db.name, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 5000');
    // The library connection's page cache (openDatabase): with SQLite's 2 MB default each batch read its pages again.
    reader.pragma('cache_size = -65536');
    return reader;
  } catch {
    // Its own connection failed (the folder unwritable for a -shm, say): read on the library's.
    return undefined;
  }
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

/** An article with something to quote: its memo, an orphan, or an annotated paragraph. */
export function hasAnnotations(g: ArticleAnnotations): boolean {
  return g.memo !== undefined || g.orphans.length > 0 || g.paragraphs.some(isAnnotated);
}
