import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isQuoteNode } from '@lexical/rich-text';
import { $getNearestNodeOfType } from '@lexical/utils';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';

export type NoteBlock = 'paragraph' | 'bullet' | 'number' | 'quote';

export interface SelectionFormat {
  bold: boolean;
  italic: boolean;
  block: NoteBlock;
  /** The address of the link the caret is in, if any. */
  link: string | null;
}

const plain: SelectionFormat = { bold: false, italic: false, block: 'paragraph', link: null };

function $readFormat(): SelectionFormat {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return plain;
  const anchor = selection.anchor.getNode();
  const list = $isListNode(anchor) ? anchor : $getNearestNodeOfType(anchor, ListNode);
  const top = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
  const block: NoteBlock = list
    ? list.getListType() === 'number'
      ? 'number'
      : 'bullet'
    : top && $isQuoteNode(top)
      ? 'quote'
      : 'paragraph';
  const parent = anchor.getParent();
  const linkNode = $isLinkNode(anchor) ? anchor : $isLinkNode(parent) ? parent : null;
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    block,
    link: linkNode ? linkNode.getURL() : null,
  };
}

/** What the toolbar shows as pressed: the formats at the caret or across the selection. */
export function useSelectionFormat(editor: LexicalEditor): SelectionFormat {
  const [format, setFormat] = useState<SelectionFormat>(plain);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read($readFormat, { editor });
        setFormat((current) =>
          current.bold === next.bold &&
          current.italic === next.italic &&
          current.block === next.block &&
          current.link === next.link
            ? current
            : next,
        );
      }),
    [editor],
  );
  return format;
}
