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

/** True when a token of indexTokens starting with this code point is CJK (a bigram or a run's last character), not a word. */
export function startsCjkToken(cp: number): boolean {
  return classOf(cp, bmpTables().classes) === cjk;
}

/**
 * True when the code point is a CJK character that folds to itself: written so in a text, it
 * stands in the tokens as itself (phraseCheck's literal test relies on it).
 */
export function isSelfFoldingCjk(cp: number): boolean {
  const { classes, folds } = bmpTables();
  return foldCodePoint(cp, folds) === cp && classOf(cp, classes) === cjk;
}

let unfolds: Map<number, number[]> | undefined;

/** The BMP code points other than `cp` that fold to it (眾 and 衆 for 众): how a text may write it. */
export function bmpFormsFoldingTo(cp: number): readonly number[] {
  if (unfolds === undefined) {
    const { folds } = bmpTables();
    unfolds = new Map();
    for (let code = 0; code < folds.length; code++) {
      const folded = folds[code]!;
      if (folded === 0) continue;
      const forms = unfolds.get(folded);
      if (forms) forms.push(code);
      else unfolds.set(folded, [code]);
    }
  }
  return unfolds.get(cp) ?? [];
}

/** Lowercase form of a word character; full-width Latin letters and digits (ＡＢＣ１２３) become ASCII. */
function wordCodePoints(cp: number): number | string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp >= 0xff10 && cp <= 0xff19) return cp - 0xfee0;
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return (cp - 0xfee0) | 0x20;
  return String.fromCodePoint(cp).toLowerCase();
}

const decoder = new TextDecoder('utf-16le');
/** The largest buffer kept between scans (4 MB): room for paragraphs of some 400,000 characters. */
const keptUnits = 1 << 21;

/**
 * The scan's output and its state, one instance reused paragraph after paragraph: an import
 * calls the scan on every paragraph it writes, and a closure or a buffer per call showed up in
 * its profile.
 */
class TokenWriter {
  /** UTF-16 units written so far, tokens separated by single spaces. */
  out = new Uint16Array(1 << 16);
  length = 0;
  onToken: OnToken | undefined = undefined;
  /** Where tokenSpans has the spans written, in place of a call of onToken per token. */
  spans: SpanArrays | undefined = undefined;
  spanCount = 0;
  /** The last CJK character of the run being read, waiting for the next; -1 outside a run. */
  runCp = -1;
  runStart = 0;
  runEnd = 0;
  /** Where the word being read starts in `out`; -1 outside a word. */
  wordFrom = -1;
  wordStart = 0;
  wordEnd = 0;

  start(textLength: number, onToken: OnToken | undefined, spans?: SpanArrays): void {
    // At most 5 units out per unit in (a BMP character folded to an astral one, in a bigram, and
    // a space); only a lowercase that grows can write more, and putString checks for it.
    if (this.out.length < textLength * 5 + 16) this.out = new Uint16Array(textLength * 5 + 16);
    this.length = 0;
    this.onToken = onToken;
    this.spans = spans;
    this.spanCount = 0;
    this.runCp = -1;
    this.wordFrom = -1;
  }

  emit(from: number, to: number, start: number, end: number, firstEnd: number, isCjk: boolean, runEnd: boolean): void {
    const spans = this.spans;
    if (spans === undefined) {
      this.onToken?.(from, to, start, end, firstEnd, isCjk, runEnd);
      return;
    }
    const i = this.spanCount++;
    spans.from[i] = from;
    spans.to[i] = to;
    spans.start[i] = start;
    spans.end[i] = end;
    spans.firstEnd[i] = firstEnd;
  }

