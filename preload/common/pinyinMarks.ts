/**
 * CC-CEDICT writes pinyin with tone numbers ("yin2 hang2", "nu:3", "hui4 r5", "Xi2 Jin4 ping2");
 * people read it with tone marks ("yín háng", "nǚ", "huì r", "Xí Jìn píng"). Pure: used by main's
 * dictionary and by anything that shows a reading.
 */

/** One numbered syllable: letters (u: or v for ü), then a tone 1-5. Anything else passes through. */
const numberedSyllable = /^([A-Za-z]+?(?:u:|v|ü)?[A-Za-z]*)([1-5])$/;

/** Combining marks for tones 1-4 (NFC then composes ā, á, ǎ, à, ǖ …). */
const toneMarks = ['', '\u0304', '\u0301', '\u030c', '\u0300'] as const;

/** A numbered syllable ("hang2", "lu:4", "Xi2", "r5", "m2") with its tone mark; other tokens as they are. */
export function syllableWithMark(token: string): string {
  const match = numberedSyllable.exec(token);
  if (!match) return token.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const letters = match[1]!.replace(/u:|v/g, 'ü').replace(/U:|V/g, 'Ü');
  const tone = Number(match[2]);
  if (tone === 5) return letters;
  const at = markPosition(letters);
  if (at < 0) return letters;
  return (letters.slice(0, at + 1) + toneMarks[tone] + letters.slice(at + 1)).normalize('NFC');
}

/**
 * Where the mark goes, by the standard rule: on a or e; on the o of ou; otherwise on the last
 * vowel; a syllable without a vowel (m, n, ng, hm) carries it on its nasal.
 */
function markPosition(letters: string): number {
  const lower = letters.toLowerCase();
  const a = lower.indexOf('a');
  if (a >= 0) return a;
  const e = lower.indexOf('e');
  if (e >= 0) return e;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i]!)) return i;
  const nasal = lower.search(/[mn]/);
  return nasal;
}

/** A whole CC-CEDICT reading, syllable by syllable ("yin2 hang2" -> "yín háng"); spacing and punctuation kept. */
export function pinyinWithMarks(numbered: string): string {
  return numbered
    .split(' ')
    .map((token) => syllableWithMark(token))
    .join(' ');
}
