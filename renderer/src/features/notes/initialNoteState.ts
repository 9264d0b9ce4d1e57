import { $convertFromMarkdownString } from '@lexical/markdown';
import { $getRoot, $parseSerializedNode, type SerializedLexicalNode } from 'lexical';
import type { Note } from '../../../../preload/contract/annotationTypes';
import { noteTransformers } from '../../../../preload/common/noteNodes';
import { plainTextNoteState, sameWords } from '../../../../preload/common/noteText';

/** What the editor loads and saves: a note's or a memo's three forms of one text. */
export type StoredNoteText = Pick<Note, 'editorState' | 'plainText' | 'markdown'>;

/** How a stored note came into the editor: as saved, or rebuilt because its saved state could not be read. */
export type NoteLoad = 'as-saved' | 'rebuilt';

/**
 * Fills the editor with a stored note, inside an editor update. A note whose JSON will not
 * parse (written by another version, damaged, or brought in by an old backup) or that parses
 * but shows none of its words is rebuilt from its Markdown, then from its plain text, so the
 * person always sees their words: an editor left blank would let the first autosave replace
 * them, or delete the note as emptied.
 */
export function $loadNote(note: StoredNoteText): NoteLoad {
  const root = $getRoot();
  const hasWords = note.plainText.trim() !== '' || note.markdown.trim() !== '';
  try {
    const parsed = JSON.parse(note.editorState) as { root?: { children?: unknown } } | null;
    const children = parsed?.root?.children;
    if (!Array.isArray(children)) throw new Error('The stored note has no root.');
    root.append(...children.map((child) => $parseSerializedNode(child as SerializedLexicalNode)));
    if (root.getTextContent().trim() !== '' || !hasWords) return 'as-saved';
    throw new Error('The stored note shows none of its words.');
  } catch (error) {
    console.warn('Note JSON could not be read; rebuilt from its Markdown.', error);
    root.clear();
  }
  try {
    $convertFromMarkdownString(note.markdown, noteTransformers);
    const text = root.getTextContent();
    if (text.trim() !== '' && (note.plainText.trim() === '' || sameWords(text, note.plainText))) return 'rebuilt';
  } catch (error) {
    console.warn('Note Markdown could not be read; shown as plain text.', error);
  }
  root.clear();
  const plain = note.plainText.trim() !== '' ? note.plainText : note.markdown;
  root.append(...plainTextNoteState(plain).root.children.map((child) => $parseSerializedNode(child)));
  return 'rebuilt';
}
