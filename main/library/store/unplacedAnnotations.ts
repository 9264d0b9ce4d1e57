import type { UnplacedAnnotation } from '../../../preload/contract/articleTypes';
import type { Db } from './openDatabase';

/**
 * An article's notes and paragraph tags that lead to no paragraph here (migration 0042, written by
 * sync/model/unplacedEntries), notes first, each in its entry's order, with whether this person set
 * it aside. A tag row whose tag is gone (merged away, not yet projected to the tag kept) is left
 * out until it is.
 */
export function readUnplacedAnnotations(db: Db, articleId: number): UnplacedAnnotation[] {
  const rows = db
    .prepare(
      `SELECT u.entry, u.kind, u.plain_text, u.markdown, t.name AS tag, u.made_by, u.updated_at, d.entry IS NOT NULL AS dismissed
       FROM unplaced_annotation u LEFT JOIN tag t ON t.id = u.tag_id
         LEFT JOIN unplaced_dismissed d ON d.article_id = u.article_id AND d.entry = u.entry
       WHERE u.article_id = ? AND (u.tag_id IS NULL OR t.id IS NOT NULL)
       ORDER BY u.kind, u.entry`,
    )
    .all(articleId) as Array<{
    entry: string;
    kind: UnplacedAnnotation['kind'];
    plain_text: string;
    markdown: string;
    tag: string | null;
    made_by: string;
    updated_at: string;
    dismissed: number;
  }>;
  return rows.map((r) => ({
    key: r.entry,
    kind: r.kind,
    plainText: r.plain_text,
    markdown: r.markdown,
    tag: r.tag,
    madeBy: r.made_by,
    updatedAt: r.updated_at,
    dismissed: r.dismissed === 1,
  }));
}

/**
 * Sets an unplaced entry aside in the reader, or brings it back. Nothing of the entry is changed:
 * it stays in the sync document and its row, and is placed as before once a paragraph matches.
 * False when the article lists no such entry (a dismissal of one placed since changes nothing).
 */
export function setUnplacedDismissed(db: Db, articleId: number, key: string, dismissed: boolean, now: string): boolean {
  const listed = db.prepare('SELECT 1 FROM unplaced_annotation WHERE article_id = ? AND entry = ?').get(articleId, key);
  if (listed === undefined) return false;
  if (dismissed) {
    db.prepare('INSERT OR IGNORE INTO unplaced_dismissed (article_id, entry, dismissed_at) VALUES (?, ?, ?)').run(
      articleId,
      key,
      now,
    );
  } else {
    db.prepare('DELETE FROM unplaced_dismissed WHERE article_id = ? AND entry = ?').run(articleId, key);
  }
  return true;
}
