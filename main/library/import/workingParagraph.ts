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

/** Folding costs a lookup per character, so only what the cues read is folded, and only if needed. */
function refreshCue(p: WorkingParagraph): void {
  const trimmed = p.text.trim();
  p.long = trimmed.length > shortLength;
  const part = p.long ? trimmed.slice(0, openingLength) : trimmed;
  p.cue = hasFoldable(part) ? foldToSimplified(part) : part;
}

/** Per BMP code unit: 0 not asked yet, 1 folds to another character, 2 stays. */
const folds = new Uint8Array(0x10000);

function hasFoldable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2e80) continue; // nothing below the CJK radicals folds
    if (code >= 0xd800 && code <= 0xdfff) return true; // astral: let the folder look
    let known = folds[code] ?? 0;
    if (known === 0) {
      const ch = String.fromCharCode(code);
      known = foldToSimplified(ch) === ch ? 2 : 1;
      folds[code] = known;
    }
    if (known === 1) return true;
  }
  return false;
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
