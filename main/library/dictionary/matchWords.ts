import { createLocaleConverter, type Conversion } from '../../../preload/common/createConverter';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { toCanonical, toConverted } from '../../../preload/common/offsetMap';
import type { PackedDictionary } from './packedDictionary';

/** Entry ids by the length (UTF-16 units of the text as given) of the word they match at an offset. */
export type MatchesByLength = Map<number, number[]>;

/** A text read again as mainland text, two ways, with where each place of it came from. */
interface Readings {
  text: string;
  /** Folded to simplified character by character (foldToSimplified: 裏 -> 里, 衞 -> 卫). */
  folded: string;
  /** folded offset at each text offset that starts a character (-1 inside a surrogate pair). */
  foldedAt: Int32Array;
  /** text offset at each folded offset that ends a character's fold (-1 elsewhere). */
  textAt: Int32Array;
  /** Through OpenCC's Taiwan phrases and variants (tw2sp: 計程車 -> 出租车), with its offset map. */
  mainland: Conversion;
}

// A pop-up looks up place after place of one paragraph, segmentation every place of one: the
// paragraph is read again once, not once per place.
let last: Readings | undefined;

function readingsOf(text: string): Readings {
  if (last?.text === text) return last;
  const foldedAt = new Int32Array(text.length + 1).fill(-1);
  let folded = '';
  const ends: number[] = [0];
  for (let i = 0; i < text.length; ) {
    const width = isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    foldedAt[i] = folded.length;
    folded += foldToSimplified(text.slice(i, i + width));
    i += width;
    while (ends.length < folded.length) ends.push(-1);
    ends.push(i);
  }
  foldedAt[text.length] = folded.length;
  last = { text, folded, foldedAt, textAt: Int32Array.from(ends), mainland: createLocaleConverter('twp', 'cn').convert(text) };
  return last;
}

/**
 * Zhongwen's method, in every script the reader shows: every headword that starts at `offset`,
 * found by growing the run while some headword still starts with it. A run matches as written
 * first (計程車, 出租车, 網際網路); where that finds nothing at a length, the text is read again as
 * mainland text, so a Taiwan phrase or a Taiwan / Hong Kong variant CC-CEDICT lacks still finds
 * its word: character by character (裏面 -> 里面, 衞生 -> 卫生) and through OpenCC's Taiwan phrases
 * (tw2sp). Last, a number followed by a classifier or unit (三本, 5個, 一百二十個, 33年) is a word,
 * with the number's entries when it is one and the classifier's.
 */
export function matchesAt(dictionary: PackedDictionary, text: string, offset: number): MatchesByLength {
  const found: MatchesByLength = new Map();
  const max = dictionary.header.maxKeyLength;
  if (offset >= text.length || isLowSurrogate(text.charCodeAt(offset)) || /\s/.test(text[offset]!)) return found;

  /** Grows a run of `source` from `from`, recording each headword at the text length `toText` maps its end to. */
  const grow = (source: string, from: number, toText: (end: number) => number) => {
    for (let end = from + 1; end <= Math.min(source.length, from + max); end++) {
      if (isHighSurrogate(source.charCodeAt(end - 1)) && end < source.length) continue;
      const { ids, longer } = dictionary.find(source.slice(from, end));
      const length = toText(end) - offset;
      if (ids.length > 0 && length > 0 && !found.has(length)) found.set(length, [...ids]);
      if (!longer) break;
    }
  };

  grow(text, offset, (end) => end);

  const readings = readingsOf(text);
  const foldedFrom = readings.foldedAt[offset]!;
  if (foldedFrom >= 0 && readings.folded.slice(foldedFrom, foldedFrom + max) !== text.slice(offset, offset + max)) {
    grow(readings.folded, foldedFrom, (end) => (readings.textAt[end]! >= 0 ? readings.textAt[end]! : offset));
  }

  const { text: mainland, map } = readings.mainland;
  const mainlandFrom = toConverted(map, offset, 'start');
  // Only from and to a boundary of the conversion's pieces: half of 計程車 is not half of 出租车.
  if (toCanonical(map, mainlandFrom, 'start') === offset && mainland.slice(mainlandFrom, mainlandFrom + max) !== text.slice(offset, offset + max)) {
    grow(mainland, mainlandFrom, (end) => {
      const textEnd = toCanonical(map, end, 'end');
      return toConverted(map, textEnd, 'end') === end ? textEnd : offset;
    });
  }

  const number = numberRun(text, offset);
  const after = text[offset + number];
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

/**
 * Units a number is read with that CC-CEDICT does not call classifiers: dates, times, ages,
 * amounts (2019年, 8月15日, 3点, 5岁, 100元, 3倍).
 */
const numberUnits = '年月日号时点分秒岁天周次倍元块角';

const numberPattern = /(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[〇零一二三四五六七八九十百千万萬亿億两兩几幾半]+)/y;

/** Digits (ASCII or full-width) or Chinese numerals, as many as start at `offset`. */
function numberRun(text: string, offset: number): number {
  numberPattern.lastIndex = offset;
  const match = numberPattern.exec(text);
  return match ? match[0].length : 0;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
