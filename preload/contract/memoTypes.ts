import type { TextRange } from './api';

/**
 * Memos (issue #18): an article's memo and the dated entries of the library journal, rich text
 * written in the same editor as a paragraph note and kept as a note is.
 */
export interface Memo {
  id: number;
  /** The article the memo is on; null for a journal entry. */
  articleId: number | null;
  /** The Lexical editor state, as JSON. */
  editorState: string;
  plainText: string;
  markdown: string;
  /** ISO time: a journal entry's date. */
  createdAt: string;
  updatedAt: string;
}

/** What the editor saves: the three forms of one text. */
export interface MemoText {
  editorState: string;
  plainText: string;
  markdown: string;
  /** The first save since the memo was opened: a new undo step, however soon after the last. */
  startsStep?: boolean;
}

/** Request limits (the same as a paragraph note's). */
export const maxMemoEditorStateLength = 4 * 1024 * 1024;
export const maxMemoPlainTextLength = 1024 * 1024;
export const maxMemoMarkdownLength = 2 * 1024 * 1024;

/** A memo whose text matched a search: an article's (with its title) or a journal entry's. */
export interface MemoSearchHit {
  memoId: number;
  articleId: number | null;
  /** The article's title, as stored; null for a journal entry. */
  articleTitle: string | null;
  createdAt: string;
  /** The memo's plain text, and the matched ranges in it. */
  text: string;
  matches: TextRange[];
}