  put(cp: number): void {
    if (cp < 0x10000) this.out[this.length++] = cp;
    else {
      this.out[this.length++] = 0xd800 + ((cp - 0x10000) >> 10);
      this.out[this.length++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
  }

  /** A lowercase of more than one code point (İ -> i̇): the only output the sizing in start() does not cover. */
  putString(lower: string): void {
    if (this.length + lower.length * 2 + 8 > this.out.length) {
      const bigger = new Uint16Array(this.out.length * 2 + lower.length * 2);
      bigger.set(this.out.subarray(0, this.length));
      this.out = bigger;
    }
    for (const c of lower) this.put(c.codePointAt(0) ?? 0);
  }

  cjk(folded: number, i: number, width: number): void {
    this.endWord();
    if (this.runCp >= 0) {
      const from = this.length;
      this.put(this.runCp);
      this.put(folded);
      this.emit(from, this.length, this.runStart, i + width, this.runEnd, true, false);
      this.out[this.length++] = 0x20;
    }
    this.runCp = folded;
    this.runStart = i;
    this.runEnd = i + width;
  }

  word(folded: number, i: number, width: number): void {
    this.endRun();
    if (this.wordFrom < 0) {
      this.wordFrom = this.length;
      this.wordStart = i;
    }
    const lower = wordCodePoints(folded);
    if (typeof lower === 'number') this.put(lower);
    else this.putString(lower);
    this.wordEnd = i + width;
  }

  endWord(): void {
    if (this.wordFrom < 0) return;
    this.emit(this.wordFrom, this.length, this.wordStart, this.wordEnd, this.wordEnd, false, false);
    this.out[this.length++] = 0x20;
    this.wordFrom = -1;
  }

  endRun(): void {
    if (this.runCp < 0) return;
    const from = this.length;
    this.put(this.runCp);
    this.emit(from, this.length, this.runStart, this.runEnd, this.runEnd, true, true);
    this.out[this.length++] = 0x20;
    this.runCp = -1;
  }

  /** The tokens written, without the trailing space. */
  result(): string {
    this.checkLength();
    const units = Math.max(0, this.length - 1);
    const tokens = units === 0 ? '' : decoder.decode(new Uint8Array(this.out.buffer, 0, units * 2));
    // A buffer grown for one huge paragraph (a 20 MB file can be one) is not kept for the next ones.
    if (this.out.length > keptUnits) this.out = new Uint16Array(1 << 16);
    return tokens;
  }

  checkLength(): void {
    // A write past the end of a typed array is dropped, not thrown: never index a truncated string.
    if (this.length > this.out.length) throw new Error('search tokens overflowed their buffer');
  }
}

const writer = new TokenWriter();

/**
 * Reads `text` once and returns its tokens, space-separated; `onToken` hears where each one
 * is. Each code point is folded on its own (fold maps one code point to one, sometimes of
 * another UTF-16 length: 勣 -> 𪟝), so ranges are always in `text` itself.
 */
function scan(text: string, onToken?: OnToken): string {
  scanInto(text, onToken);
  return writer.result();
}

/**
 * scan, leaving the tokens in the writer's buffer (and their spans in `spans` when given); with
 * `characters`, each CJK character is also kept for indexCharacters (startCharacters first), as
 * visitCharacters would meet it: the same folded code points of the same class, in order.
 */
function scanInto(text: string, onToken?: OnToken, spans?: SpanArrays, characters = false): void {
  const { classes, folds } = bmpTables();
  const w = writer;
  w.start(text.length, onToken, spans);
  for (let i = 0; i < text.length; ) {
    // A lone surrogate is its own code point, one unit wide.
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp, folds);
    const kind = classOf(folded, classes);
    if (kind === cjk) {
      w.cjk(folded, i, width);
      if (characters) keepCharacter(folded);
    } else if (kind === word || (kind === mark && w.wordFrom >= 0 && w.wordEnd === i)) w.word(folded, i, width);
    else if (kind === mark) {
      if (w.runCp >= 0 && w.runEnd === i) w.runEnd = i + width;
    } else if (kind === space) {
      w.endWord();
      w.endRun();
    }
    i += width;
  }
  w.endWord();
  w.endRun();
  w.onToken = undefined;
  w.spans = undefined;
}

/** Every token of `text`, in order, with its range in `text`. */
export function tokenize(text: string): Token[] {
  const found: Array<Omit<Token, 'text'> & { from: number; to: number }> = [];
  const all = scan(text, (from, to, start, end, firstEnd, isCjk, runEnd) =>
    found.push({ from, to, start, end, firstEnd, cjk: isCjk, runEnd }),
  );
  return found.map(({ from, to, ...token }) => ({ text: all.slice(from, to), ...token }));
}

/**
 * Every token of `text` as tokenize finds them, without an object or a string per token: the
 * tokens' text is the UTF-16 units of `units` from `from[i]` to `to[i]`. findMatches reads it for
 * each hit of a page. The arrays are reused by the next call (read them before calling again):
 * five new arrays a call cost three quarters of a page's matching, and decoding the units into
 * a string, or a call per token to record its span, another third of it.
 */
export interface TokenSpans {
  units: Uint16Array;
  count: number;
  from: Int32Array;
  to: Int32Array;
  start: Int32Array;
  end: Int32Array;
  firstEnd: Int32Array;
}

type SpanArrays = Omit<TokenSpans, 'units' | 'count'>;

function spanArrays(size: number): SpanArrays {
  return {
    from: new Int32Array(size),
    to: new Int32Array(size),
    start: new Int32Array(size),
    end: new Int32Array(size),
    firstEnd: new Int32Array(size),
  };
}

let spans = spanArrays(1 << 12);

export function tokenSpans(text: string): TokenSpans {
  // At most one token per UTF-16 unit of the text, plus one.
  if (spans.from.length < text.length + 1) spans = spanArrays(text.length + 1);
  scanInto(text, undefined, spans);
  writer.checkLength();
  const result = { units: writer.out, count: writer.spanCount, ...spans };
  // Arrays grown for one huge paragraph are not kept for the next ones (the result holds them until read).
  if (spans.from.length > keptUnits) spans = spanArrays(1 << 12);
  if (writer.out.length > keptUnits) writer.out = new Uint16Array(1 << 16);
  return result;
}

/** What foldedTokenUnits reports of a text, in the order of indexTokens' tokens. */
export interface FoldedTokenSink {
  /** A CJK character, folded: the first character of its token (each character of a run is one). */
  cjk(folded: number): void;
  /** A UTF-16 unit of the word being read, folded and lowercased as its token holds it. */
  wordUnit(unit: number): void;
  /** The word read since the last endWord is whole. */
  endWord(): void;
}

/**
 * Reads `text` as scan does, without writing tokens: for each CJK token its first character, and
 * each word's units. The duplicate check's fingerprint (duplicates/foldedUnits) reads every
 * paragraph an import stores this way; building the token string to read it back cost more.
 */
export function foldedTokenUnits(text: string, sink: FoldedTokenSink): void {
  const { classes, folds } = bmpTables();
  let inWord = false;
  let wordEnd = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp, folds);
    const kind = classOf(folded, classes);
    if (kind === cjk) {
      if (inWord) sink.endWord();
      inWord = false;
      sink.cjk(folded);
    } else if (kind === word || (kind === mark && inWord && wordEnd === i)) {
      inWord = true;
      const lower = wordCodePoints(folded);
      if (typeof lower === 'number') putUnits(lower, sink);
      else for (const c of lower) putUnits(c.codePointAt(0) ?? 0, sink);
      wordEnd = i + width;
    } else if (kind === space) {
      if (inWord) sink.endWord();
      inWord = false;
    }
    i += width;
  }
  if (inWord) sink.endWord();
}

