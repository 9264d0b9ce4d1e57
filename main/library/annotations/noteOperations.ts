import type { Note } from '../../../preload/contract/annotationTypes';
import { readNote } from '../store/notes';
import type { Db } from '../store/openDatabase';
import type { Journaled } from './journaled';
import { requireParagraph } from './lookups';

export interface NoteContent {
  paragraphId: number;
  /** Lexical editor state JSON. */
  editorState: string;
  plainText: string;
  markdown: string;
  /** The first save since the note was opened: a new undo step, however soon after the last. */
  startsStep?: boolean;
}

/** One note per paragraph: save (an empty one deletes it) and read. */
export function noteOperations(db: Db, journaled: Journaled) {
  return {
    /**
     * Saves a paragraph's note and returns it, or null when the note is now empty and so
     * deleted. Saves of one note in quick succession (typing) fold into one undo step; a pause
     * (journal/journalEntries), a new paragraph or line, reopening the note, a new note and a
     * deletion each start a new one, so undo takes back the last stretch of writing, never an hour.
     */
    saveNote(content: NoteContent): Note | null {
      return journaled((rec, now) => {
        const { paragraphId } = content;
        requireParagraph(db, paragraphId);
        const coalesce = `note:${paragraphId}`;
        const existing = readNote(db, paragraphId);
        if (content.plainText.trim() === '') {
          rec.remove('note', { paragraph_id: paragraphId });
          return { value: null, op: 'note.delete', description: 'Delete note', coalesce, newStep: true };
        }
        const newStep = startsNewStep(content, existing);
        const fields = { editor_state: content.editorState, plain_text: content.plainText, markdown: content.markdown };
        if (!existing) {
          rec.insert('note', { paragraph_id: paragraphId, ...fields, updated_at: now });
        } else if (
          existing.editorState !== fields.editor_state ||
          existing.plainText !== fields.plain_text ||
          existing.markdown !== fields.markdown
        ) {
          rec.update('note', { paragraph_id: paragraphId }, { ...fields, updated_at: now });
        }
        return {
          value: readNote(db, paragraphId) ?? null,
          op: 'note.save',
          description: 'Edit note',
          coalesce,
          newStep,
        };
      });
    },

    getNote(paragraphId: number): Note | null {
      requireParagraph(db, paragraphId);
      return readNote(db, paragraphId) ?? null;
    },
  };
}

/**
 * Whether a save of a note (or a memo, written in the same editor) starts a new undo step rather
 * than folding into the last: the first save since it was opened, a new one, or a new line.
 */
export function startsNewStep(
  text: { plainText: string; startsStep?: boolean },
  existing: { plainText: string } | undefined,
): boolean {
  return text.startsStep === true || !existing || lineCount(text.plainText) > lineCount(existing.plainText);
}

/** Lines of a note's plain text: a new paragraph, list item or line break adds one. */
function lineCount(text: string): number {
  let lines = 1;
  for (const char of text) if (char === '\n') lines++;
  return lines;
}
