import type {
  SerializedEditorState,
  SerializedLineBreakNode,
  SerializedParagraphNode,
  SerializedTextNode,
} from 'lexical';

/**
 * A note's words can live in three forms (editor state, plain text, Markdown); these helpers
 * let main (backup import) and the renderer (opening a note) agree on when an editor state
 * really holds the note, and rebuild one from the plain text when it does not.
 */

/**
 * A Lexical editor state holding `text` as plain paragraphs. Lexical's text content joins
 * blocks with a blank line and shows a line break as '\n', so blocks are split at '\n\n' and
 * line breaks at '\n': the state's text content is exactly `text`.
 */
export function plainTextNoteState(text: string): SerializedEditorState {
  const paragraphs = text.split('\n\n').map((block): SerializedParagraphNode => {
    const children: Array<SerializedTextNode | SerializedLineBreakNode> = [];
    block.split('\n').forEach((line, i) => {
      if (i > 0) children.push({ type: 'linebreak', version: 1 });
      if (line !== '') {
        children.push({ detail: 0, format: 0, mode: 'normal', style: '', text: line, type: 'text', version: 1 });
      }
    });
    return {
      children,
      direction: null,
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      type: 'paragraph',
      version: 1,
    };
  });
  return { root: { children: paragraphs, direction: null, format: '', indent: 0, type: 'root', version: 1 } };
}

/**
 * True when two texts hold the same words. Whitespace is left out: Lexical versions differ in
 * how they join blocks and list items, and a note is the same note either way.
 */
export function sameWords(a: string, b: string): boolean {
  return words(a) === words(b);
}

const words = (text: string) => text.replace(/\s+/gu, '');
