import type { BackupImportCounts } from '../../../preload/contract/api';
import { discardHistory } from '../journal/journalEntries';
import { findArticleByHash } from '../store/articles';
import type { Db } from '../store/openDatabase';
import { createBackupWriter } from './backupWriter';
import { insertBackupArticle, mergeBackupArticle } from './importBackupArticle';
import type { Backup } from './backupFormat';
import { readBackupFile } from './readBackupFile';
import { requireAbsolutePath } from '../files/writeTextFile';
import { importBackupVocabulary } from '../vocabulary/backupVocabulary';
import { importBackupOverrides } from '../overrides/backupOverrides';
import { importBackupDescription } from '../codebook/backupDescriptions';
import { importBackupMemos } from '../memos/backupMemos';
import { importBackupAttributes } from '../attributes/backupAttributes';
import { restoreBackupUnplaced } from './backupUnplaced';

/**
 * Merges a JSON backup into the library in one transaction: all of it or, on any error,
 * nothing. Articles are matched by content hash, tags by name whatever the case, highlights
 * by place and quote, notes by paragraph (a different note is joined, never overwritten), unplaced
 * notes and tags by their key (backupUnplaced), so
 * importing the same backup twice adds nothing the second time. `source`: the backup file, or
 * one already read (readBackupFile), so that a merge the person previewed merges what they saw.
 * `articleStored`: called, inside the transaction, as soon as an article new here has its text
 * and paragraphs; annotations it then holds (sync's, from other devices) are joined, not overwritten.
 */
export function importBackup(
  db: Db,
  source: string | Backup,
  now: string,
  articleStored?: (articleId: number) => void,
): BackupImportCounts {
  const backup = typeof source === 'string' ? readBackupFile(requireAbsolutePath(source, 'backup file')) : source;
  return db
    .transaction(() => {
      const changesBefore = totalChanges(db);
      const writer = createBackupWriter(db, now);
      for (const tag of backup.tags) {
        const tagId = writer.tagId(tag.name, tag.color, tag.createdAt);
        if (tag.description) importBackupDescription(db, tagId, tag.description, writer.counts);
      }
      for (const article of backup.articles) {
        const existing = findArticleByHash(db, article.contentHash);
        if (existing) mergeBackupArticle(db, writer, existing.id, article);
        else insertBackupArticle(db, writer, article, articleStored);
        const id = existing?.id ?? findArticleByHash(db, article.contentHash)?.id;
        if (id !== undefined) restoreBackupUnplaced(db, id, article.unplaced, now);
      }
      importBackupVocabulary(db, backup.vocabulary, writer.counts);
      importBackupOverrides(db, backup.termOverrides, writer.counts);
      importBackupMemos(db, backup, writer.counts, now);
      importBackupAttributes(db, backup, writer.counts);
      // Undo entries from before would put back rows by ids the import may now be using.
      if (totalChanges(db) > changesBefore) discardHistory(db);
      return writer.counts;
    })
    .immediate();
}

function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
