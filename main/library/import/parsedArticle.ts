import type {
  ArticleMetadata,
  DetectedScript,
  ParagraphFlag,
  ParagraphKind,
  Removal,
} from '../../../preload/contract/articleTypes';

/** One paragraph as the import pipeline hands it to the store. */
export interface ParsedParagraph {
  kind: ParagraphKind;
  /** The paragraph exactly as it stood in the source text (one or more lines, no trailing newline). */
  raw: string;
  /** The cleaned reading text: `raw` with every `removals` span taken out, nothing else changed. */
  text: string;
  flags: ParagraphFlag[];
  /** Spans of `raw` hidden from `text`, in order, non-overlapping; each can be shown and undone. */
  removals: Removal[];
}

export interface ParsedArticle {
  metadata: ArticleMetadata;
  script: DetectedScript;
  paragraphs: ParsedParagraph[];
}

export type SourceFormat = 'txt' | 'md' | 'html' | 'paste';
