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

/** JS `\s` for one UTF-16 code unit, without a regex: scans call it on every character. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** JS `\s` already covers U+3000 (ideographic space), NBSP and the BOM. */
export function isBlank(text: string): boolean {
  return /^\s*$/u.test(text);
}

/** Punctuation that ends a sentence. */
export const sentenceEnd = '。．!?！？;；…';
export const openers = '“‘「『(（[【《〈';
export const closers = '”’」』)）]】》〉';

/**
 * A table by UTF-16 code unit marking the given BMP characters: scans that look at every
 * character test membership with one index instead of a string search.
 */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

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

const punctuationOrSpace = /[\p{P}\p{S}\s]/u;
/** Per BMP code unit: 0 not asked yet, 1 punctuation, a symbol or a space, 2 neither. */
const punctuationOrSpaceCodes = new Uint8Array(0x10000);

export function isPunctuationOrSpace(ch: string | undefined): boolean {
  if (ch === undefined) return true;
  return ch.length === 1 ? isPunctuationOrSpaceCode(ch.charCodeAt(0)) : punctuationOrSpace.test(ch);
}

/** isPunctuationOrSpace for one UTF-16 code unit, cached: a lone surrogate is neither. */
function isPunctuationOrSpaceCode(code: number): boolean {
  let known = punctuationOrSpaceCodes[code] ?? 0;
  if (known === 0) {
    known = punctuationOrSpace.test(String.fromCharCode(code)) ? 1 : 2;
    punctuationOrSpaceCodes[code] = known;
  }
  return known === 1;
}

/** Text with spaces and punctuation taken out: for comparing lines that differ only in layout. */
export function compact(text: string): string {
  // A scan with the cached table: the regex replace tests a Unicode property per character.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
    const gone = pair ? punctuationOrSpace.test(text.slice(i, i + 2)) : isPunctuationOrSpaceCode(code);
    if (gone) {
      out += text.slice(from, i);
      from = i + (pair ? 2 : 1);
    }
    if (pair) i++;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
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
