import type { BackupImportCounts } from '../../../preload/contract/api';
import type { Memo } from '../../../preload/contract/memoTypes';
import type { Backup, BackupMemo } from '../export/backupFormat';
import { findArticleByHash } from '../store/articles';
import type { Db } from '../store/openDatabase';
import { addImportedJournalEntry, mergeImportedMemo } from './importMemos';
import { readArticleMemos, readJournal } from './readMemos';

/** The memos as a backup holds them: each article's by article id, and the journal oldest first. */
export function readBackupMemos(db: Db): { articleMemos: Map<number, BackupMemo>; journal: BackupMemo[] } {
  const articleMemos = new Map<number, BackupMemo>();
  for (const [articleId, memo] of readArticleMemos(db)) articleMemos.set(articleId, toBackupMemo(memo));
  return { articleMemos, journal: readJournal(db).reverse().map(toBackupMemo) };
}

/** A backup's memos merged in (importMemos); call after the backup's articles are in. */
export function importBackupMemos(db: Db, backup: Backup, counts: BackupImportCounts, now: string): void {
  for (const article of backup.articles) {
    if (!article.memo) continue;
    const articleId = findArticleByHash(db, article.contentHash)?.id;
    if (articleId === undefined) continue;
    const outcome = mergeImportedMemo(db, articleId, article.memo, now);
    if (outcome === 'added') counts.memosAdded++;
    else if (outcome === 'joined') counts.memosJoined++;
  }
  for (const entry of backup.libraryJournal) if (addImportedJournalEntry(db, entry)) counts.memosAdded++;
}

function toBackupMemo(memo: Memo): BackupMemo {
  return {
    editorState: memo.editorState,
    plainText: memo.plainText,
    markdown: memo.markdown,
    createdAt: memo.createdAt,
    updatedAt: memo.updatedAt,
  };
}
