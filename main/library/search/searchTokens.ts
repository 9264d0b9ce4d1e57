import { foldToSimplified } from '../../../preload/common/foldScript';

/**
 * How text becomes search tokens (DESIGN §10), the one definition the index and the matcher
 * share. Text is folded to simplified, then read as CJK characters and words (runs of other
 * letters and digits, lowercased); spaces and punctuation only separate. A run of CJK
 * characters c1..cn gives the bigram at every position and the last character alone:
 * c1c2 c2c3 … c(n-1)cn cn. So a query of two or more characters is the phrase of its bigrams,
 * and a query of one character is the prefix c*, which meets that character at every position
 * (as the start of a bigram, or alone at the end of a run).
 *
 * It runs on every paragraph an import writes, so it works on code points through lookup
 * tables and writes the tokens into one buffer, not a string per character.
 */

export interface Token {
  /** Folded, lowercased; never contains ASCII punctuation or spaces, so FTS5's ascii tokenizer keeps it whole. */
  text: string;
  /** UTF-16 range in the original (unfolded) text that the token covers. */
  start: number;
  end: number;
  /** End of the token's first character: where a one-character prefix match stops. */
  firstEnd: number;
  /** True for a CJK token, false for a word. */
  cjk: boolean;
  /** For a CJK token: true when it is the last character of its run (a unigram). */
  runEnd: boolean;
}

/** Where a token sits in the scan's output (`from`, `to`) and in the text (`start`, `end`, `firstEnd`). */
type OnToken = (from: number, to: number, start: number, end: number, firstEnd: number, cjk: boolean, runEnd: boolean) => void;

const space = 0;
const cjk = 1;
const word = 2;
/** Joins the character before it: a combining accent, a variation selector. */
const mark = 3;
/** Invisible, neither joins nor separates: zero-width space, soft hyphen. */
const ignored = 4;

const cjkScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const wordChar = /[\p{L}\p{N}]/u;
const markChar = /\p{M}/u;
const formatChar = /\p{Cf}/u;

function classifyByProperty(ch: string): number {
  if (cjkScript.test(ch)) return cjk;
  if (wordChar.test(ch)) return word;
  if (markChar.test(ch)) return mark;
  return formatChar.test(ch) ? ignored : space;
}

interface Tables {
  /** Class of every BMP code point (surrogate halves: space; a pair is classified as a whole). */
  classes: Uint8Array;
  /** Folded form of every BMP code point, 0 when it folds to itself. */
  folds: Uint32Array;
}

let tables: Tables | null = null;
const astralFolds = new Map<number, number>();

/** Built once (some 60k lookups): afterwards a character costs two array reads. */
function bmpTables(): Tables {
  if (tables) return tables;
  const classes = new Uint8Array(0x10000);
  const folds = new Uint32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    if (code < 0x80) {
      const alnum = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
      classes[code] = alnum ? word : space;
      continue;
    }
    classes[code] = classifyByProperty(ch);
    // foldToSimplified changes nothing below U+2E80.
    if (code >= 0x2e80) {
      const folded = foldToSimplified(ch).codePointAt(0) ?? code;
      if (folded !== code) folds[code] = folded;
    }
  }
  tables = { classes, folds };
  return tables;
}

function foldCodePoint(cp: number, folds: Uint32Array): number {
  if (cp < 0x10000) return folds[cp] || cp;
  let folded = astralFolds.get(cp);
  if (folded === undefined) {
    folded = foldToSimplified(String.fromCodePoint(cp)).codePointAt(0) ?? cp;
    astralFolds.set(cp, folded);
  }
  return folded;
}

function classOf(cp: number, classes: Uint8Array): number {
  return cp < 0x10000 ? (classes[cp] ?? space) : classifyByProperty(String.fromCodePoint(cp));
}

/** Lowercase form of a word character; full-width Latin letters and digits (ＡＢＣ１２３) become ASCII. */
function wordCodePoints(cp: number): number | string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp >= 0xff10 && cp <= 0xff19) return cp - 0xfee0;
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return (cp - 0xfee0) | 0x20;
  return String.fromCodePoint(cp).toLowerCase();
}

const decoder = new TextDecoder('utf-16le');
/** Reused between calls: one paragraph after another, without an allocation each. */
let shared = new Uint16Array(1 << 16);

/**
 * Reads `text` once and returns its tokens, space-separated; `onToken` hears where each one
 * is. Each code point is folded on its own (fold maps one code point to one, sometimes of
 * another UTF-16 length: 勣 -> 𪟝), so ranges are always in `text` itself.
 */
function scan(text: string, onToken?: OnToken): string {
  const { classes, folds } = bmpTables();
  // At most 5 units out per 2 in (an astral bigram and a space); a lowercase that grows is checked in put.
  if (shared.length < text.length * 3 + 16) shared = new Uint16Array(text.length * 3 + 16);
  let out = shared;
  let length = 0;
  const put = (cp: number) => {
    if (length + 2 >= out.length) {
      const bigger = new Uint16Array(out.length * 2);
      bigger.set(out);
      out = shared = bigger;
    }
    if (cp < 0x10000) out[length++] = cp;
    else {
      out[length++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[length++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
  };
  let runCp = -1; // the last CJK character of the run being read, waiting for the next
  let runStart = 0;
  let runEnd = 0;
  let wordFrom = -1; // where the word being read starts in `out`
  let wordStart = 0;
  let wordEnd = 0;
  const endWord = () => {
    if (wordFrom < 0) return;
    onToken?.(wordFrom, length, wordStart, wordEnd, wordEnd, false, false);
    put(0x20);
    wordFrom = -1;
  };
  const endRun = () => {
    if (runCp < 0) return;
    const from = length;
    put(runCp);
    onToken?.(from, length, runStart, runEnd, runEnd, true, true);
    put(0x20);
    runCp = -1;
  };
  for (let i = 0; i < text.length; ) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      }
    }
    const folded = foldCodePoint(cp, folds);
    const kind = classOf(folded, classes);
    if (kind === cjk) {
      endWord();
      if (runCp >= 0) {
        const from = length;
        put(runCp);
        put(folded);
        onToken?.(from, length, runStart, i + width, runEnd, true, false);
        put(0x20);
      }
      runCp = folded;
      runStart = i;
      runEnd = i + width;
    } else if (kind === word || (kind === mark && wordFrom >= 0 && wordEnd === i)) {
      endRun();
      if (wordFrom < 0) {
        wordFrom = length;
        wordStart = i;
      }
      const lower = wordCodePoints(folded);
      if (typeof lower === 'number') put(lower);
      else for (const c of lower) put(c.codePointAt(0) ?? 0);
      wordEnd = i + width;
    } else if (kind === mark) {
      if (runCp >= 0 && runEnd === i) runEnd = i + width;
    } else if (kind === space) {
      endWord();
      endRun();
    }
    i += width;
  }
  endWord();
  endRun();
  // Drop the trailing space.
  return decoder.decode(new Uint8Array(out.buffer, 0, Math.max(0, length - 1) * 2));
}

/** Every token of `text`, in order, with its range in `text`. */
export function tokenize(text: string): Token[] {
  const found: Array<Omit<Token, 'text'> & { from: number; to: number }> = [];
  const all = scan(text, (from, to, start, end, firstEnd, isCjk, runEnd) =>
    found.push({ from, to, start, end, firstEnd, cjk: isCjk, runEnd }),
  );
  return found.map(({ from, to, ...token }) => ({ text: all.slice(from, to), ...token }));
}

/** The tokens of `text` as the index stores them: space-separated. */
export function indexTokens(text: string): string {
  return scan(text);
}
