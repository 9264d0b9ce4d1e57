import { foldToSimplified } from '../../../preload/common/foldScript';
import { segmentWords, type WordLengths } from '../../../preload/common/segmentWords';
import type { PackedDictionary } from '../dictionary/packedDictionary';

const han = /\p{Script=Han}/u;
const hanRun = /\p{Script=Han}+/gu;

/**
 * Word lengths over text already folded to simplified characters: CC-CEDICT's simplified
 * headwords, grown while some headword still starts with the run (matchWords' way). Counting
 * reads the folded text, so 晉江 and 晋江 are one word; the pop-up's other readings (a Taiwan
 * phrase through OpenCC, a number before a classifier) are left out: a year or an amount is not a
 * word worth counting, and the lookup costs a third of the pop-up's per place.
 */
export function foldedWordLengths(packed: PackedDictionary): WordLengths {
  const max = packed.header.maxKeyLength;
  // What the packed file answers for a run, remembered: the same short runs come back at every
  // other place of a library (this quarters the lookups' cost), within a bound on memory.
  const answers = new Map<string, number>();
  const answer = (run: string): number => {
    let bits = answers.get(run);
    if (bits === undefined) {
      const { ids, longer } = packed.find(run);
      bits = (ids.length > 0 ? isWord : 0) | (longer ? startsLonger : 0);
      if (answers.size < maxRememberedRuns) answers.set(run, bits);
    }
    return bits;
  };
  return {
    lengthsAt(text, offset) {
      const lengths: number[] = [];
      for (let end = offset + 1; end <= Math.min(text.length, offset + max); end++) {
        const bits = answer(text.slice(offset, end));
        if (bits & isWord) lengths.push(end - offset);
        if (!(bits & startsLonger)) break;
      }
      return lengths.reverse();
    },
  };
}

const isWord = 1;
const startsLonger = 2;
const maxRememberedRuns = 200_000;

/**
 * The words of a paragraph that a frequency list counts, folded: the segmentation's words and
 * lone characters that hold a Han character. Latin runs, digits, spaces and punctuation are
 * scrape noise here (a URL, a date, a byline's email), not the Chinese a list is about.
 */
export function countedWords(text: string, lengths: WordLengths, ownWords: readonly string[]): string[] {
  const words: string[] = [];
  for (const s of segmentWords(foldToSimplified(text), lengths, ownWords)) {
    if ((s.kind === 'word' || s.kind === 'single') && han.test(s.text)) words.push(s.text);
  }
  return words;
}

/** Character n-grams of the folded text, within runs of Han characters (never across punctuation or Latin), by code point. */
export function characterNgrams(text: string, n: number): string[] {
  const grams: string[] = [];
  for (const [run] of foldToSimplified(text).matchAll(hanRun)) {
    const chars = [...run];
    for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
  }
  return grams;
}
