import { $convertFromMarkdownString } from '@lexical/markdown';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $parseSerializedNode,
  type SerializedLexicalNode,
} from 'lexical';
import type { Note } from '../../../../preload/contract/annotationTypes';
import { noteTransformers } from '../../../../preload/common/noteNodes';

/**
 * Fills a new editor with a stored note, inside the editor's first update. A note whose JSON
 * will not parse (written by another version, or damaged) is rebuilt from its Markdown, then
 * from its plain text, so the person always sees their words instead of an empty editor.
 */
export function $loadNote(note: Note): void {
  const root = $getRoot();
  try {
    const parsed = JSON.parse(note.editorState) as { root?: { children?: unknown } };
    const children = parsed.root?.children;
    if (!Array.isArray(children)) throw new Error('The stored note has no root.');
    root.append(...children.map((child) => $parseSerializedNode(child as SerializedLexicalNode)));
    return;
  } catch (error) {
    console.warn('Note JSON could not be read; rebuilt from its Markdown.', error);
    root.clear();
  }
  try {
    $convertFromMarkdownString(note.markdown, noteTransformers);
    if (root.getTextContent().trim() !== '') return;
  } catch (error) {
    console.warn('Note Markdown could not be read; shown as plain text.', error);
    root.clear();
  }
  for (const line of note.plainText.split('\n')) root.append($createParagraphNode().append($createTextNode(line)));
}
