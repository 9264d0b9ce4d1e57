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
  /** `text` trimmed and folded to simplified characters, for cue patterns. */
  folded: string;
  /** Level of a Markdown `#` heading, null otherwise. */
  markdownLevel: number | null;
  kind: ParagraphKind;
  flags: ParagraphFlag[];
}

export function workingParagraph(span: ParagraphSpan): WorkingParagraph {
  return {
    ...span,
    removals: [],
    text: span.raw,
    folded: foldToSimplified(span.raw.trim()),
    markdownLevel: null,
    kind: 'body',
    flags: [],
  };
}

export function addRemovals(p: WorkingParagraph, removals: readonly Removal[]): void {
  if (removals.length === 0) return;
  p.removals = mergeRemovals(p.removals, removals);
  p.text = applyRemovals(p.raw, p.removals);
  p.folded = foldToSimplified(p.text.trim());
}

export function addFlag(p: WorkingParagraph, flag: ParagraphFlag): void {
  if (!p.flags.includes(flag)) p.flags.push(flag);
}

export function toParsed(p: WorkingParagraph): ParsedParagraph {
  return { kind: p.kind, raw: p.raw, text: p.text, flags: p.flags, removals: p.removals };
}
