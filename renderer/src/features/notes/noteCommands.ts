import { $createLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createQuoteNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import type { NoteBlock } from './useSelectionFormat';

/** Turns the selected blocks into a list of that kind, or back into paragraphs when they already are one. */
export function toggleList(editor: LexicalEditor, kind: 'bullet' | 'number', current: NoteBlock): void {
  if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else
    editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
}

/** Wraps the selected paragraphs as a quote, or unwraps them when every one is already quoted. */
export function toggleQuote(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const blocks = new Map<string, ElementNode>();
    for (const node of [selection.anchor.getNode(), ...selection.getNodes()]) {
      const top = node.getKey() === 'root' ? null : node.getTopLevelElement();
      if ($isElementNode(top)) blocks.set(top.getKey(), top);
    }
    const unquote = [...blocks.values()].every((block) => $isQuoteNode(block));
    for (const block of blocks.values()) {
      if (unquote) block.replace($createParagraphNode(), true);
      else if ($isParagraphNode(block)) block.replace($createQuoteNode(), true);
    }
  });
}

/**
 * Links the selected text to `url`; with nothing selected, inserts the address itself as a link.
 * The caret ends after the link: left selected, the next keystroke would replace the linked words.
 */
export function applyLink(editor: LexicalEditor, url: string): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection) && selection.isCollapsed()) {
      $insertNodes([$createLinkNode(url).append($createTextNode(url))]);
    } else {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    }
    $collapseToEnd();
  });
}

function $collapseToEnd(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
  const end = selection.isBackward() ? selection.anchor : selection.focus;
  const { key, offset, type } = end;
  selection.anchor.set(key, offset, type);
  selection.focus.set(key, offset, type);
}

export function removeLink(editor: LexicalEditor): void {
  editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
}
