import iconv from 'iconv-lite';
import { createLocaleConverter } from '../../../preload/common/createConverter';
import { foldToSimplified } from '../../../preload/common/foldScript';

/**
 * Per-character facts about Chinese script, taken from OpenCC's dictionaries through the app's
 * one converter set-up (preload/common) rather than a table of ours: which characters only
 * traditional or only simplified text uses. Answers are cached per character, so a whole
 * library costs one lookup per distinct character.
 */

export type CharScript = 'traditional' | 'simplified' | 'shared';
const scriptCache = new Map<string, CharScript>();

/** `traditional` when it folds to another character, `simplified` when OpenCC makes it traditional. */
export function charScript(ch: string): CharScript {
  let known = scriptCache.get(ch);
  if (known === undefined) {
    if (foldToSimplified(ch) !== ch) known = 'traditional';
    else known = createLocaleConverter('cn', 't', false).convert(ch).text !== ch ? 'simplified' : 'shared';
    scriptCache.set(ch, known);
  }
  return known;
}

/** Text folded to simplified character by character: for matching cue words in either script. */
export const foldChars = foldToSimplified;

export type HanziFrequency = 'common' | 'rare' | 'outside';
let gb2312: Map<string, HanziFrequency> | null = null;

/**
 * GB 2312 sorts its characters in two levels: 3,755 chosen as the most frequent in modern text
 * (level 1, rows 16-55) and 3,008 rarer ones (level 2, rows 56-87). Read from the code table
 * itself through iconv-lite, so nothing is copied; traditional characters are looked up by their
 * simplified form. `outside`: in neither level (GBK-only, Japanese forms, other blocks).
 */
export function hanziFrequency(ch: string): HanziFrequency {
  if (!gb2312) {
    gb2312 = new Map();
    const pair = Buffer.alloc(2);
    for (let lead = 0xb0; lead <= 0xf7; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) {
        pair[0] = lead;
        pair[1] = trail;
        const decoded = iconv.decode(pair, 'gb2312');
        if (decoded.length === 1 && decoded !== '\ufffd') gb2312.set(decoded, lead <= 0xd7 ? 'common' : 'rare');
      }
    }
  }
  return gb2312.get(ch) ?? gb2312.get(foldToSimplified(ch)) ?? 'outside';
}
