import type { Memo, MemoText } from '../../../preload/contract/memoTypes';
import { createJournaled, type Step } from '../annotations/journaled';
import { startsNewStep } from '../annotations/noteOperations';
import type { Recorder } from '../journal/recordChanges';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { readArticleMemo, readJournal, readMemo } from './readMemos';

export type Memos = ReturnType<typeof createMemos>;

/**
 * An article's memo and the library journal's entries. Every save is one transaction and one
 * journal (undo) entry; saves of one memo in quick succession (typing) fold into one undo step
 * as a note's do, and a new line, reopening the memo, a new memo and a deletion start a new one.
 */
export function createMemos(db: Db, nowIso: () => string) {
  const journaled = createJournaled(db, nowIso);

  function requireArticle(articleId: number): void {
    if (!db.prepare('SELECT 1 FROM article WHERE id = ?').get(articleId)) {
      throw new LibraryError('not-found', `There is no article ${articleId} in the library.`, String(articleId));
    }
  }

  function requireEntry(id: number): Memo {
    const memo = readMemo(db, id);
    if (!memo || memo.articleId !== null) {
      throw new LibraryError('not-found', `There is no journal entry ${id}; it may have been deleted.`, String(id));
    }
    return memo;
  }

  return {
    getArticleMemo(articleId: number): Memo | null {
      requireArticle(articleId);
      return readArticleMemo(db, articleId) ?? null;
    },

    /** Saves an article's memo and answers it, or null when its text is blank and the memo so removed. */
    saveArticleMemo(articleId: number, text: MemoText): Memo | null {
      return journaled((rec, now) => {
        requireArticle(articleId);
        const existing = readArticleMemo(db, articleId);
        const id = writeMemo(rec, existing, articleId, text, now);
        return step(id, existing, text, `memo:article:${articleId}`, 'Edit article memo');
      });
    },

    /** The journal, newest entry first. */
    listJournal(): Memo[] {
      return readJournal(db);
    },

    /**
     * Writes a journal entry: without an id a new one dated now (nothing when the text is blank);
     * with one that entry (blank text removes it). Answers the entry, or null when there is none.
     */
    saveJournalEntry(id: number | undefined, text: MemoText): Memo | null {
      return journaled((rec, now) => {
        const existing = id === undefined ? undefined : requireEntry(id);
        const written = writeMemo(rec, existing, null, text, now);
        return step(written, existing, text, `memo:journal:${written ?? id ?? 'new'}`, 'Edit journal entry');
      });
    },

    /** Removes a journal entry; answers it as it was (undo brings it back). */
    removeJournalEntry(id: number): Memo {
      return journaled((rec) => {
        const entry = requireEntry(id);
        rec.remove('memo', { id });
        return { value: entry, op: 'memo.delete', description: 'Delete journal entry', newStep: true };
      });
    },
  };

  function step(
    id: number | undefined,
    existing: Memo | undefined,
    text: MemoText,
    coalesce: string,
    description: string,
  ): Step<Memo | null> {
    if (id === undefined) {
      return { value: null, op: 'memo.delete', description: description.replace('Edit', 'Delete'), coalesce, newStep: true };
    }
    return { value: readMemo(db, id) ?? null, op: 'memo.save', description, coalesce, newStep: startsNewStep(text, existing) };
  }
}

/**
 * Inserts, updates or (blank text) removes one memo through the journal; answers its id, or
 * undefined when there is none now. The same text again changes nothing, not even the date.
 */
function writeMemo(
  rec: Recorder,
  existing: Memo | undefined,
  articleId: number | null,
  text: MemoText,
  now: string,
): number | undefined {
  if (text.plainText.trim() === '') {
    if (existing) rec.remove('memo', { id: existing.id });
    return undefined;
  }
  const fields = { editor_state: text.editorState, plain_text: text.plainText, markdown: text.markdown };
  if (!existing) {
    return rec.insert('memo', { article_id: articleId, ...fields, created_at: now, updated_at: now });
  }
  const same =
    existing.editorState === text.editorState && existing.plainText === text.plainText && existing.markdown === text.markdown;
  if (!same) rec.update('memo', { id: existing.id }, { ...fields, updated_at: now });
  return existing.id;
}
