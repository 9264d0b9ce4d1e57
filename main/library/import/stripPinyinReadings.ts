import type { Removal } from '../../../preload/contract/articleTypes';
import { makeRemoval } from './removals';
import { charBefore, isHan } from './textPatterns';

const toneMarked = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/u;
// One syllable: optional initial, a vowel group, optional -n/-ng/-r, optional tone digit.
const syllable = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,4}(?:ng|n|r)?[1-5]?$/iu;
const inParentheses =
  /[(（]\s*([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ1-5]+(?:\s+[a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ1-5]+){0,3})\s*[)）]/gu;

/**
 * Pinyin readings printed after characters, 網(wǎng) or 区（qū）: hidden for reading. A reading
 * must follow a Chinese character directly, every word in it must be a pinyin syllable, and it
 * must carry a tone (mark or digit), so real parentheticals — (記者 …), (APP), (a) — stay.
 */
export function pinyinReadingRemovals(raw: string): Removal[] {
  const removals: Removal[] = [];
  if (!raw.includes('(') && !raw.includes('（')) return removals; // the common case, without a regex search
  for (const m of raw.matchAll(inParentheses)) {
    const reading = m[1] ?? '';
    const words = reading.split(/\s+/u);
    if (!isHan(charBefore(raw, m.index))) continue;
    if (!words.every((w) => syllable.test(w))) continue;
    if (!words.every((w) => toneMarked.test(w) || /[1-5]$/u.test(w))) continue;
    removals.push(makeRemoval(raw, m.index, m.index + m[0].length, 'pinyin-reading'));
  }
  return removals;
}
