/** Shapes of library data as the renderer sees them. Plain values: they cross IPC. */

import type { SourceRegion } from '../common/conversionTable';
import type { Highlight, Note } from './annotationTypes';
import type { SimilarArticle } from './duplicateTypes';
import type { ImportReason } from './importTypes';

export type { SourceRegion };

export const paragraphKinds = ['title', 'subtitle', 'byline', 'heading', 'body', 'caption', 'boilerplate'] as const;
export type ParagraphKind = (typeof paragraphKinds)[number];

/** `markup`: a Markdown file's syntax alone (front matter, HTML, a shortcode, a picture): hidden, never text. */
/**
 * The last four say why a hidden (boilerplate) line was hidden, in the reader's terms: the
 * site's navigation and buttons, links to other stories and adverts, an editor's credit or the
 * original headline, the site's rights/contact/subscription notice.
 */
export const paragraphFlags = [
  'duplicate',
  'fragment',
  'keyword-stuffed',
  'mojibake',
  'markup',
  'page-chrome',
  'related-links',
  'editorial-note',
  'site-notice',
] as const;
export type ParagraphFlag = (typeof paragraphFlags)[number];

export type DetectedScript = 'simplified' | 'traditional' | 'mixed' | 'unknown';

/** A span of the raw paragraph text that cleaning hid from the reading text, with why. */
export interface Removal {
  /** UTF-16 offsets into the paragraph's raw text. */
  start: number;
  end: number;
  text: string;
  /** `markup`: Markdown syntax such as the `#` of a heading, hidden so the text is the words. */
  reason: 'pinyin-reading' | 'injected-fragment' | 'indentation' | 'whitespace' | 'markup';
}

export interface ArticleSummary {
  id: number;
  title: string;
  titleInferred: boolean;
  source: string | null;
  publishedAt: string | null;
  script: DetectedScript;
  /** Where its text comes from, as its conversions go: the person's correction, else the detected one. */
  region: SourceRegion;
  paragraphCount: number;
  highlightCount: number;
  noteCount: number;
  importedAt: string;
  lastOpenedAt: string | null;
  /** Archived: out of the default list (a filter shows it), still searched. */
  archivedAt: string | null;
}

/** An article in the trash: kept with its annotations until the trash is emptied. */
export interface TrashedArticle extends ArticleSummary {
  trashedAt: string;
}

export interface ArticleMetadata {
  title: string;
  titleInferred: boolean;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

export interface ParagraphView {
  id: number;
  order: number;
  kind: ParagraphKind;
  /** True when the reader (not the cleaner) chose the kind. */
  kindByUser: boolean;
  /** The cleaned original-script text every anchor is stored against. */
  text: string;
  /** The paragraph exactly as it stood in the file. */
  raw: string;
  flags: ParagraphFlag[];
  removals: Removal[];
}

export interface ArticleView {
  id: number;
  metadata: ArticleMetadata;
  script: DetectedScript;
  /** The region its conversions use: `regionCorrected` when the person set one, else `regionDetected`. */
  region: SourceRegion;
  regionDetected: SourceRegion;
  regionCorrected: SourceRegion | null;
  fileName: string | null;
  readingPosition: number;
  paragraphs: ParagraphView[];
  /** Every highlight of the article in reading order, orphans (paragraphId null) last. */
  highlights: Highlight[];
  /** The notes of its paragraphs, in paragraph order. */
  notes: Note[];
  /** Tags on whole paragraphs, by paragraph id; a paragraph without tags has no entry. */
  paragraphTags: Record<number, string[]>;
  /** Notes and paragraph tags made on another device that lead to no paragraph here: kept, and shown apart. */
  unplaced: UnplacedAnnotation[];
}

/**
 * A paragraph note or tag another device made on another split of the article's text (a re-clean
 * with another cleaner) that no paragraph here is known to match (#19): the sync documents keep it,
 * and it is placed by itself once this device splits the text alike (re-cleans), or a map arrives.
 */
export interface UnplacedAnnotation {
  /** Stable for the entry (its key in the article's sync document). */
  key: string;
  kind: 'note' | 'paragraph_tag';
  /** The note's words; '' for a tag. */
  plainText: string;
  markdown: string;
  /** The tag's name; null for a note. */
  tag: string | null;
  /** The uid of the library member who made it; '' when nobody recorded it. */
  madeBy: string;
  /** When the note was last edited; '' for a tag. */
  updatedAt: string;
  /** Set aside by this person on this device (setUnplacedDismissed): listed collapsed, never removed. */
  dismissed: boolean;
  /**
   * Present for one a JSON backup brought back (its document entry is not here): its maker's name
   * as the backup held it ('' when unknown); madeBy is then ''.
   */
  restoredMaker?: string;
}

/** How an imported file was read: the encoding its bytes were decoded from, its script, and how many of its paragraphs cleaning hid. */
export interface ImportReading {
  encoding: string;
  script: DetectedScript;
  paragraphs: number;
  /** Hidden (boilerplate) paragraphs: shown with their reasons under the reader's "N hidden lines". */
  hidden: number;
}

export interface ImportOutcome {
  fileName: string;
  /**
   * 'duplicate': not imported, its folded text is already in the library (`duplicateOf`).
   * 'skipped': a file of a kind Pizhu does not import (a picture, a .docx); not a failure.
   */
  status: 'imported' | 'already-imported' | 'duplicate' | 'skipped' | 'failed';
  articleId?: number;
  title?: string;
  message?: string;
  /** The article holding the same text (another encoding, spacing, punctuation): skipped, or kept and linked. */
  duplicateOf?: SimilarArticle;
  /** A skipped duplicate the app still holds: keepDuplicate({ keepId }) imports it beside the original ("Keep both"). */
  keepId?: number;
  /** An imported file's encoding, script and hidden paragraphs. */
  reading?: ImportReading;
  /** Why it was skipped or failed, when the app can word it in the reader's language (else `message`). */
  reason?: ImportReason;
}
