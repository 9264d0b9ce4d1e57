import type { DictGroup, DictLike } from 'opencc-js';
import { conversionPlan, createLocaleConverter, type OpenccLocale } from '../../../preload/common/createConverter';

/**
 * What converting one character alone from `from` to `to` gives, as createLocaleConverter
 * (without overrides) gives it, read from the conversion's dictionaries' one-character keys only.
 *
 * Why: script detection asks of every distinct character whether OpenCC makes it traditional,
 * and building the whole converter for that (its phrase tries, some 90,000 keys) was 160-180 ms
 * of each parse worker's start, before its first file. A character alone is one segment, and at
 * every stage only a key of one code point can match it, so only those keys are kept: each
 * group's first dictionary wins and a later entry of one dictionary overwrites an earlier one,
 * as the converter's tries load them. A stage that turns the character into more than one
 * (none does in OpenCC's data today) is left to the whole converter.
 */
export function singleCharacterConversion(from: OpenccLocale, to: OpenccLocale): (ch: string) => string {
  const plan = conversionPlan(from, to, false);
  const stages = [...plan.normalizationChain, ...plan.conversionChain].map(oneCharacterKeys);
  return (ch) => {
    let out = ch;
    for (const stage of stages) {
      out = stage.get(out) ?? out;
      if (!isOneCodePoint(out)) return createLocaleConverter(from, to, false).convert(ch).text;
    }
    return out;
  };
}

function isOneCodePoint(text: string): boolean {
  return text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);
}

/** A group's entries whose key is one code point, loaded as the converter loads the group. */
function oneCharacterKeys(group: DictGroup): Map<string, string> {
  const keys = new Map<string, string>();
  for (let d = group.length - 1; d >= 0; d--) addOneCharacterKeys(group[d]!, keys);
  return keys;
}

function addOneCharacterKeys(dict: DictLike, keys: Map<string, string>): void {
  if (typeof dict !== 'string') {
    for (const [key, value] of dict) if (isOneCodePoint(key)) keys.set(key, value);
    return;
  }
  // Entries are "key value" joined by '|' (a value is read up to a space, as the tries read it):
  // only those whose key is one code point are cut out.
  for (let at = 0; at < dict.length; ) {
    let end = dict.indexOf('|', at);
    if (end < 0) end = dict.length;
    const space = dict.indexOf(' ', at);
    if (space > at && space < end && isOneCodePoint(dict.slice(at, space))) {
      const next = dict.indexOf(' ', space + 1);
      keys.set(dict.slice(at, space), dict.slice(space + 1, next > space && next < end ? next : end));
    }
    at = end + 1;
  }
}
