/** Shapes of highlights, tags, notes and undo as the renderer sees them. Plain values: they cross IPC. */

import type { TagDescription } from './codebookTypes';

export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type HighlightColor = (typeof highlightColors)[number];

/** Longest tag name, counted after trimming; nesting is written `parent/child`. */
export const maxTagNameLength = 100;

/** Most paragraphs one highlight group (a selection over several paragraphs) may span. */
export const maxHighlightGroupParagraphs = 500;

/** Longest comment on a highlight, in UTF-16 code units (the schema's CHECK says the same, migration 0008). */
export const maxHighlightCommentLength = 2000;

export interface Highlight {
  id: number;
  articleId: number;
  /** null: an orphan, a highlight a re-clean could not place again. It is kept and shown. */
  paragraphId: number | null;
  /** UTF-16 offsets [start, end) into the paragraph's canonical `text`; null for an orphan. */
  start: number | null;
  end: number | null;
  /** The highlighted text and up to 32 characters either side, to re-anchor it if the paragraph changes. */
  quote: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  /** The person's plain-text comment on the highlight; '' when there is none. */
  comment: string;
  /**
   * Shared by the highlights one selection over several paragraphs made (one per paragraph,
   * coloured, tagged and deleted together, exported as one quote); null for a highlight alone.
   */
  groupId: string | null;
  /** Tag names, sorted. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** The uid of the library member who made it (team work, #19); '' when nobody recorded it (made before). */
  madeBy: string;
}

export interface TagSummary {
  id: number;
  name: string;
  color: string | null;
  /** Highlights and paragraphs carrying this very tag. */
  directCount: number;
  /** Distinct highlights and paragraphs carrying this tag or one nested under it (`a` counts `a/b`). */
  totalCount: number;
  /** The tag's codebook description (codebookTypes); absent when it has none. */
  description?: TagDescription;
}

/** One note per paragraph. */
export interface Note {
  paragraphId: number;
  /** The Lexical editor state, as JSON. */
  editorState: string;
  plainText: string;
  markdown: string;
  updatedAt: string;
}

/** A paragraph's tags, as a tag or untag of that paragraph leaves them. */
export interface ParagraphTags {
  paragraphId: number;
  tags: string[];
}

/**
 * One passage of the per-tag view: a whole tagged paragraph (`highlight` null) or a tagged
 * highlight with its paragraph as context. An orphan highlight has no paragraph (the three
 * paragraph fields are null) and comes last in its article, so it is shown, never dropped.
 */
export interface TaggedPassage {
  /** The tag that matched: the one asked for when attached directly, else the first nested one. */
  tag: string;
  articleId: number;
  articleTitle: string;
  /** The article is archived: its passages count and show, marked so. (A trashed article's never show.) */
  articleArchived: boolean;
  paragraphId: number | null;
  paragraphOrder: number | null;
  paragraphText: string | null;
  highlight: Highlight | null;
}

/**
 * What a library-wide change (rename, merge, delete or description of a tag) leaves. The tag list
 * itself is not in it: panes fetch what they show (a level of the tag pane, the pickers' list) on
 * the library event, and at 5,000 tags the whole list with its counts costs main 0.3-0.45 s.
 */
export interface TagsChanged {
  /** Articles whose annotations changed: an open one among them should be fetched again. */
  articleIds: number[];
}

/** What undo or redo did; null when there was nothing to undo or redo. */
export type UndoResult = {
  /** The journaled operation, e.g. `highlight.delete`. */
  op: string;
  description: string;
  /** Articles whose annotations changed: an open one among them should be fetched again. */
  articleIds: number[];
} | null;

/** What a re-clean did to an article's annotations. Nothing is dropped: what could not be placed is listed. */
export interface RecleanReport {
  articleId: number;
  paragraphs: number;
  /** Highlights found again: at the same place, by their exact quote, or by a fuzzy quote. */
  placed: { position: number; quote: number; fuzzy: number };
  /** Highlights that could not be placed: kept, shown to the reader, re-attachable. */
  orphans: Highlight[];
  /** Notes and paragraph tags whose paragraph no longer exists, moved to the most similar one. */
  movedParagraphAnnotations: number;
}
