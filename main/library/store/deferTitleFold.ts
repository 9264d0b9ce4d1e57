import type { Db } from './openDatabase';
import { titleFoldFunction } from './titleFold';

/** Migration 0036's trigger: a new article's folded title, and a count of title changes for the list's title order. */
const titleTrigger = 'article_title_insert';
const foldsTitle = new RegExp(
  String.raw`\bBEGIN\s+UPDATE article SET title_folded = ${titleFoldFunction}\(new\.title\) WHERE id = new\.id;\s+` +
    String.raw`UPDATE article_title_version SET version = version \+ 1;\s+END\s*$`,
);

/**
 * Lifts that trigger for an import batch (inside its transaction): it rewrote each new article's
 * row, and the list indexes that carry the folded title, right after its INSERT; the import's
 * INSERT gives the folded title itself (store/articles). `restore` then does in one statement what
 * the trigger would have done for every article the batch added, for any writer that did not give
 * it, and counts the titles' change once (the count is only compared for equality,
 * store/articlePage), then puts the trigger back. Left in place if it is not the one expected.
 * 3,000 article rows alone: 46 µs each with the trigger, 30 µs so.
 */
export function liftTitleTrigger(db: Db): { restore: () => void } | undefined {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(titleTrigger) as
    string | undefined;
  if (sql === undefined || !foldsTitle.test(sql)) return undefined;
  const maxArticleId = db.prepare('SELECT coalesce(max(id), 0) FROM article').pluck().get() as number;
  db.exec(`DROP TRIGGER ${titleTrigger}`);
  return {
    restore() {
      db.prepare(
        `UPDATE article SET title_folded = ${titleFoldFunction}(title)
         WHERE id > ? AND title_folded IS NOT ${titleFoldFunction}(title)`,
      ).run(maxArticleId);
      const added = db.prepare('SELECT EXISTS (SELECT 1 FROM article WHERE id > ?)').pluck().get(maxArticleId) === 1;
      if (added) db.exec('UPDATE article_title_version SET version = version + 1');
      db.exec(sql);
    },
  };
}
