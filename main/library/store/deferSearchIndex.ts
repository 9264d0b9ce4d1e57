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
  db.exec(`DROP TRIGGER ${triggerName}`);
  const result = work();
  // Every statement of the body, over the batch's rows (maxId is an integer from SQLite).
  db.exec(body.replaceAll(newParagraph, `FROM paragraph r WHERE r.id > ${Math.trunc(maxId)}`));
  db.exec(row.sql);
  return result;
}
