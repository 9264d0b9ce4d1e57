import type { UnplacedAnnotation } from '../../../preload/contract/articleTypes';
import type { Db } from './openDatabase';

/**
 * The unplaced notes and paragraph tags listed (`where` picks the articles, as a condition on
 * `article_id`): those the sync projection wrote (migration 0042) and those a JSON backup
 * restored (migration 0043) that the projection does not also hold (the same document key),
 * notes first, each in its entry's order. Columns: article_id, entry, kind, plain_text,
 * markdown, tag (its name), made_by (a member uid; '' for a restored one), maker (the member's
 * name, or the restored one's; '' when unknown), updated_at, dismissed (1 when set aside), restored.
 * A restored one is left out once the article holds it placed (a note of it holds its words, a
 * paragraph of it has its tag): placed by the person, or by a re-clean that the documents placed.
 * A tag row whose tag is gone (merged away, not yet projected to the tag kept) is left out until it is.
 */
export function listedUnplacedSql(where: string): string {
  const articles = (alias: string) => (where === '' ? '' : ` AND ${alias}.${where}`);
  return `SELECT x.article_id, x.entry, x.kind, x.plain_text, x.markdown, x.tag, x.made_by, x.maker, x.updated_at,
      d.entry IS NOT NULL AS dismissed, x.restored
    FROM (
      SELECT u.article_id, u.entry, u.kind, u.plain_text, u.markdown, t.name AS tag, u.made_by,
        coalesce(m.name, '') AS maker, u.updated_at, 0 AS restored
      FROM unplaced_annotation u LEFT JOIN tag t ON t.id = u.tag_id LEFT JOIN library_member m ON m.uid = u.made_by
      WHERE (u.tag_id IS NULL OR t.id IS NOT NULL)${articles('u')}
      UNION ALL
      SELECT r.article_id, r.entry, r.kind, r.plain_text, r.markdown, r.tag_name, '', r.made_by_name, r.updated_at, 1
      FROM restored_unplaced r
      WHERE NOT EXISTS (SELECT 1 FROM unplaced_annotation u WHERE u.article_id = r.article_id AND u.entry = r.entry)
        AND NOT (r.kind = 'note' AND EXISTS (SELECT 1 FROM paragraph p JOIN note n ON n.paragraph_id = p.id
          WHERE p.article_id = r.article_id AND instr(n.plain_text, r.plain_text) > 0))
        AND NOT (r.kind = 'paragraph_tag' AND EXISTS (SELECT 1 FROM paragraph p JOIN paragraph_tag pt ON pt.paragraph_id = p.id
          JOIN tag t ON t.id = pt.tag_id WHERE p.article_id = r.article_id AND t.name = r.tag_name COLLATE NOCASE))${articles('r')}
    ) x LEFT JOIN unplaced_dismissed d ON d.article_id = x.article_id AND d.entry = x.entry
    ORDER BY x.article_id, x.kind, x.entry`;
}

/** A row of listedUnplacedSql, as named there. */
export interface ListedUnplacedRow {
  article_id: number;
  entry: string;
  kind: UnplacedAnnotation['kind'];
  plain_text: string;
  markdown: string;
  tag: string | null;
  made_by: string;
  maker: string;
  updated_at: string;
  dismissed: number;
  restored: number;
}

/** An article's unplaced notes and paragraph tags as the reader lists them, with whether this person set each aside. */
export function readUnplacedAnnotations(db: Db, articleId: number): UnplacedAnnotation[] {
  const rows = db.prepare(listedUnplacedSql('article_id = ?')).all(articleId, articleId) as ListedUnplacedRow[];
  return rows.map((r) => ({
    key: r.entry,
    kind: r.kind,
    plainText: r.plain_text,
    markdown: r.markdown,
    tag: r.tag,
    madeBy: r.made_by,
    updatedAt: r.updated_at,
    dismissed: r.dismissed === 1,
    ...(r.restored === 1 ? { restoredMaker: r.maker } : {}),
  }));
}

/**
 * Sets an unplaced entry aside in the reader, or brings it back. Nothing of the entry is changed:
 * it stays in the sync document and its row (or in the rows a backup restored), and is placed as
 * before once a paragraph matches. False when the article lists no such entry (a dismissal of one
 * placed since changes nothing).
 */
export function setUnplacedDismissed(db: Db, articleId: number, key: string, dismissed: boolean, now: string): boolean {
  const listed = db
    .prepare(
      `SELECT 1 FROM unplaced_annotation WHERE article_id = @articleId AND entry = @key
       UNION ALL SELECT 1 FROM restored_unplaced WHERE article_id = @articleId AND entry = @key`,
    )
    .get({ articleId, key });
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
