import { compact, isPunctuationOrSpace, openers } from './textPatterns';

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
  const pieces = new Set<string>();
  for (let n = minFragment; n <= maxFragment; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const piece = chars.slice(i, i + n).join('');
      if ((piece.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2) pieces.add(piece);
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
  const titleCodes = new Set<number>();
  for (let i = 0; i < title.length; i++) titleCodes.add(title.charCodeAt(i));
  const counts = new Map<number, number>();
  for (const text of texts) {
    for (let i = 1; i < text.length; i++) {
      const a = text.charCodeAt(i - 1);
      const b = text.charCodeAt(i);
      if (!titleCodes.has(a) && !titleCodes.has(b)) continue;
      const key = a * 0x10000 + b;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const joined = texts.join('\n');
  const others = new Map<string, number>();
  return {
    count(pair) {
      const a = pair.charCodeAt(0);
      const b = pair.charCodeAt(1);
      if (pair.length === 2 && (titleCodes.has(a) || titleCodes.has(b))) return counts.get(a * 0x10000 + b) ?? 0;
      let n = others.get(pair);
      if (n === undefined) {
        n = 0;
        for (let at = joined.indexOf(pair); at >= 0; at = joined.indexOf(pair, at + 1)) n++;
        others.set(pair, n);
      }
      return n;
    },
  };
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
  const byFirst = piecesByFirstCode(fragments);
  let i = 0;
  while (i < text.length) {
    // The longest title piece found here is the word as the text uses it; it alone is judged.
    const piece = byFirst.get(text.charCodeAt(i))?.find((f) => text.startsWith(f, i));
    if (piece === undefined || !breaksSentence(text[i - 1] ?? '', piece, text[i + piece.length] ?? '', unique)) {
      i++;
      continue;
    }
    found.push({ start: i, end: i + piece.length, fragment: piece, clause: clauseIndex(text, i) });
    i += piece.length;
  }
  return dropWholeClauses(text, found);
}

const piecesByFirstCodeOf = new WeakMap<ReadonlySet<string>, Map<number, string[]>>();

/** The pieces grouped by their first code unit, longest first: most places are skipped at once. */
function piecesByFirstCode(fragments: ReadonlySet<string>): Map<number, string[]> {
  let byFirst = piecesByFirstCodeOf.get(fragments);
  if (!byFirst) {
    byFirst = new Map();
    for (const f of [...fragments].sort((a, b) => b.length - a.length)) {
      const code = f.charCodeAt(0);
      byFirst.set(code, [...(byFirst.get(code) ?? []), f]);
    }
    piecesByFirstCodeOf.set(fragments, byFirst);
  }
  return byFirst;
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
