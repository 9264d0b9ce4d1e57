import type { ParagraphFlag, ParagraphKind, Removal } from '../../../preload/contract/articleTypes';
import { foldToSimplified } from '../../../preload/common/foldScript';
import type { ParsedParagraph } from './parsedArticle';
import { applyRemovals, mergeRemovals } from './removals';
import type { ParagraphSpan } from './splitParagraphs';

/** A paragraph while the pipeline works on it: the span it came from plus what the steps decided. */
export interface WorkingParagraph extends ParagraphSpan {
  removals: Removal[];
  /** `raw` minus `removals`, kept in step by addRemovals. */
  text: string;
  /**
   * `text` trimmed and folded to simplified, for the cue patterns; for a long paragraph only its
   * opening (`openingLength` characters), where a dateline or 相关文章 would stand.
   */
  cue: string;
  /** The trimmed text is longer than `shortLength`: running text, never a label, heading or caption. */
  long: boolean;
  /** Level of a Markdown `#` heading, null otherwise. */
  markdownLevel: number | null;
  kind: ParagraphKind;
  flags: ParagraphFlag[];
}

const shortLength = 120;
const openingLength = 40;

/** A working paragraph for a span, with the removals the first cleaning steps found (folded once). */
export function workingParagraph(
  span: ParagraphSpan,
  removals: readonly Removal[] = [],
  markdownLevel: number | null = null,
): WorkingParagraph {
  const merged = mergeRemovals([], removals);
  // Listed out rather than spread: a spread object literal is several times slower to build here.
  const p: WorkingParagraph = {
    raw: span.raw,
    start: span.start,
    blankLinesBefore: span.blankLinesBefore,
    blankLinesAfter: span.blankLinesAfter,
    removals: merged,
    text: applyRemovals(span.raw, merged),
    cue: '',
    long: false,
    markdownLevel,
    kind: 'body',
    flags: [],
  };
  refreshCue(p);
  return p;
}

/** Only what the cue patterns read is folded: the whole of a short paragraph, the opening of a long one. */
function refreshCue(p: WorkingParagraph): void {
  const trimmed = p.text.trim();
  p.long = trimmed.length > shortLength;
  p.cue = foldCue(p.long ? trimmed.slice(0, openingLength) : trimmed);
}

/**
 * foldToSimplified(text), with the fold of each BMP code unit cached here: foldToSimplified
 * works character by character (see foldScript), so folding one character at a time gives the
 * same text, without a string and a map lookup per character. Text with a surrogate pair, or a
 * character that folds to more than one code unit, goes to foldToSimplified whole.
 */
function foldCue(text: string): string {
  let codes: number[] | null = null; // made at the first character that folds
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < 0x2e80 ? code : foldedCode(code); // nothing below the CJK radicals folds
    if (folded === unfoldable) return foldToSimplified(text);
    if (codes) codes.push(folded);
    else if (folded !== code) {
      codes = [];
      for (let j = 0; j < i; j++) codes.push(text.charCodeAt(j));
      codes.push(folded);
    }
  }
  // Cues are short (at most shortLength code units), well within the argument limit.
  return codes ? String.fromCharCode(...codes) : text;
}

/** Marks a code unit foldCue leaves to foldToSimplified (a surrogate, or a fold out of the BMP). */
const unfoldable = 0xffff;
/** Per BMP code unit: 0 not asked yet, else the code unit it folds to (itself when it stays). */
const folds = new Uint16Array(0x10000);

function foldedCode(code: number): number {
  const known = folds[code] ?? 0;
  if (known !== 0) return known;
  let folded = unfoldable;
  if (code < 0xd800 || code > 0xdfff) {
    const f = foldToSimplified(String.fromCharCode(code));
    if (f.length === 1) folded = f.charCodeAt(0);
  }
  folds[code] = folded;
  return folded;
}

export function addRemovals(p: WorkingParagraph, removals: readonly Removal[]): void {
  if (removals.length === 0) return;
  p.removals = mergeRemovals(p.removals, removals);
  p.text = applyRemovals(p.raw, p.removals);
  refreshCue(p);
}

export function addFlag(p: WorkingParagraph, flag: ParagraphFlag): void {
  if (!p.flags.includes(flag)) p.flags.push(flag);
}

export function toParsed(p: WorkingParagraph): ParsedParagraph {
  return { kind: p.kind, raw: p.raw, text: p.text, flags: p.flags, removals: p.removals };
}
