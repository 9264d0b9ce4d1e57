import type { JoinCounts } from './countJoins';
import { codeTable, compact, isHan, isPunctuationOrSpace, openers } from './textPatterns';

// Counting joins has its own module; the tests still import it from here.
export { countJoins, type JoinCounts } from './countJoins';

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
const clausePunctuation = codeTable(',，、。;；!?！？:：');

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

/**
 * A quick filter for a few code units (the first ones of the title pieces): one bit per code
 * unit modulo 512, so nearly every character of the text is ruled out without a map lookup.
 * 64 bytes: V8 keeps an array this small on its heap, so one per article costs little.
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
  const { firstCodes, byFirst } = piecesByFirstCode(fragments);
  let clause = 0; // clause punctuation in text[0, counted)
  let counted = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // The longest title piece found here is the word as the text uses it; it alone is judged.
    const piece = mayHave(firstCodes, code) ? longestPieceAt(text, i, byFirst.get(code)) : undefined;
    if (piece === undefined || !breaksSentence(text[i - 1] ?? '', piece, text[i + piece.length] ?? '', joins)) {
      i++;
      continue;
    }
    for (; counted < i; counted++) clause += clausePunctuation[text.charCodeAt(counted)] ?? 0;
    found.push({ start: i, end: i + piece.length, fragment: piece, clause });
    i += piece.length;
  }
  return dropWholeClauses(text, found);
}

/** The first of the pieces (longest first) that the text has at `at`. A loop, not find(): no closure per place. */
function longestPieceAt(text: string, at: number, pieces: readonly string[] | undefined): string | undefined {
  if (pieces === undefined) return undefined;
  for (const piece of pieces) if (text.startsWith(piece, at)) return piece;
  return undefined;
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
      const group = byFirst.get(code);
      if (group) group.push(f);
      else byFirst.set(code, [f]);
    }
    pieces = { firstCodes: codeFilter(byFirst.keys()), byFirst };
    piecesByFirstCodeOf.set(fragments, pieces);
  }
  return pieces;
}

function breaksSentence(before: string, piece: string, after: string, joins: JoinCounts): boolean {
  if (before !== '' && openers.includes(before)) return false;
  const first = piece.slice(0, 1);
  const last = piece.slice(-1);
  const openLeft = isPunctuationOrSpace(before || undefined);
  const openRight = isPunctuationOrSpace(after || undefined);
  if (openLeft && openRight) return false; // a clause of its own: the text names the thing
  if (openLeft) return unique(joins, last + after);
  // A title word ending a clause is how text names things (联运通道，); only one pushed in front
  // of a quotation (的平安晋江“背包精神”) is out of place.
  if (openRight) return openers.includes(after) && unique(joins, before + first);
  return unique(joins, before + first) && unique(joins, last + after) && !unique(joins, before + after);
}

/** The join occurs nowhere else in the article. */
function unique(joins: JoinCounts, pair: string): boolean {
  return joins.count(pair) <= 1;
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
