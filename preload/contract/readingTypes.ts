/**
 * Reading aids (issue #17 item 3): a paragraph's words with their readings, for pinyin or zhuyin
 * shown above the characters. The page sends the simplified form of what it shows; main answers
 * with the dictionary's segmentation of it and pinyin-pro's readings, in that text's offsets.
 */

/** One word of a paragraph that has a reading (it holds a Han character). */
export interface ReadingWord {
  /** [start, end) in the text sent (UTF-16). */
  start: number;
  end: number;
  /** The word's syllables, numbered as CC-CEDICT writes them ("yin2 hang2", "nu:3", "de5"). */
  reading: string;
  /** The word is in the person's vocabulary (compared in simplified characters): a word they are learning. */
  unknown: boolean;
}

/** At most this many UTF-16 units per text: a paragraph, as a lookup's text. */
export const maxReadingTextLength = 10_000;
/** At most this many texts per call, and this many units in all: the page asks for a long article in parts. */
export const maxReadingTexts = 500;
export const maxReadingTotalLength = 60_000;