function putUnits(cp: number, sink: FoldedTokenSink): void {
  if (cp < 0x10000) sink.wordUnit(cp);
  else {
    sink.wordUnit(0xd800 + ((cp - 0x10000) >> 10));
    sink.wordUnit(0xdc00 + ((cp - 0x10000) & 0x3ff));
  }
}

/** The tokens of `text` as the index stores them: space-separated. */
export function indexTokens(text: string): string {
  return scan(text);
}

/**
 * Calls `visit` with each CJK character of `text`, folded, in order and repeats included, until
 * it returns true: how the character index reads a text (indexCharacters fills it) and so how a
 * page checks a row against it (holdsCharacters), one reading for both.
 */
function visitCharacters(text: string, visit: (folded: number) => boolean): void {
  const { classes, folds } = bmpTables();
  for (let i = 0; i < text.length; ) {
    // A lone surrogate is its own code point, one unit wide.
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp, folds);
    if (classOf(folded, classes) === cjk && visit(folded)) return;
  }
}

/** indexCharacters' state, reused from paragraph to paragraph (an import calls it on each). */
const characterSeen = new Uint32Array(0x10000);
let characterStamp = 0;
const astralSeen = new Set<number>();
let characterOut = new Uint16Array(1 << 12);
let characterCount = 0;

