import type { Db } from '../store/openDatabase';
import { listedUnplacedSql, type ListedUnplacedRow } from '../store/unplacedAnnotations';
import type { BackupUnplaced } from './backupFormat';

/**
 * Every article's unplaced notes and paragraph tags (sync, #19) as a backup holds them, by article
 * id: those the sync documents list here and those a backup restored, each as the reader lists
 * it (with its maker's name, and whether the person set it aside). Their words live in another
 * device's document entries, which a backup does not hold: without these a restore lost them.
 */
export function readBackupUnplaced(db: Db): Map<number, BackupUnplaced[]> {
  const byArticle = new Map<number, BackupUnplaced[]>();
  for (const row of db.prepare(listedUnplacedSql('')).all() as ListedUnplacedRow[]) {
    let list = byArticle.get(row.article_id);
    if (list === undefined) byArticle.set(row.article_id, (list = []));
    list.push(
      row.kind === 'note'
        ? {
            key: row.entry,
            kind: 'note',
            plainText: row.plain_text,
            markdown: row.markdown,
            madeBy: row.maker,
            updatedAt: row.updated_at,
            setAside: row.dismissed === 1,
          }
        : {
            key: row.entry,
            kind: 'paragraphTag',
            tag: row.tag ?? '',
            madeBy: row.maker,
            setAside: row.dismissed === 1,
          },
    );
  }
  return byArticle;
}

/**
 * A backup's unplaced entries of an article, brought back (migration 0043: restored_unplaced),
 * listed and exported with the article's own. One the article lists already by its key (from the
 * documents, or restored before) is not added again; one whose key it lists with other words (the
 * note changed between two backups) is kept too, under its key and time, so neither is lost.
 * Set aside as the backup says, when it was. The number added.
 */
export function restoreBackupUnplaced(
  db: Db,
  articleId: number,
  entries: readonly BackupUnplaced[] | undefined,
  now: string,
): number {
  let added = 0;
  const listed = db.prepare(listedUnplacedSql('article_id = ?'));
  const insert = db.prepare(
    `INSERT INTO restored_unplaced (article_id, entry, kind, tag_name, plain_text, markdown, made_by_name, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setAside = db.prepare(
    'INSERT OR IGNORE INTO unplaced_dismissed (article_id, entry, dismissed_at) VALUES (?, ?, ?)',
  );
  for (const entry of entries ?? []) {
    const kind = entry.kind === 'note' ? 'note' : 'paragraph_tag';
    const words = entry.kind === 'note' ? entry.plainText : '';
    const tag = entry.kind === 'note' ? null : entry.tag;
    const held = new Map((listed.all(articleId, articleId) as ListedUnplacedRow[]).map((r) => [r.entry, r]));
    const same = (r: ListedUnplacedRow | undefined) => r?.kind === kind && r.plain_text === words && r.tag === tag;
    if (same(held.get(entry.key))) continue;
    // Another entry under its key: kept beside it, its key numbered (within the schema's 200 characters).
    let key = entry.key;
    for (let n = 2; held.has(key) && !same(held.get(key)); n++) key = `${entry.key.slice(0, 190)} (${n})`;
    if (same(held.get(key))) continue;
    insert.run(
      articleId,
      key,
      kind,
      tag,
      words,
      entry.kind === 'note' ? entry.markdown : '',
      entry.madeBy,
      entry.kind === 'note' ? entry.updatedAt : '',
    );
    if (entry.setAside) setAside.run(articleId, key, now);
    added++;
  }
  return added;
}
