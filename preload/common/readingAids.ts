/**
 * Reading aids (issue #17 item 3): pinyin or zhuyin above the characters the reader shows.
 *
 * Readings are taken from the simplified form of what is shown, not of what is stored: in
 * 臺灣(詞彙) an article stored as 出租车 shows 計程車, and its reading is jì chéng chē. The shown
 * text is converted to simplified character by character's script only (t2s, tw2s, hk2s: no
 * phrase dictionaries, so 計程車 stays 计程车), with the converter's exact offset map; main reads
 * that text with pinyin-pro (polyphones by context) over the dictionary's words, and the words
 * come back here onto the shown text through the map. Nothing here changes a text or an anchor:
 * a ruby word is a range of the shown text and a reading to draw over it.
 */

import type { DetectedScript } from '../contract/articleTypes';
import type { ReadingWord } from '../contract/readingTypes';
import type { SourceRegion } from './conversionTable';
import { createLocaleConverter, type Conversion, type OpenccLocale } from './createConverter';
import { identityOffsetMap, rangeToCanonical } from './offsetMap';
import { pinyinWithMarks } from './pinyinMarks';
import type { ScriptMode } from './scriptModes';
import { pinyinToZhuyin } from './zhuyin';

export const readingScripts = ['pinyin', 'zhuyin'] as const;
export type ReadingScript = (typeof readingScripts)[number];

/** Every word, or only the words the person is learning (those in their vocabulary). */
export const readingScopes = ['all', 'unknown'] as const;
export type ReadingScope = (typeof readingScopes)[number];

export interface ReadingAid {
  script: ReadingScript;
  scope: ReadingScope;
}

export function isReadingAid(x: unknown): x is ReadingAid {
  if (typeof x !== 'object' || x === null) return false;
  const { script, scope } = x as Record<string, unknown>;
  return (
    (readingScripts as readonly unknown[]).includes(script) && (readingScopes as readonly unknown[]).includes(scope)
  );
}

/** A reading drawn over [start, end) of the shown text. */
export interface RubyWord {
  start: number;
  end: number;
  reading: string;
}

/**
 * The script the shown text is in, to read it back as simplified; null when it is simplified
 * already. Mixed text reads through t2s, which leaves its simplified characters as they are.
 */
export function shownLocale(script: DetectedScript, region: SourceRegion | undefined, mode: ScriptMode): OpenccLocale | null {
  switch (mode) {
    case 'cn':
      return null;
    case 't':
      return 't';
    case 'tw':
    case 'twp':
      return 'tw';
    case 'hk':
      return 'hk';
    case 'original':
      if (script === 'simplified') return null;
      if (script === 'traditional' && region === 'taiwan') return 'tw';
      if (script === 'traditional' && region === 'hongkong') return 'hk';
      return 't';
  }
}

/** The simplified form of a shown text, with the map from the shown text (its source) to it. */
export function readingTextOf(shown: string, locale: OpenccLocale | null): Conversion {
  if (locale === null) return { text: shown, map: identityOffsetMap(shown) };
  // Without our overrides: those are phrases for the simplified -> traditional direction.
  return createLocaleConverter(locale, 'cn', false).convert(shown);
}

/** A numbered reading ("yin2 hang2") as the aid shows it: tone marks or zhuyin. */
export function formatReading(numbered: string, script: ReadingScript): string {
  return script === 'zhuyin' ? pinyinToZhuyin(numbered) : pinyinWithMarks(numbered);
}

/**
 * The words main read in the simplified text, placed on the shown text: each range mapped back
 * through the reading text's map (a phrase the conversion changed maps whole), only the unknown
 * words when the scope says so, and words that the mapping makes meet merged into one.
 */
export function placeReadings(reading: Conversion, words: readonly ReadingWord[], aid: ReadingAid): RubyWord[] {
  const placed: RubyWord[] = [];
  for (const word of words) {
    if (aid.scope === 'unknown' && !word.unknown) continue;
    const { start, end } = rangeToCanonical(reading.map, { start: word.start, end: word.end });
    if (end <= start) continue;
    const text = formatReading(word.reading, aid.script);
    const last = placed.at(-1);
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      last.reading += ` ${text}`;
    } else {
      placed.push({ start, end, reading: text });
    }
  }
  return placed;
}
