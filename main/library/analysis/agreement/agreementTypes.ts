/**
 * What inter-coder agreement is computed from and what it gives back (issue #19, team work).
 * Plain data: ids are whatever the caller keys its rows by (local row ids or replicated uids).
 */

export type AgreementId = string | number;

/**
 * The unit of agreement, a stated choice:
 * - 'character': every character position of every paragraph of the chosen articles is one unit
 *   per code, coded or not coded by each coder. Positions are UTF-16 code units, the offsets
 *   highlights store (annotations/highlightAnchor): a character outside the Basic Multilingual
 *   Plane is two units, which no highlight can split, so both always agree with each other.
 *   A paragraph carrying a code (paragraph_tag) codes every one of its characters.
 * - 'paragraph': every paragraph of the chosen articles is one unit per code; a coder coded it
 *   when any of their highlights of the code lies in it or they gave the paragraph the code.
 */
export type AgreementLevel = 'character' | 'paragraph';

export interface AgreementArticle {
  id: AgreementId;
  /** Each paragraph's length in UTF-16 code units (a JavaScript string's length), in reading order; codings name a paragraph by its index here. */
  paragraphLengths: readonly number[];
  /**
   * The coders who coded this article, when not all did. Another coder has no data for its units
   * (missing, left out of the comparison) rather than "did not code it". Absent: every coder.
   */
  coders?: readonly AgreementId[];
}

/** A highlight with one code on it, by one coder: [start, end) in UTF-16 code units of one paragraph. */
export interface HighlightCoding {
  coder: AgreementId;
  code: AgreementId;
  article: AgreementId;
  /** The paragraph's index in its article's paragraphLengths. */
  paragraph: number;
  start: number;
  end: number;
}

/** A code given to a whole paragraph by one coder. */
export interface ParagraphCoding {
  coder: AgreementId;
  code: AgreementId;
  article: AgreementId;
  paragraph: number;
}

export interface AgreementInput {
  level: AgreementLevel;
  /** The chosen articles; codings in other articles are left out, so one list of codings serves any choice. */
  articles: readonly AgreementArticle[];
  coders: readonly AgreementId[];
  /** The codes to report, in the order reported; codings of other codes are left out. A code nobody used is reported too. */
  codes: readonly AgreementId[];
  highlights: readonly HighlightCoding[];
  paragraphCodes: readonly ParagraphCoding[];
}

/** Two coders compared on the units both have data for. */
export interface PairAgreement {
  coders: [AgreementId, AgreementId];
  units: number;
  percentAgreement: number | null;
  cohensKappa: number | null;
}

/**
 * The figures for one code, or for all codes pooled. Null where a figure is undefined, never NaN:
 * no unit has two coders with data (no articles, one coder only), or, for κ and α, every unit was
 * coded alike by everyone (all "not coded", say), so chance agreement is total and the ratio 0/0.
 */
export interface AgreementFigures {
  /** Units at least two coders have data for (the units compared). */
  units: number;
  /**
   * The share of agreeing pairs of coders over the units compared (Krippendorff's observed
   * agreement); with two coders and no missing data, the share of units where both agree.
   */
  percentAgreement: number | null;
  /** Cohen's κ when there are exactly two coders (over the units both have data for); null otherwise. */
  cohensKappa: number | null;
  /** Krippendorff's α, nominal (coded / not coded), any number of coders, missing data allowed. */
  krippendorffAlpha: number | null;
  /** Every pair of coders: its units, percent agreement and κ (one entry for two coders). */
  pairs: PairAgreement[];
}

export interface CodeAgreement extends AgreementFigures {
  code: AgreementId;
}

/**
 * A passage where coders differ on one code: a maximal run of one paragraph's units in which the
 * same coders applied the code and at least one other coder with data there did not.
 */
export interface Disagreement {
  code: AgreementId;
  article: AgreementId;
  paragraph: number;
  /** [start, end) in UTF-16 code units; at paragraph level, the whole paragraph. */
  start: number;
  end: number;
  codedBy: AgreementId[];
  notCodedBy: AgreementId[];
}

export interface AgreementReport {
  level: AgreementLevel;
  coders: AgreementId[];
  perCode: CodeAgreement[];
  /** All codes pooled: each (unit, code) pair is one coded / not coded unit. Not the mean of the codes' figures. */
  overall: AgreementFigures;
  /** In article order, then paragraph, start and code order. */
  disagreements: Disagreement[];
}
