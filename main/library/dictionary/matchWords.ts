import { createLocaleConverter } from '../../../preload/common/createConverter';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { toCanonical, toConverted } from '../../../preload/common/offsetMap';
import type { PackedDictionary } from './packedDictionary';

/** Entry ids by the length (UTF-16 units of the text as given) of the word they match at an offset. */
export type MatchesByLength = Map<number, number[]>;

/**
 * Zhongwen's method, in every script the reader shows: every headword that starts at `offset`,
 * tried from the longest run down. A run matches as written first (計程車, 出租车, 網際網路); where
 * that finds nothing at a length, the run is read again as mainland text, so a Taiwan phrase or a
 * Taiwan / Hong Kong variant CC-CEDICT lacks still finds its word: character by character
 * (foldToSimplified: 裏面 -> 里面) and through OpenCC's Taiwan phrases (tw2sp). Last, a number
 * followed by a classifier (三本, 5個, 一百二十個) is a word, with the classifier's entries.
 */
export function matchesAt(dictionary: PackedDictionary, text: string, offset: number): MatchesByLength {
  const found: MatchesByLength = new Map();
  const max = dictionary.header.maxKeyLength;
  const window = text.slice(offset, offset + max + 1);
  if (window === '' || isLowSurrogate(window.charCodeAt(0)) || /^\s/.test(window)) return found;

  for (let length = 1; length <= Math.min(window.length, max); length++) {
    if (isHighSurrogate(window.charCodeAt(length - 1))) continue;
    const ids = dictionary.idsOf(window.slice(0, length));
    if (ids.length > 0) found.set(length, [...ids]);
  }

  const { folded, ends } = foldByCharacter(window);
  for (let length = 1; length <= Math.min(folded.length, max); length++) {
    const original = ends[length];
    if (original === undefined || found.has(original)) continue;
    const ids = dictionary.idsOf(folded.slice(0, length));
    if (ids.length > 0) found.set(original, [...ids]);
  }

  if (hasHan(window)) {
    const { text: mainland, map } = createLocaleConverter('twp', 'cn').convert(window);
    for (let length = 1; length <= Math.min(mainland.length, max); length++) {
      const original = toCanonical(map, length, 'end');
      // Only at a boundary of the conversion's pieces: half of 計程車 is not half of 出租车.
      if (original === 0 || found.has(original) || toConverted(map, original, 'end') !== length) continue;
      const ids = dictionary.idsOf(mainland.slice(0, length));
      if (ids.length > 0) found.set(original, [...ids]);
    }
  }

  const number = numberRun(window);
  const after = window[number];
  if (number > 0 && after !== undefined && !found.has(number + 1)) {
    const classifier = dictionary.isClassifier(after) ? after : foldToSimplified(after);
    if (dictionary.isClassifier(classifier) || numberUnits.includes(classifier)) {
      const ids = dictionary.idsOf(after);
      found.set(number + 1, [...(found.get(number) ?? []), ...(ids.length > 0 ? ids : dictionary.idsOf(classifier))]);
    }
  }
  return found;
}

/** Lengths with a word, longest first. */
export function lengthsOf(matches: MatchesByLength): number[] {
  return [...matches.keys()].sort((a, b) => b - a);
}

/** The window folded to simplified one character at a time; ends[k]: the original length of folded[0, k). */
function foldByCharacter(window: string): { folded: string; ends: Array<number | undefined> } {
  let folded = '';
  const ends: Array<number | undefined> = [0];
  for (let i = 0; i < window.length; ) {
    const width = isHighSurrogate(window.charCodeAt(i)) && isLowSurrogate(window.charCodeAt(i + 1)) ? 2 : 1;
    const piece = foldToSimplified(window.slice(i, i + width));
    folded += piece;
    i += width;
    while (ends.length < folded.length) ends.push(undefined);
    ends.push(i);
  }
  return { folded, ends };
}

/**
 * Units a number is read with that CC-CEDICT does not call classifiers: dates, times, ages,
 * amounts (2019年, 8月15日, 3点, 5岁, 100元, 3倍).
 */
const numberUnits = '年月日号时点分秒岁天周次倍元块角';

/** Digits (ASCII or full-width) or Chinese numerals, as many as lead the window. */
function numberRun(window: string): number {
  const match = /^(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二三四五六七八九十百千万萬亿億两兩几幾半]+)/.exec(window);
  return match ? match[0].length : 0;
}

function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
