import type { BackupImportCounts } from '../../../preload/contract/api';
import type { Memo } from '../../../preload/contract/memoTypes';
import type { Backup, BackupMemo } from '../export/backupFormat';
import { joinNotes, noteAlreadyHolds } from '../export/joinNotes';
import { findArticleByHash } from '../store/articles';
import type { Db } from '../store/openDatabase';
import { readArticleMemo, readArticleMemos, readJournal } from './readMemos';

/** The memos as a backup holds them: each article's by article id, and the journal oldest first. */
export function readBackupMemos(db: Db): { articleMemos: Map<number, BackupMemo>; journal: BackupMemo[] } {
  const articleMemos = new Map<number, BackupMemo>();
  for (const [articleId, memo] of readArticleMemos(db)) articleMemos.set(articleId, toBackupMemo(memo));
  return { articleMemos, journal: readJournal(db).reverse().map(toBackupMemo) };
}

/**
 * A backup's memos merged in, outside the journal (the import then discards the undo history):
 * an article's memo is added when the article has none, joined after its own when it has a
 * different one (as notes are), and left alone when the library's already holds it; a journal
 * entry is added unless an entry of the same date and text is there, so importing the same
 * backup twice adds nothing the second time. Call after the backup's articles are in.
 */
export function importBackupMemos(db: Db, backup: Backup, counts: BackupImportCounts, now: string): void {
  const insert = db.prepare(
    'INSERT INTO memo (article_id, editor_state, plain_text, markdown, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const article of backup.articles) {
    if (!article.memo) continue;
    const articleId = findArticleByHash(db, article.contentHash)?.id;
    if (articleId === undefined) continue;
    const memo = article.memo;
    const own = readArticleMemo(db, articleId);
    if (!own) {
      insert.run(articleId, memo.editorState, memo.plainText, memo.markdown, memo.createdAt, memo.updatedAt);
      counts.memosAdded++;
      continue;
    }
    const stored = { editor_state: own.editorState, plain_text: own.plainText, markdown: own.markdown };
    if (noteAlreadyHolds(stored, memo)) continue;
    const joined = joinNotes(stored, memo);
    db.prepare('UPDATE memo SET editor_state = ?, plain_text = ?, markdown = ?, updated_at = ? WHERE id = ?').run(
      joined.editor_state,
      joined.plain_text,
      joined.markdown,
      now,
      own.id,
    );
    counts.memosJoined++;
  }
  const has = db.prepare('SELECT 1 FROM memo WHERE article_id IS NULL AND created_at = ? AND plain_text = ?');
  for (const entry of backup.libraryJournal) {
    if (has.get(entry.createdAt, entry.plainText)) continue;
    insert.run(null, entry.editorState, entry.plainText, entry.markdown, entry.createdAt, entry.updatedAt);
    counts.memosAdded++;
  }
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
