/**
 * Code matrices (issue #18 item 4): tags against tags, articles or an attribute's values, each
 * cell counting highlights and paragraphs, and opening the passages it counts.
 */

/** Two codes meet on one highlight, in one paragraph, or within `within` paragraphs of each other (same article). */
export const cooccurrenceScopes = ['highlight', 'paragraph', 'within'] as const;
export type CooccurrenceScope = (typeof cooccurrenceScopes)[number];
/** The widest "within N paragraphs". */
export const maxCooccurrenceDistance = 50;

export type MatrixRequest =
  | { kind: 'cooccurrence'; scope: CooccurrenceScope; within?: number; tag?: string }
  | { kind: 'article'; tag?: string }
  | { kind: 'attribute'; attributeId: number; tag?: string };

export interface MatrixAxisItem {
  /** The tag's name, the article's id or the attribute value, as a cell request names it. */
  key: string;
  label: string;
}

/** One non-empty cell: its row and column index, and its counts. */
export interface MatrixCell {
  row: number;
  column: number;
  /** Highlights counted (a highlight over several paragraphs once; for co-occurrence, of either code). */
  highlights: number;
  /** Paragraphs counted: coded by a highlight in them or as a whole. */
  paragraphs: number;
}

export interface Matrix {
  request: MatrixRequest;
  /** The codes: every tag (or those of the tag's subtree), by name. */
  rows: MatrixAxisItem[];
  /** Codes again, articles with a coding (by title), or the attribute's values (in its order). */
  columns: MatrixAxisItem[];
  /** Only the cells with something in them. */
  cells: MatrixCell[];
}

/** A paragraph a cell counts, with the highlights of the cell's codes in it. */
export interface MatrixPassage {
  articleId: number;
  articleTitle: string;
  paragraphId: number;
  /** The paragraph's order in its article. */
  paragraphOrder: number;
  text: string;
  /** The quotes of the highlights counted in this paragraph (none when it is coded whole). */
  quotes: string[];
}

export const matrixExportFormats = ['csv', 'xlsx'] as const;
export type MatrixExportFormat = (typeof matrixExportFormats)[number];
