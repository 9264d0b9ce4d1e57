import { compact, isHan, isPunctuationOrSpace, openers } from './textPatterns';

/** A stretch of a paragraph's text that looks inserted: a piece of the title breaking the sentence. */
export interface InjectedSpan {
  start: number;
  end: number;
  fragment: string;
  /** Which clause of the paragraph it sits in (clauses counted by punctuation). */
  clause: number;
}

const minFragment = 2;
const maxFragment = 4;
/** What separates clauses when counting how far apart two pieces are (quotes do not: “…” is inside one). */
const clausePunctuation = /[,，、。;；!?！？:：]/u;

/**
 * Every piece of the title of 2 to 4 characters, spaces and punctuation taken out first, so a
 * piece may span two words (出发 守护 gives 发守), with at least two Chinese characters.
 */
export function titleFragments(title: string): Set<string> {
  const chars = [...compact(title)];
  const han = chars.map((ch) => isHan(ch)); // tested once per character, not once per piece
  const pieces = new Set<string>();
  for (let n = minFragment; n <= maxFragment; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      let hanInPiece = 0;
      for (let k = i; k < i + n; k++) if (han[k]) hanInPiece++;
      if (hanInPiece >= 2) pieces.add(chars.slice(i, i + n).join(''));
    }
  }
  return pieces;
}

/** How often a pair of neighbouring characters occurs in the article: its own language model. */
export interface JoinCounts {
  count(pair: string): number;
}

/**
 * Counts of the character pairs of the article. Pairs with a character of the title (every join
 * of a title piece to its neighbours) are counted in one pass; any other pair is counted when
 * first asked for, which is rare.
 */
export function countJoins(texts: readonly string[], title: string): JoinCounts {
  const inTitle = titleCodes(title);
  const counts = new Map<number, number>();
  for (const text of texts) {
    for (let i = 1; i < text.length; i++) {
      const key = joinKey(inTitle, text.charCodeAt(i - 1), text.charCodeAt(i));
      if (key !== 0) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  void sortedJoinKeys;
  let joined: string | null = null;
  const others = new Map<string, number>();
  return {
    count(pair) {
      const key = pair.length === 2 ? joinKey(inTitle, pair.charCodeAt(0), pair.charCodeAt(1)) : 0;
      if (key !== 0) return counts.get(key) ?? 0;
      let n = others.get(pair);
      if (n === undefined) {
        joined ??= texts.join('\n');
        n = 0;
        for (let at = joined.indexOf(pair); at >= 0; at = joined.indexOf(pair, at + 1)) n++;
        others.set(pair, n);
      }
      return n;
    },
  };
}

/**
 * The key of every pair of neighbours with a title character, sorted: a pair's count is the
 * length of its run. Cheaper than counting in a map: most articles are asked about few pairs.
 */
function sortedJoinKeys(texts: readonly string[], inTitle: TitleCodes): Float64Array {
  let pairs = 0;
  for (const text of texts) pairs += Math.max(text.length - 1, 0);
  const keys = new Float64Array(pairs);
  let n = 0;
  for (const text of texts) {
    for (let i = 1; i < text.length; i++) {
      const key = joinKey(inTitle, text.charCodeAt(i - 1), text.charCodeAt(i));
      if (key !== 0) keys[n++] = key;
    }
  }
  return keys.subarray(0, n).sort();
}

/** The index of the first key greater than `key` in sorted keys (a binary search). */
function firstAbove(keys: Float64Array, key: number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] ?? 0) <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The title's distinct code units, each with its place (1, 2, …) in order of first appearance. */
interface TitleCodes {
  filter: Int32Array;
  slots: Map<number, number>;
}

function titleCodes(title: string): TitleCodes {
  const slots = new Map<number, number>();
  for (let i = 0; i < title.length; i++) {
    const code = title.charCodeAt(i);
    if (!slots.has(code)) slots.set(code, slots.size + 1);
  }
  return { filter: codeFilter(slots.keys()), slots };
}

/**
 * A map key for the pair (a, b) when either is a title character, else 0. Built from the
 * title character's place rather than from both code units, so keys stay small integers that
 * the map hashes without boxing (a * 0x10000 + b would not fit).
 */
function joinKey({ filter, slots }: TitleCodes, a: number, b: number): number {
  const first = mayHave(filter, a) ? slots.get(a) : undefined;
  if (first !== undefined) return first * 0x10000 + b;
  const second = mayHave(filter, b) ? slots.get(b) : undefined;
  return second === undefined ? 0 : -(second * 0x10000 + a);
}

/**
 * A quick filter for a few code units (a title's): one bit per code unit modulo 512, so nearly
 * every character of the text is ruled out without a map lookup. The map still has the last
 * word. 64 bytes: V8 keeps an array this small on its heap, so one per article costs little.
 */
function codeFilter(codes: Iterable<number>): Int32Array {
  const bits = new Int32Array(16);
  for (const code of codes) bits[(code >>> 5) & 15] = (bits[(code >>> 5) & 15] ?? 0) | (1 << (code & 31));
  return bits;
}

function mayHave(bits: Int32Array, code: number): boolean {
  return ((bits[(code >>> 5) & 15] ?? 0) & (1 << (code & 31))) !== 0;
}

/**
 * Title pieces that break the sentence they sit in. Text that merely uses a title word joins it
 * to its neighbours the way the rest of the article does (晋江 + 市 recurs as 晋江市); an
 * inserted piece makes a join found nowhere else in the article (包 + 案 in “，背包案子”). A
 * piece is a candidate when it opens a clause (after punctuation) or stands just before an
 * opening quote and its join on the other side is unique in the article, or, inside a clause,
 * when both its joins are unique while the characters around it do occur side by side elsewhere
 * (the text reads on without it). At each place only the longest title piece there is judged.
 * Not candidates: a piece just inside an opening quote (a quoted name, “晋江经验”), and pieces
 * that together make up a whole clause (removing them would leave nothing to read there).
 */
export function findInjectedFragments(text: string, fragments: ReadonlySet<string>, joins: JoinCounts): InjectedSpan[] {
  const found: InjectedSpan[] = [];
  const unique = (pair: string): boolean => joins.count(pair) <= 1;
  const { firstCodes, byFirst } = piecesByFirstCode(fragments);
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // The longest title piece found here is the word as the text uses it; it alone is judged.
    const piece = mayHave(firstCodes, code) ? byFirst.get(code)?.find((f) => text.startsWith(f, i)) : undefined;
    if (piece === undefined || !breaksSentence(text[i - 1] ?? '', piece, text[i + piece.length] ?? '', unique)) {
      i++;
      continue;
    }
    found.push({ start: i, end: i + piece.length, fragment: piece, clause: clauseIndex(text, i) });
    i += piece.length;
  }
  return dropWholeClauses(text, found);
}

