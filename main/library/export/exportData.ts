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

/** One article's share of an export, paragraphs in reading order, orphan highlights apart. */
export interface ArticleAnnotations {
  article: ExportArticle;
  paragraphs: ExportParagraph[];
  orphans: ExportHighlight[];
  /** The article's memo as Markdown (main/library/memos), where a Markdown export writes it. */
  memo?: string;
}
