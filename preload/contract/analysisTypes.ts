/** Word frequencies, keyword in context and keyness (issue #18 item 5). Plain values: they cross IPC. */

import type { ScriptMode } from '../common/scriptModes';

/**
 * Which passages an analysis reads. Library-wide by default (the trash left out); a tag takes
 * the paragraphs carrying it or a tag nested under it (on the paragraph or a highlight in it),
 * as search's tag filter does; articleIds an article selection; attribute the articles whose
 * attribute (attributeTypes, by name) has the value. Given together, a passage must meet each.
 */
export interface AnalysisSubset {
  tag?: string;
  articleIds?: number[];
  attribute?: AnalysisAttribute;
  /** Hidden (boilerplate) lines too; left out by default, as the reader hides them. */
  includeHidden?: boolean;
}

/** Articles whose attribute `name` has `value` (written as a value is set: a number or date in any form it takes). */
export interface AnalysisAttribute {
  name: string;
  value: string;
}

/** 'words': the dictionary's segmentation (and the person's own words); 1-4: character n-grams. */
export type FrequencyUnit = 'words' | 1 | 2 | 3 | 4;

export interface FrequencyRequest extends AnalysisSubset {
  unit?: FrequencyUnit;
  /** The script the items are written in; folded (simplified) forms when 'original' or 'cn'. */
  script?: ScriptMode;
  /** At most this many items, most frequent first; every item when absent. */
  limit?: number;
  /** Stop words counted too (they are left out by default). */
  keepStopWords?: boolean;
}

export interface FrequencyItem {
  /** The item in the requested script. */
  text: string;
  /** Its folded (simplified) form: what was counted, in both scripts at once. */
  folded: string;
  occurrences: number;
  /** In how many articles it occurs. */
  articles: number;
}

export interface FrequencyList {
  unit: FrequencyUnit;
  items: FrequencyItem[];
  /** Every counted occurrence (stop words left out unless kept): the list's size for relative frequencies. */
  totalOccurrences: number;
  /** Distinct items, before the limit. */
  distinctItems: number;
  articles: number;
  paragraphs: number;
}

export const maxConcordanceContext = 200;
export const maxConcordanceWordLength = 50;

export interface ConcordanceRequest extends AnalysisSubset {
  word: string;
  /** Characters of context each side (UTF-16 units of the stored text); 20 unless given. */
  context?: number;
  /** The order of the lines ('text' unless given), before the limit. */
  sort?: ConcordanceSort;
  /** At most this many lines (the first in the order); every line when absent. */
  limit?: number;
}

/** One occurrence of the word: in the stored text of its paragraph, [start, end). */
export interface ConcordanceLine {
  articleId: number;
  articleTitle: string;
  paragraphId: number;
  /** The paragraph's place in its article (0 = first). */
  ord: number;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
}

export interface Concordance {
  word: string;
  lines: ConcordanceLine[];
  /** Every line found, before the limit. */
  total: number;
}

export type ConcordanceSort = 'text' | 'left' | 'right';

/** KWIC lines to code: each by its paragraph and offsets, as a ConcordanceLine gives them. */
export interface ConcordanceSpan {
  paragraphId: number;
  start: number;
  end: number;
}

export const maxCodedConcordanceLines = 10_000;

/**
 * At most this many items or KWIC lines in one answer to the page (the Words view asks for 500
 * items, 2,000 lines): a whole large library's list would not fit one message. A CSV export,
 * which main writes to the file, takes every one.
 */
export const maxWordsAnswerRows = 10_000;

export interface KeynessRequest {
  /** The subset read against the rest of the library. */
  subset: AnalysisSubset;
  unit?: FrequencyUnit;
  script?: ScriptMode;
  limit?: number;
  /** Items seen fewer times than this in both parts together are left out (5 unless given). */
  minOccurrences?: number;
}

export interface KeynessItem {
  text: string;
  folded: string;
  /** Occurrences in the subset and in the rest. */
  subset: number;
  rest: number;
  /** Dunning's log-likelihood G2 (Rayson's form); ≥ 3.84 is p < 0.05, ≥ 10.83 p < 0.001 (1 d.f.). */
  logLikelihood: number;
  /** Gabrielatos' %DIFF of the normalised frequencies; null when the rest never has it. */
  percentDiff: number | null;
  /** 'over' when the subset uses it more than the rest (relative to size), else 'under'. */
  direction: 'over' | 'under';
}

export interface KeynessResult {
  unit: FrequencyUnit;
  subsetOccurrences: number;
  restOccurrences: number;
  items: KeynessItem[];
}

export const maxStopWords = 5_000;
export const maxStopWordLength = 20;

export interface StopWordList {
  words: string[];
  /** True when the library has no list of its own and the default list applies. */
  isDefault: boolean;
}

/** How far the running frequency list or keyness count has got: paragraphs read of all. */
export interface WordsProgress {
  done: number;
  total: number;
}

/** Which table a CSV export writes, with the request that makes it (main counts it again). */
export type WordsCsvRequest =
  | { kind: 'frequencies'; request: FrequencyRequest }
  | { kind: 'concordance'; request: ConcordanceRequest }
  | { kind: 'keyness'; request: KeynessRequest };

export const wordsCsvKinds = ['frequencies', 'concordance', 'keyness'] as const;

export interface WordsCsvResult {
  path: string;
  /** Rows written, the header left out. */
  rows: number;
}
