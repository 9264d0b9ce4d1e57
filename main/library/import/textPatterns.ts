/**
 * Character classes shared by the import steps. Half- and full-width forms are both listed:
 * scraped text mixes them.
 */

const hanPattern = /\p{Script=Han}/u;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && hanPattern.test(ch);
}

/** True for a UTF-16 code unit in the main ideograph blocks (a high surrogate of planes 2-3 counts once). */
export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd840 && code <= 0xd8bf)
  );
}

/** How many Chinese characters the text holds. A plain loop: this runs on every paragraph. */
export function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}

/** JS `\s` already covers U+3000 (ideographic space), NBSP and the BOM. */
export function isBlank(text: string): boolean {
  return /^\s*$/u.test(text);
}

/** Punctuation that ends a sentence. */
export const sentenceEnd = '。．!?！？;；…';
export const openers = '“‘「『(（[【《〈';
export const closers = '”’」』)）]】》〉';

/** True when the text ends a sentence, looking through closing quotes and brackets (…难案。” counts). */
export function endsSentence(text: string): boolean {
  // A backward scan: an end-anchored regex would try every position of a long paragraph.
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (closers.includes(ch) || ch === '"' || ch === "'" || /\s/u.test(ch)) continue;
    return sentenceEnd.includes(ch);
  }
  return false;
}

export function isPunctuationOrSpace(ch: string | undefined): boolean {
  return ch === undefined || /[\p{P}\p{S}\s]/u.test(ch);
}

/** Text with spaces and punctuation taken out: for comparing lines that differ only in layout. */
export function compact(text: string): string {
  return text.replace(/[\p{P}\p{S}\s]/gu, '');
}

/** Number like 01, 1., 一、, (一), 第一部分 at the start of a line: the shape of a section heading. */
export const numberedPrefix =
  /^\s*(?:\d{1,2}(?:\s|[、.．]\s*)|[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[部章节篇])/u;

/** The whole character (surrogate pairs included) that ends just before `index`. */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}
