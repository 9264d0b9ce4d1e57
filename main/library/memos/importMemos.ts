import { readableNote } from '../annotations/readableNote';
import { joinNotes, noteAlreadyHolds } from '../export/joinNotes';
import type { Db } from '../store/openDatabase';
import { readArticleMemo } from './readMemos';

/** A memo from outside the editor (a backup, a REFI-QDA project): its three forms and dates. */
export interface ImportedMemo {
  editorState: string;
  plainText: string;
  markdown: string;
  createdAt: string;
  updatedAt: string;
}

const insertSql =
  'INSERT INTO memo (article_id, editor_state, plain_text, markdown, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)';

/**
 * An imported memo of an article, outside the journal (an import then discards the undo
 * history): added when the article has none, joined after its own when that is different (a
 * blank line between, as notes are joined), and left alone when the article's already holds it,
 * so importing the same file twice adds nothing the second time. A memo whose editor state the
 * editor cannot show is rebuilt from its Markdown, as a note's is (readableNote).
 */
export function mergeImportedMemo(db: Db, articleId: number, incoming: ImportedMemo, now: string): 'added' | 'joined' | 'held' {
  const memo = readableNote(incoming);
  const own = readArticleMemo(db, articleId);
  if (!own) {
    db.prepare(insertSql).run(articleId, memo.editorState, memo.plainText, memo.markdown, memo.createdAt, memo.updatedAt);
    return 'added';
  }
  const stored = { editor_state: own.editorState, plain_text: own.plainText, markdown: own.markdown };
  if (noteAlreadyHolds(stored, memo)) return 'held';
  const joined = joinNotes(stored, memo);
  db.prepare('UPDATE memo SET editor_state = ?, plain_text = ?, markdown = ?, updated_at = ? WHERE id = ?').run(
    joined.editor_state,
    joined.plain_text,
    joined.markdown,
    now,
    own.id,
  );
  return 'joined';
}

/** An imported journal entry, unless one of the same date and text is there already. True when added. */
export function addImportedJournalEntry(db: Db, incoming: ImportedMemo): boolean {
  const entry = readableNote(incoming);
  const has = db.prepare('SELECT 1 FROM memo WHERE article_id IS NULL AND created_at = ? AND plain_text = ?');
  if (has.get(entry.createdAt, entry.plainText)) return false;
  db.prepare(insertSql).run(null, entry.editorState, entry.plainText, entry.markdown, entry.createdAt, entry.updatedAt);
  return true;
}