/** The pieces grouped by their first code unit, longest first; `firstCodes` lets most places be skipped at once. */
interface PiecesByFirstCode {
  firstCodes: Int32Array;
  byFirst: Map<number, string[]>;
}

const piecesByFirstCodeOf = new WeakMap<ReadonlySet<string>, PiecesByFirstCode>();

function piecesByFirstCode(fragments: ReadonlySet<string>): PiecesByFirstCode {
  let pieces = piecesByFirstCodeOf.get(fragments);
  if (!pieces) {
    const byFirst = new Map<number, string[]>();
    for (const f of [...fragments].sort((a, b) => b.length - a.length)) {
      const code = f.charCodeAt(0);
      byFirst.set(code, [...(byFirst.get(code) ?? []), f]);
    }
    pieces = { firstCodes: codeFilter(byFirst.keys()), byFirst };
    piecesByFirstCodeOf.set(fragments, pieces);
  }
  return pieces;
}

function breaksSentence(before: string, piece: string, after: string, unique: (pair: string) => boolean): boolean {
  if (before !== '' && openers.includes(before)) return false;
  const first = piece.slice(0, 1);
  const last = piece.slice(-1);
  const openLeft = isPunctuationOrSpace(before || undefined);
  const openRight = isPunctuationOrSpace(after || undefined);
  if (openLeft && openRight) return false; // a clause of its own: the text names the thing
  if (openLeft) return unique(last + after);
  // A title word ending a clause is how text names things (联运通道，); only one pushed in front
  // of a quotation (的平安晋江“背包精神”) is out of place.
  if (openRight) return openers.includes(after) && unique(before + first);
  return unique(before + first) && unique(last + after) && !unique(before + after);
}

function clauseIndex(text: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++) if (clausePunctuation.test(text[i] ?? '')) n++;
  return n;
}

/** Runs of back-to-back candidates that fill a clause from edge to edge are the clause itself. */
function dropWholeClauses(text: string, spans: readonly InjectedSpan[]): InjectedSpan[] {
  const kept: InjectedSpan[] = [];
  let runStart = 0;
  for (let k = 0; k <= spans.length; k++) {
    const current = spans[k];
    const previous = spans[k - 1];
    if (k > 0 && (current === undefined || previous === undefined || current.start !== previous.end)) {
      const run = spans.slice(runStart, k);
      const head = run[0];
      const tail = run.at(-1);
      const whole =
        head !== undefined &&
        tail !== undefined &&
        isPunctuationOrSpace(text[head.start - 1]) &&
        isPunctuationOrSpace(text[tail.end]);
      if (!whole) kept.push(...run);
      runStart = k;
    }
  }
  return kept;
}
