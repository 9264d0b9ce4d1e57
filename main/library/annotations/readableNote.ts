import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $getRoot, $isDecoratorNode, $isElementNode, type EditorState, type LexicalEditor } from 'lexical';
import { noteNodes, noteTransformers } from '../../../preload/common/noteNodes';
import { plainTextNoteState, sameWords } from '../../../preload/common/noteText';

/** The three stored forms of a note. */
export interface NoteForms {
  /** Lexical editor state JSON. */
  editorState: string;
  plainText: string;
  markdown: string;
}

/**
 * A note from outside the editor (a backup) made into one the editor shows with its words. Its
 * editor state is kept when it parses with the app's nodes and shows words (or the note has
 * none); otherwise a state is rebuilt from the Markdown (when that gives the plain text's words,
 * so formatting survives) or else from the plain text. A state that showed nothing would let the
 * first autosave replace, or as an emptied note delete, words the person never saw. The words
 * are never dropped: a note whose only words are an editor state that is not JSON keeps that string.
 */
export function readableNote<T extends NoteForms>(note: T): T {
  const editor = createHeadlessEditor({
    namespace: 'pizhu-note',
    nodes: [...noteNodes],
    onError: (error) => {
      throw error;
    },
  });
  const blank = (text: string) => text.trim() === '';
  const stored = parseNoteState(editor, note.editorState);
  if (stored) {
    const text = stored.read(() => $getRoot().getTextContent());
    if (!blank(text) || (blank(note.plainText) && blank(note.markdown))) {
      // Readable: the derived forms are filled in only where the backup left them blank.
      if (!blank(note.plainText) && !blank(note.markdown)) return note;
      editor.setEditorState(stored);
      return { ...note, ...derivedForms(editor, note) };
    }
  }
  if (!blank(note.markdown)) {
    editor.update(() => $convertFromMarkdownString(note.markdown, noteTransformers), { discrete: true });
    const text = editor.read(() => $getRoot().getTextContent());
    if (!blank(text) && (blank(note.plainText) || sameWords(text, note.plainText))) {
      return { ...note, editorState: JSON.stringify(editor.getEditorState().toJSON()), ...derivedForms(editor, note) };
    }
  }
  const plainText = wordsOf(note);
  const editorState = plainTextNoteState(plainText);
  editor.setEditorState(editor.parseEditorState(editorState));
  return { ...note, editorState: JSON.stringify(editorState), ...derivedForms(editor, { ...note, plainText }) };
}

/** The state, when it is Lexical JSON of the note's nodes with blocks at the top; else null. */
function parseNoteState(editor: LexicalEditor, json: string): EditorState | null {
  try {
    const state = editor.parseEditorState(json);
    // Text straight under the root parses, but the editor cannot hold it there.
    const blocks = state.read(() =>
      $getRoot()
        .getChildren()
        .every((n) => $isElementNode(n) || $isDecoratorNode(n)),
    );
    return blocks ? state : null;
  } catch {
    return null;
  }
}

/** The note's words: its plain text, else the Markdown's, else an editor state that is no JSON at all (it may be the words). */
function wordsOf(note: NoteForms): string {
  if (note.plainText.trim() !== '') return note.plainText;
  if (note.markdown.trim() !== '') return note.markdown;
  try {
    JSON.parse(note.editorState);
    return '';
  } catch {
    return note.editorState;
  }
}

/** The plain text and Markdown of the editor's state, where the note has none of its own. */
function derivedForms(editor: LexicalEditor, note: NoteForms): Pick<NoteForms, 'plainText' | 'markdown'> {
  return editor.read(() => ({
    plainText: note.plainText.trim() === '' ? $getRoot().getTextContent() : note.plainText,
    markdown: note.markdown.trim() === '' ? $convertToMarkdownString(noteTransformers) : note.markdown,
  }));
}
