import type { Db } from '../store/openDatabase';
import type { SegmentationStore } from './countItems';

/**
 * The word_segmentation table (migration 0023): each paragraph's counted words, by its checksum
 * and the segmentation's version, read a paragraph at a time by the table's key. Opening a
 * version first drops the rows no list will read again (other versions, paragraphs gone or
 * changed), so the table holds about one row per paragraph; each write is one transaction. A library opened read-only only reads.
 */
export function segmentationStore(db: Db): SegmentationStore {
  const insert = db.prepare('INSERT OR IGNORE INTO word_segmentation (checksum, version, words) VALUES (?, ?, ?)');
  const write = db.transaction((version: string, rows: ReadonlyArray<{ checksum: string; words: string }>) => {
    for (const { checksum, words } of rows) insert.run(checksum, version, words);
  });
  const prune = db.transaction((version: string) => {
    db.prepare('DELETE FROM word_segmentation WHERE version != ?').run(version);
    db.prepare('DELETE FROM word_segmentation WHERE checksum NOT IN (SELECT checksum FROM paragraph)').run();
  });
  return {
    reader(version) {
      // A library opened only to read (pizhu freq) reads what was kept and keeps nothing new.
      if (!db.readonly) prune(version);
      const get = db.prepare('SELECT words FROM word_segmentation WHERE checksum = ? AND version = ?').pluck();
      return (checksum) => get.get(checksum, version) as string | undefined;
    },
    write(version, rows) {
      if (!db.readonly) write(version, rows);
    },
  };
}
