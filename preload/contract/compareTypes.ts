/** Two versions of one story side by side: what each outlet added, cut or changed, paragraph by paragraph. */

import type { DetectedScript, SourceRegion } from './articleTypes';

/** A UTF-16 range [start, end) of a paragraph's canonical text. */
export interface ChangedRange {
  start: number;
  end: number;
}

/** One reading paragraph of a version, as compared. */
export interface ComparedParagraph {
  id: number;
  order: number;
  /** 1-based among the version's reading paragraphs (hidden lines not counted), as the reader sees them. */
  position: number;
  /** The canonical text (shown through the reader's script mode). */
  text: string;
}

/**
 * How a row's two paragraphs relate. `same`: the same words once script, spacing and punctuation
 * are folded; `changed`: the same paragraph, edited; `only-left` / `only-right`: one version has
 * a paragraph the other has not (added by one outlet, or cut by the other).
 */
export type ComparisonRowKind = 'same' | 'changed' | 'only-left' | 'only-right';

export interface ComparisonRow {
  kind: ComparisonRowKind;
  left: ComparedParagraph | null;
  right: ComparedParagraph | null;
  /** `changed` only: the characters of the left text the right lacks (cut or replaced). */
  leftChanges: ChangedRange[];
  /** `changed` only: the characters of the right text the left lacks (inserted or replacing). */
  rightChanges: ChangedRange[];
  /** A paired row whose right paragraph stands elsewhere in its version (the outlet moved it). */
  moved: boolean;
}

export interface ComparedVersion {
  articleId: number;
  title: string;
  source: string | null;
  publishedAt: string | null;
  script: DetectedScript;
  /** Where this version comes from: each side is shown through its own region's conversion. */
  region: SourceRegion;
  /** Lines cleaning hid (site chrome, editor lines): left out of the comparison, counted here. */
  hiddenCount: number;
}

export interface ComparisonCounts {
  same: number;
  changed: number;
  onlyLeft: number;
  onlyRight: number;
}

export interface VersionComparison {
  left: ComparedVersion;
  right: ComparedVersion;
  rows: ComparisonRow[];
  counts: ComparisonCounts;
  /**
   * The articles were too long to compare every paragraph with every other, or a changed
   * paragraph too long to diff character by character: the result is a bounded approximation
   * (paragraphs matched near their place; such a paragraph is marked changed whole).
   */
  capped: boolean;
}
