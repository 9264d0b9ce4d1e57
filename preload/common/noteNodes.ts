import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  UNORDERED_LIST,
  type Transformer,
} from '@lexical/markdown';
import { QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The nodes a paragraph note may contain, beside Lexical's built-in paragraph, text and line
 * break. The renderer's editor and main's headless editor (Markdown export) both register
 * exactly this list, so a note written in one always parses in the other.
 */
export const noteNodes: ReadonlyArray<Klass<LexicalNode>> = [QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode];

/**
 * Markdown for the nodes above and no others (a transformer for a node we do not register,
 * such as a heading or code block, would let Markdown shortcuts create nodes the editor cannot
 * hold). Star forms come first so export writes `**bold**` and `*italic*`; the underscore forms
 * are only read.
 */
export const noteTransformers: Transformer[] = [
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
];
