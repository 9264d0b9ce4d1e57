import { escapeMarkdownText } from './escapeMarkdownText';

export interface MarkRange {
  start: number;
  end: number;
  tags: readonly string[];
}

/** One marked run: overlapping or touching highlights become one, carrying all their tags. */
export interface MarkRun {
  start: number;
  end: number;
  tags: string[];
}

/**
 * Sorts and joins ranges that overlap or touch (`==a====b==` would not read back as two
 * highlights). Empty and inverted ranges are dropped; tags keep first-seen order, once each.
 */
export function mergeRanges(ranges: readonly MarkRange[]): MarkRun[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const runs: MarkRun[] = [];
  for (const range of sorted) {
    const last = runs[runs.length - 1];
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      for (const tag of range.tags) if (!last.tags.includes(tag)) last.tags.push(tag);
    } else {
      runs.push({ start: range.start, end: range.end, tags: [...new Set(range.tags)] });
    }
  }
  return runs;
}

/**
 * Each highlight on its own, in reading order (start, then end), with only its own tags:
 * the highlights-only export quotes every highlight as a passage of its own, so an
 * overlapping neighbour neither joins it nor lends it a tag. Empty and inverted ranges are dropped.
 */
export function separateRanges(ranges: readonly MarkRange[]): MarkRun[] {
  return ranges
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((r) => ({ start: r.start, end: r.end, tags: [...new Set(r.tags)] }));
}

/**
 * `text` escaped, with each run wrapped in `==…==`, as lines. A run is closed at a line end and
 * opened again on the next line: Obsidian's highlight does not cross lines.
 */
export function markedLines(text: string, runs: readonly MarkRun[]): string[] {
  const lines: string[] = [];
  let lineStartAt = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const lineEndAt = lineStartAt + line.length;
    lines.push(markLine(line, lineStartAt, runs));
    // The separator was one character unless it was \r\n.
    lineStartAt = lineEndAt + (text.startsWith('\r\n', lineEndAt) ? 2 : 1);
  }
  return lines;
}

function markLine(line: string, offset: number, runs: readonly MarkRun[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const run of runs) {
    const start = Math.max(run.start - offset, 0);
    const end = Math.min(run.end - offset, line.length);
    if (end <= start || end <= at) continue;
    if (start > at) parts.push(escapeMarkdownText(line.slice(at, start), { lineStart: at === 0, lineEnd: false }));
    parts.push(`==${escapeMarkdownText(line.slice(Math.max(start, at), end), { lineStart: false, lineEnd: false })}==`);
    at = end;
  }
  if (at < line.length || parts.length === 0) {
    parts.push(escapeMarkdownText(line.slice(at), { lineStart: at === 0, lineEnd: true }));
  }
  return parts.join('');
}

/** Just the text of a run, escaped and marked, as lines (highlights-only export). */
export function runLines(text: string, run: MarkRun): string[] {
  const piece = text.slice(run.start, run.end);
  return markedLines(piece, [{ start: 0, end: piece.length, tags: run.tags }]);
}
