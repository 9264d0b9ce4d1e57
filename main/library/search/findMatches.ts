import type { TextRange } from '../../../preload/contract/api';
import type { QueryTerm } from './parseQuery';
import { tokenSpans, type TokenSpans } from './searchTokens';

/**
 * Where the terms occur in `text`, as UTF-16 ranges [start, end) of `text` itself (the
 * canonical paragraph text or the note's plain text, not its folded form), sorted, with
 * overlapping ranges merged. The same token comparison the index makes, so a row the
 * index returned has a range for each of its terms.
 */
export function findMatches(text: string, terms: readonly QueryTerm[]): TextRange[] {
  const tokens = tokenSpans(text);
  const ranges: TextRange[] = [];
  for (const term of terms) {
    // A regional variant inside one of its blockers (软体 in 软体动物) is no match.
    const blocked = (term.unless ?? []).flatMap((blocker) => termRanges(tokens, blocker));
    for (const range of termRanges(tokens, term)) {
      if (!blocked.some((b) => b.start <= range.start && range.end <= b.end)) ranges.push(range);
    }
  }
  return mergeRanges(ranges);
}

/** True when `term` occurs in `tokens` (tokenSpans of a text): its tokens one after another, as an FTS5 phrase matches them. */
export function termOccurs(tokens: TokenSpans, term: QueryTerm): boolean {
  const first = term.tokens[0]?.charCodeAt(0);
  for (let i = 0; i + term.tokens.length <= tokens.count; i++) {
    if (tokens.units[tokens.from[i]!] === first && matchAt(tokens, i, term) !== undefined) return true;
  }
  return false;
}

function termRanges(tokens: TokenSpans, term: QueryTerm): TextRange[] {
  const ranges: TextRange[] = [];
  // A match starts at a token whose first unit is the term's: the rest is compared only there.
  const first = term.tokens[0]?.charCodeAt(0);
  for (let i = 0; i + term.tokens.length <= tokens.count; i++) {
    if (tokens.units[tokens.from[i]!] !== first) continue;
    const end = matchAt(tokens, i, term);
    if (end !== undefined) ranges.push({ start: tokens.start[i]!, end });
  }
  return ranges;
}

/** Token `i` of `tokens` is `wanted` (or starts with it, when `prefix`): compared unit by unit, no string made. */
function tokenIs(tokens: TokenSpans, i: number, wanted: string, prefix: boolean): boolean {
  const from = tokens.from[i]!;
  const length = tokens.to[i]! - from;
  if (prefix ? length < wanted.length : length !== wanted.length) return false;
  const units = tokens.units;
  for (let k = 0; k < wanted.length; k++) if (units[from + k] !== wanted.charCodeAt(k)) return false;
  return true;
}

/** The end of the match of `term` starting at token `i`, or undefined. */
function matchAt(tokens: TokenSpans, i: number, term: QueryTerm): number | undefined {
  const last = term.tokens.length - 1;
  for (let k = 0; k < last; k++) {
    if (!tokenIs(tokens, i + k, term.tokens[k]!, false)) return undefined;
  }
  const wanted = term.tokens[last];
  if (wanted === undefined || !tokenIs(tokens, i + last, wanted, term.prefix)) return undefined;
  return term.prefix ? tokens.firstEnd[i + last] : tokens.end[i + last];
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range.start < previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
