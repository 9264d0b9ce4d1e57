import type { pinyin } from 'pinyin-pro';
import type { ReadingWord } from '../../../preload/contract/readingTypes';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { segmentWords, type WordLengths } from '../../../preload/common/segmentWords';

const han = /\p{Script=Han}/u;

/** pinyin-pro's reader; loaded on the first reading (its module costs main 60-110 ms, no part of the app's start). */
export type PinyinReader = typeof pinyin;

/**
 * pinyin-pro's reading of each Han code point of `text`, by UTF-16 offset (numbered as CC-CEDICT
 * writes it: ü as u:, the neutral tone 5). It reads the whole text at once, so a polyphone is read
 * in its context (银行行长: háng then háng zhǎng; 重庆 chóng, 重要 zhòng).
 */
function syllablesByOffset(text: string, pinyin: PinyinReader): Map<number, string> {
  const out = new Map<number, string>();
  const items = pinyin(text, { toneType: 'num', type: 'all' });
  let at = 0;
  for (const item of items) {
    // Its pieces are the text's own characters in order; a piece not where expected ends the reading here.
    if (!text.startsWith(item.origin, at)) break;
    if (item.isZh && item.pinyin !== '') out.set(at, cedictStyle(item.pinyin));
    at += item.origin.length;
  }
  return out;
}

/** "nü3" -> "nu:3", "de0" -> "de5": the numbering preload/common's pinyin and zhuyin writers read. */
function cedictStyle(syllable: string): string {
  return syllable.replace(/ü/g, 'u:').replace(/0$/, '5');
}

/**
 * The words of a simplified text with their readings: the dictionary's segmentation (the person's
 * vocabulary as their own words, as word counts use it), each word holding a Han character, read
 * by pinyin-pro over the whole text. `unknown` words are those of `vocabulary` (simplified).
 */
export function readingWords(
  text: string,
  lengths: WordLengths,
  vocabulary: ReadonlySet<string>,
  pinyin: PinyinReader,
): ReadingWord[] {
  if (!han.test(text)) return [];
  const syllables = syllablesByOffset(text, pinyin);
  const words: ReadingWord[] = [];
  for (const segment of segmentWords(text, lengths, vocabulary)) {
    if (segment.kind !== 'word' && segment.kind !== 'single') continue;
    const reading: string[] = [];
    for (let i = segment.start; i < segment.end; i++) {
      const syllable = syllables.get(i);
      if (syllable !== undefined) reading.push(syllable);
    }
    if (reading.length === 0) continue;
    words.push({
      start: segment.start,
      end: segment.end,
      reading: reading.join(' '),
      unknown: vocabulary.has(segment.text),
    });
  }
  return words;
}

/**
 * What the app's readingWords answers: each text's reading words. The dictionary opens on the
 * first call (as lookups do), and the vocabulary is read afresh each call, so a word just added
 * is marked at once.
 */
export function createReadings(lengths: () => WordLengths, vocabularyWords: () => readonly string[]) {
  let opened: WordLengths | undefined;
  let reader: PinyinReader | undefined;
  return {
    async read(texts: readonly string[]): Promise<ReadingWord[][]> {
      reader ??= (await import('pinyin-pro')).pinyin;
      const pinyin = reader;
      const vocabulary = new Set(
        vocabularyWords()
          .map((w) => foldToSimplified(w.trim()))
          .filter((w) => w !== ''),
      );
      const wordLengths = (opened ??= lengths());
      return texts.map((text) => readingWords(text, wordLengths, vocabulary, pinyin));
    },
  };
}
