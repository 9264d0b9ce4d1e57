import type { TextRange } from '../../../preload/contract/api';
import type { QueryTerm } from './parseQuery';
import { literalFormOf, type LiteralForm } from './literalForm';
import { tokenSpans, type TokenSpans } from './searchTokens';

/**
 * Where the terms occur in `text`, as UTF-16 ranges [start, end) of `text` itself (the
 * canonical paragraph text or the note's plain text, not its folded form), sorted, with
 * overlapping ranges merged. The same token comparison the index makes, so a row the
 * index returned has a range for each of its terms.
 */
export function findMatches(text: string, terms: readonly QueryTerm[]): TextRange[] {
  const literal = literalRanges(text, terms);
  if (literal !== undefined) return mergeRanges(literal);
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

/**
 * A character a term's letters could stand apart around and still be its tokens (a combining
 * mark or a variation selector joins the character before it, a zero-width space is skipped), or
 * one outside the BMP (two units, and it may fold to a BMP character). A text without any is read
 * by the tokenizer character by character, so a CJK form written side by side is exactly where
 * its tokens are.
 */
const apartCharacter = /[\p{M}\p{Cf}]/u;

/** apartCharacter for each BMP unit (and the surrogates), built once: the Unicode classes tested unit by unit took a microsecond a text. */
let apartUnits: Uint8Array | undefined;

function hasCharacterApart(text: string): boolean {
  if (apartUnits === undefined) {
    apartUnits = new Uint8Array(0x10000);
    for (let code = 0x80; code < 0x10000; code++) {
      if ((code >= 0xd800 && code <= 0xdfff) || apartCharacter.test(String.fromCharCode(code))) apartUnits[code] = 1;
    }
  }
  for (let i = 0; i < text.length; i++) if (apartUnits[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Each term and its blockers as literals (phraseCheck), worked out once per query; undefined when one has none. */
const literalTerms = new WeakMap<readonly QueryTerm[], LiteralTerm[] | null>();

interface LiteralTerm {
  literal: LiteralForm;
  blockers: LiteralForm[];
}

function literalTermsOf(terms: readonly QueryTerm[]): LiteralTerm[] | undefined {
  let known = literalTerms.get(terms);
  if (known === undefined) {
    known = [];
    for (const term of terms) {
      const literal = literalFormOf({ ...term, unless: undefined });
      const blockers = (term.unless ?? []).map(literalFormOf);
      if (literal === undefined || blockers.some((b) => b === undefined)) {
        known = null;
        break;
      }
      known.push({ literal, blockers: blockers as LiteralForm[] });
    }
    literalTerms.set(terms, known);
  }
  return known ?? undefined;
}

/**
 * findMatches without reading the text into tokens, when every term (and blocker) is CJK
 * characters written side by side (phraseCheck.literalFormOf) and the text has no character
 * apart: then a term's tokens stand exactly where its characters are written, one unit each,
 * overlapping occurrences included (哈哈 in 哈哈哈). Tokenizing a page's fifty texts was a
 * quarter of the page. Undefined when the tokens must be read.
 */
function literalRanges(text: string, terms: readonly QueryTerm[]): TextRange[] | undefined {
  const literals = literalTermsOf(terms);
  if (literals === undefined || hasCharacterApart(text)) return undefined;
  const ranges: TextRange[] = [];
  for (const { literal, blockers } of literals) {
    const blocked = blockers.flatMap((b) => occurrences(text, b));
    for (const range of occurrences(text, literal)) {
      if (!blocked.some((b) => b.start <= range.start && range.end <= b.end)) ranges.push(range);
    }
  }
  return ranges;
}

function occurrences(text: string, { plain, pattern }: LiteralForm): TextRange[] {
  const ranges: TextRange[] = [];
  const length = plain.length;
  if (pattern === undefined) {
    for (let at = text.indexOf(plain); at >= 0; at = text.indexOf(plain, at + 1))
      ranges.push({ start: at, end: at + length });
    return ranges;
  }
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    ranges.push({ start: found.index, end: found.index + length });
    pattern.lastIndex = found.index + 1;
  }
  return ranges;
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
