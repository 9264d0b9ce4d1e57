/**
 * The vocabulary (issue #17): words a person saves from the dictionary pop-up, each with the
 * reading and sense they chose and the sentence they met it in, linked to its paragraph.
 */

/** Bounds on what one entry holds: a word is short, a sentence at most a long paragraph's worth. */
export const maxVocabularyWordLength = 100;
/** The stored text under a word: a phrase mode can show a longer text as a shorter one (U盘 as 隨身碟, or back). The backup admits as much. */
export const maxVocabularyStoredWordLength = maxVocabularyWordLength * 4;
export const maxVocabularyReadingLength = 500;
export const maxVocabularySenseLength = 4_000;
export const maxVocabularySentenceLength = 4_000;

export interface VocabularyEntry {
  id: number;
  /** The word as the reader showed it (in the script mode of the moment). */
  word: string;
  /** The canonical text the word stands on (the paragraph's stored text at [start, end)). */
  storedWord: string;
  /** Pinyin (and, as the person likes, zhuyin); '' when none was chosen. */
  reading: string;
  /** The sense the person chose or wrote; '' when none. */
  sense: string;
  /** The sentence the word was found in, as shown; '' when none. */
  sentence: string;
  /** Where `word` starts in `sentence` (UTF-16). */
  sentenceOffset: number;
  /** The article and paragraph the word was found in; null once that article or paragraph is deleted for good. */
  articleId: number | null;
  articleTitle: string | null;
  paragraphId: number | null;
  /** [start, end) in the paragraph's canonical text (UTF-16). */
  start: number;
  end: number;
  /** `pizhu://article/ID#PARAGRAPH`: the back-link, as exported Markdown writes it; null when unlinked. */
  link: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the pop-up's "Add to vocabulary" sends: offsets are canonical, already mapped back from the display text. */
export interface NewVocabularyEntry {
  paragraphId: number;
  start: number;
  end: number;
  word: string;
  reading?: string;
  sense?: string;
  sentence?: string;
  sentenceOffset?: number;
}

/** What the vocabulary view lets a person edit. */
export interface VocabularyChanges {
  reading?: string;
  sense?: string;
}

/** Every filter is optional; together they all must hold. */
export interface VocabularyFilter {
  articleId?: number;
  /** Words found in a paragraph carrying this tag (or one nested under it), on the paragraph or a highlight in it. */
  tag?: string;
  /** Saved on or after / on or before this day (YYYY-MM-DD, UTC). */
  from?: string;
  to?: string;
  /** Text in the word (either form, either script), reading, sense or sentence. */
  text?: string;
}

export const vocabularyExportFormats = ['csv', 'anki'] as const;
export type VocabularyExportFormat = (typeof vocabularyExportFormats)[number];

/** A vocabulary export: where main's save dialog put it and how many words it holds. */
export interface VocabularyExportResult {
  path: string;
  format: VocabularyExportFormat;
  words: number;
}
