import { discardHistory } from '../journal/journalEntries';
import type { Db } from './openDatabase';

/**
 * Deletes every trashed article with its paragraphs, highlights, tags on them and notes, in one
 * transaction; returns how many. The only way an article leaves the library, and only on request.
 * Undo history goes too: it may name rows that no longer exist (the app asks first, saying so).
 */
export function emptyTrash(db: Db): number {
  return db
    .transaction(() => {
      const trashed = `SELECT id FROM article WHERE trashed_at IS NOT NULL`;
      const paragraphs = `SELECT id FROM paragraph WHERE article_id IN (${trashed})`;
      const highlights = `SELECT id FROM highlight WHERE article_id IN (${trashed})`;
      db.prepare(`DELETE FROM highlight_tag WHERE highlight_id IN (${highlights})`).run();
      db.prepare(`DELETE FROM highlight WHERE article_id IN (${trashed})`).run();
      db.prepare(`DELETE FROM paragraph_tag WHERE paragraph_id IN (${paragraphs})`).run();
      db.prepare(`DELETE FROM note WHERE paragraph_id IN (${paragraphs})`).run();
      const removed = db.prepare('DELETE FROM article WHERE trashed_at IS NOT NULL').run().changes;
      if (removed > 0) discardHistory(db);
      return removed;
    })
    .immediate();
}