/** Writes a character into characterOut the first time a call of indexCharacters meets it. */
function keepCharacter(folded: number): boolean {
  if (folded < 0x10000) {
    if (characterSeen[folded] === characterStamp) return false;
    characterSeen[folded] = characterStamp;
  } else {
    if (astralSeen.has(folded)) return false;
    astralSeen.add(folded);
  }
  const out = characterOut;
  if (characterCount > 0) out[characterCount++] = 0x20;
  if (folded < 0x10000) out[characterCount++] = folded;
  else {
    out[characterCount++] = 0xd800 + ((folded - 0x10000) >> 10);
    out[characterCount++] = 0xdc00 + ((folded - 0x10000) & 0x3ff);
  }
  return false;
}

/**
 * The distinct CJK characters of `text`, folded, space-separated, in order of first
 * appearance: what the character index holds (migration 0018). A one-character query meets
 * a character wherever it stands, so a row needs each character once, not its places.
 * Written into one buffer and marked seen by a stamp per call: a Set and a string per
 * character took five times as long as indexTokens.
 */
export function indexCharacters(text: string): string {
  startCharacters(text.length);
  visitCharacters(text, keepCharacter);
  return charactersKept();
}

/**
 * indexTokens and indexCharacters of one text, read once: an import makes both for every
 * paragraph it stores (in the parse worker), and the second reading of each text was a twentieth
 * of the worker's time.
 */
export function indexTokensAndCharacters(text: string): { tokens: string; characters: string } {
  startCharacters(text.length);
  scanInto(text, undefined, undefined, true);
  return { tokens: writer.result(), characters: charactersKept() };
}

/** Readies indexCharacters' state for a text of `length` UTF-16 units. */
function startCharacters(length: number): void {
  characterStamp++;
  if (characterStamp === 0xffffffff) {
    characterSeen.fill(0);
    characterStamp = 1;
  }
  astralSeen.clear();
  // At most two units and a space out per unit in.
  if (characterOut.length < length * 3 + 4) characterOut = new Uint16Array(length * 3 + 4);
  characterCount = 0;
}

/** The characters kept since startCharacters, space-separated. */
function charactersKept(): string {
  const n = characterCount;
  const characters = n === 0 ? '' : decoder.decode(new Uint8Array(characterOut.buffer, 0, n * 2));
  if (characterOut.length > keptUnits) characterOut = new Uint16Array(1 << 12);
  return characters;
}

/**
 * True when `text` holds, for every term of `terms`, one of its characters (folded code points):
 * exactly when the text's row of the character index has them, as both read the text through
 * visitCharacters. How a page checks a row's one-character terms (pizhu_holds_characters,
 * search/searchPages).
 */
export function holdsCharacters(text: string, terms: readonly (readonly number[])[]): boolean {
  let missing = terms.length;
  if (missing === 0) return true;
  const found = new Uint8Array(missing);
  visitCharacters(text, (folded) => {
    for (let t = 0; t < terms.length; t++) {
      if (found[t] === 0 && terms[t]!.includes(folded)) {
        found[t] = 1;
        missing--;
      }
    }
    return missing === 0;
  });
  return missing === 0;
}
