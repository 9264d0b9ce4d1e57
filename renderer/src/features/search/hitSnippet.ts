import { rangeToConverted } from '../../../../preload/common/offsetMap';
import type { SearchHit, TextRange } from '../../../../preload/contract/api';
import { displayText, type DisplayOptions } from '../reader/displayText';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** How much text a snippet shows before its first match, and in all. */
const leadIn = 24;
const maxLength = 140;

/**
 * A hit's text in the display script, cut around its first match, with the matched characters
 * marked: the canonical ranges go through the converter's offset map, so a mark stays on the
 * same characters whatever the script. A note's or comment's text is the person's own and is shown as written.
 */
export function hitSnippet(hit: SearchHit, options: Omit<DisplayOptions, 'script' | 'region'>): SnippetPart[] {
  if (hit.kind !== 'paragraph') return snippetParts(hit.text, hit.matches);
  const { text, map } = displayText(hit.text, { ...options, script: hit.articleScript, region: hit.articleRegion });
  return snippetParts(text, hit.matches.map((r) => rangeToConverted(map, r)));
}

/** A text cut around its first range, the ranges marked (a memo's hit is cut as a note's is). */
export function snippetParts(text: string, matches: readonly TextRange[]): SnippetPart[] {
  // Touching ranges (a term matched piece by piece) read as one mark.
  const ranges: { start: number; end: number }[] = [];
  for (const r of matches) {
    const last = ranges[ranges.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else ranges.push({ start: r.start, end: r.end });
  }
  const first = ranges[0]?.start ?? 0;
  const from = first > leadIn ? first - leadIn : 0;
  let to = Math.min(text.length, from + maxLength);
  // A mark is never cut in two at the end of the snippet.
  for (const r of ranges) if (r.start < to && r.end > to) to = r.end;
  const parts: SnippetPart[] = [];
  const push = (part: string, marked: boolean) => {
    if (part !== '') parts.push({ text: part, marked });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const range of ranges) {
    const start = Math.max(range.start, at);
    const end = Math.min(range.end, to);
    if (end <= start) continue;
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return parts;
}
