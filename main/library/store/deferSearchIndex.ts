import { paragraph } from './migrations/0004-search-index-without-sizes';
import type { Db } from './openDatabase';

/** The trigger that indexes each new paragraph (migration 0004), and the one-row table it reads. */
const triggerName = 'paragraph_search_insert';
const newParagraph = paragraph('new');

/**
 * Runs `work` (a batch of imports, inside the caller's transaction) with the paragraph index
 * trigger lifted, then indexes the batch's new paragraphs in one statement and puts the trigger
 * back, all in that transaction: a crash or a throw rolls the whole batch back, trigger included.
 *
 * Why: FTS5 flushes its pending terms to a new segment at every savepoint, and each article of
 * a batch is a savepoint (and each paragraph INSERT a statement savepoint), so indexing row by
 * row writes and then merges thousands of tiny segments; that was most of an import's time.
 *
 * The indexing statements are the trigger's own body with its one-row source swapped for the new
 * rows, so the indexes hold exactly what the trigger would have written. If the trigger is not
 * the one expected, the batch simply runs with it.
 */
export function withDeferredParagraphIndex<T>(db: Db, work: () => T): T {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(triggerName) as
    { sql: string } | undefined;
  const body = row ? /\bBEGIN\b([\s\S]*)\bEND\s*$/.exec(row.sql)?.[1] : undefined;
  // The trigger indexes the search index and the character index (migration 0018) from the same row.
  if (!row || body === undefined || body.split(newParagraph).length < 2) return work();
  // Paragraph ids are rowids without AUTOINCREMENT: every row the batch adds is above today's max.
  const { maxId } = db.prepare('SELECT coalesce(max(id), 0) AS maxId FROM paragraph').get() as { maxId: number };
  const fingerprint = liftFingerprintTrigger(db);
  db.exec(`DROP TRIGGER ${triggerName}`);
  const result = work();
  // Every statement of the body, over the batch's rows (maxId is an integer from SQLite).
  db.exec(body.replaceAll(newParagraph, `FROM paragraph r WHERE r.id > ${Math.trunc(maxId)}`));
  db.exec(row.sql);
  fingerprint?.restore(maxId);
  return result;
}

/** Migration 0012's trigger: a new paragraph drops its article's fingerprint (derived data, made again when needed). */
const fingerprintTrigger = 'paragraph_insert_drops_fingerprint';
const dropsFingerprint = /\bBEGIN\s+DELETE FROM article_fingerprint WHERE article_id = NEW\.article_id;\s+END\s*$/;

/**
 * Lifts that trigger for the batch too: it ran once per paragraph (some 2.4 µs each, a tenth of
 * the CPU of storing an import) and found nothing, since a batch’s articles are new and get
 * their fingerprint after their paragraphs. `restore` then drops, in one statement, the
 * fingerprints of the articles older than the batch that gained a paragraph in it (what the
 * trigger would have dropped), and puts the trigger back. Left in place if it is not the one expected.
 */
function liftFingerprintTrigger(db: Db): { restore: (maxParagraphId: number) => void } | undefined {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(fingerprintTrigger) as
    string | undefined;
  if (sql === undefined || !dropsFingerprint.test(sql)) return undefined;
  const maxArticleId = db.prepare('SELECT coalesce(max(id), 0) FROM article').pluck().get() as number;
  db.exec(`DROP TRIGGER ${fingerprintTrigger}`);
  return {
    restore(maxParagraphId) {
      db.prepare(
        'DELETE FROM article_fingerprint WHERE article_id IN (SELECT article_id FROM paragraph WHERE id > ? AND article_id <= ?)',
      ).run(maxParagraphId, maxArticleId);
      db.exec(sql);
    },
  };
}
