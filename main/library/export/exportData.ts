import type { DetectedScript, SourceRegion } from '../../../preload/contract/articleTypes';

/** What a Markdown export needs of an article. */
export interface ExportArticle {
  id: number;
  title: string;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  script: DetectedScript;
  /** Where it comes from: exports convert it as the reader does (conversionTable.ts). */
  region?: SourceRegion;
}

export interface ExportHighlight {
  id: number;
  /** UTF-16 offsets into the paragraph's canonical text; null for an orphan. */
  start: number | null;
  end: number | null;
  quote: string;
  tags: string[];
  /** The person's plain-text comment; absent when there is none. */
  comment?: string;
  /**
   * Set on the members of a highlight group (one selection over several paragraphs, one member
   * per paragraph, same colour and tags): they are one quote, to be quoted across the paragraphs.
   */
  groupId?: string;
  /** Read only when asked for (the W3C export): Markdown does not need them, and 100,000 rows read faster without. */
  detail?: HighlightDetail;
}

export interface HighlightDetail {
  /** Up to 32 characters of canonical text either side, as stored. */
  prefix: string;
  suffix: string;
  createdAt: string;
  updatedAt: string;
}

/** An annotated paragraph: it has highlights, tags of its own or a note. */
export interface ExportParagraph {
  id: number;
  articleId: number;
  order: number;
  /** Canonical text. */
  text: string;
  /** Tags on the whole paragraph. */
  tags: string[];
  /** The note's Markdown, or null. */
  note: string | null;
  /** In text order. */
  highlights: ExportHighlight[];
  /** The paragraph itself is the passage (a tag report of a paragraph tag): quoted whole even in highlights-only mode. */
  whole: boolean;
}

/**
 * A note or paragraph tag another device made on its split of the text, which no paragraph here
 * is known to match (sync, #19: unplaced_annotation). Exported with its article, marked as not
 * placed; one the person set aside in the reader too (a view of theirs, not a delete).
 */
export interface ExportUnplaced {
  /** Its key in the article's sync document: stable across exports. */
  key: string;
  kind: 'note' | 'paragraph_tag';
  /** A note's words; '' for a tag. */
  plainText: string;
  markdown: string;
  /** A paragraph tag's name; null for a note. */
  tag: string | null;
  /** Its maker's name as the library knows the member; '' when none is recorded or known. */
  maker: string;
  /** When the note was last changed, as its maker's device said; '' when not recorded. */
  updatedAt: string;
  /** Set aside in the reader on this device. */
  setAside: boolean;
}

/** One article's share of an export, paragraphs in reading order, orphan highlights apart. */
export interface ArticleAnnotations {
  article: ExportArticle;
  paragraphs: ExportParagraph[];
  orphans: ExportHighlight[];
  /** Its unplaced notes and paragraph tags, notes first; absent when it has none. */
  unplaced?: ExportUnplaced[];
  /** The article's memo as Markdown (main/library/memos), where a Markdown export writes it. */
  memo?: string;
}
