/**
 * Full-width punctuation display (DESIGN §3: the seeds use half-width ,:;!?() inside Chinese).
 * Each mark becomes its full-width form, one UTF-16 unit for one, so display offsets (and the
 * offset map to the canonical text) stay valid. Applied to display text only, never stored.
 */

const fullWidth: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const han = /\p{Script=Han}/u;

/** Han, CJK punctuation and full-width forms: what makes a half-width mark "inside Chinese". */
function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  // 0x3000-0x303f: CJK symbols and punctuation; 0xff00-0xffef: full-width forms.
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) return true;
  // Chinese quotes and ellipsis / dash, as Chinese text uses them.
  if (code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || code === 0x2026 || code === 0x2014) {
    return true;
  }
  return han.test(ch);
}

const isHan = (ch: string | undefined): boolean => ch !== undefined && han.test(ch);
const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** A high surrogate's pair counts as one character for the neighbour tests. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const code = text.charCodeAt(i - 1);
  if (code >= 0xdc00 && code <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

function charAfter(text: string, i: number): string | undefined {
  if (i + 1 >= text.length) return undefined;
  const cp = text.codePointAt(i + 1);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** Pairs of matching ( ) by position; unmatched ones map to -1. */
function matchParentheses(text: string): Int32Array {
  const partner = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') {
      const j = open.pop();
      if (j !== undefined) {
        partner[i] = j;
        partner[j] = i;
      }
    }
  }
  return partner;
}

function hasHan(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isHan(text[i])) return true;
  return false;
}

/** Takes the place of a space beside a widened mark: no width, still one UTF-16 unit. */
const zeroWidthSpace = '\u200b';

/**
 * ,:;!? after a CJK character, or before a Han character when no Latin letter or digit is
 * before it ("1,000", "10:30" and URLs stay as they are). A ( ) pair becomes full-width when
 * it touches CJK on the outside or holds Han inside; an unmatched one when a neighbour is CJK.
 *
 * A full-width mark carries its own space, so the half-width text's space beside it ("冠, 基",
 * "报道 (记者)") would show as a gap after "，" or before "（": such spaces become zero-width.
 */
export function toFullWidthPunctuation(text: string): string {
  if (!/[,:;!?()]/.test(text)) return text;
  const partner = matchParentheses(text);
  const widened = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (fullWidth[ch] === undefined) continue;
    let convert: boolean;
    if (ch === '(' || ch === ')') {
      const j = partner[i] ?? -1;
      if (j < 0) convert = isCjk(charBefore(text, i)) || isCjk(charAfter(text, i));
      else {
        const [open, close] = ch === '(' ? [i, j] : [j, i];
        convert = isCjk(charBefore(text, open)) || isCjk(charAfter(text, close)) || hasHan(text, open + 1, close);
      }
    } else {
      const before = charBefore(text, i);
      convert = isCjk(before) || (isHan(charAfter(text, i)) && !isAsciiWord(before));
    }
    if (convert) widened[i] = 1;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (widened[i] === 1) out += fullWidth[ch] ?? ch;
    else if (ch === ' ' && (spaceAfterWide(text, widened, i) || spaceBeforeWideOpen(text, widened, i)))
      out += zeroWidthSpace;
    else out += ch;
  }
  return out;
}

/** A space in a run of spaces that follows a widened mark other than "(". */
function spaceAfterWide(text: string, widened: Uint8Array, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && text[j] === ' ') j--;
  return j >= 0 && widened[j] === 1 && text[j] !== '(';
}

/** A space in a run of spaces that precedes a widened "(". */
function spaceBeforeWideOpen(text: string, widened: Uint8Array, i: number): boolean {
  let j = i + 1;
  while (j < text.length && text[j] === ' ') j++;
  return j < text.length && widened[j] === 1 && text[j] === '(';
}
