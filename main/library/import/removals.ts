import type { Removal } from '../../../preload/contract/articleTypes';

export function makeRemoval(raw: string, start: number, end: number, reason: Removal['reason']): Removal {
  return { start, end, text: raw.slice(start, end), reason };
}

/** The reading text: `raw` with the removal spans cut out, nothing else changed. */
export function applyRemovals(raw: string, removals: readonly Removal[]): string {
  let out = '';
  let cursor = 0;
  for (const r of removals) {
    out += raw.slice(cursor, r.start);
    cursor = r.end;
  }
  return out + raw.slice(cursor);
}

/**
 * Adds removals to a sorted, non-overlapping list. A span that would overlap one already there
 * is left out: each character is hidden for one reason, and the first step to claim it wins.
 * Each span is placed by binary search, so a wrapped paragraph with thousands of line breaks
 * does not compare every pair.
 */
export function mergeRemovals(existing: readonly Removal[], added: readonly Removal[]): Removal[] {
  const merged = [...existing].sort((a, b) => a.start - b.start);
  for (const r of added) {
    if (r.end <= r.start) continue;
    const at = firstEndingAfter(merged, r.start); // every span before it ends at or before r.start
    const next = merged[at];
    if (next && next.start < r.end) continue; // overlaps
    if (at === merged.length) merged.push(r);
    else merged.splice(at, 0, r);
  }
  return merged;
}

/** The index of the first span that ends after `offset` (the spans sorted and non-overlapping, so their ends are sorted too). */
function firstEndingAfter(spans: readonly Removal[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((spans[mid]?.end ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Raw spans for the reading-text span [start, end). A span that straddles an earlier removal
 * (a pinyin reading inside an injected fragment) becomes several raw spans around it. Walks the
 * removals rather than mapping every offset: a paragraph may be long and have many spans.
 */
export function rawSpansForText(
  raw: string,
  removals: readonly Removal[],
  start: number,
  end: number,
): [number, number][] {
  const spans: [number, number][] = [];
  if (start < 0) return spans;
  let rawAt = 0; // where the current stretch of kept text starts in the raw text
  let textAt = 0; // and in the reading text
  for (let k = 0; k <= removals.length && textAt < end; k++) {
    const removal = removals[k];
    // The last stretch reaches one past the end: the end of the reading text is the end of the raw text.
    const length = Math.max((removal ? removal.start : raw.length + 1) - rawAt, 0);
    const from = Math.max(start, textAt);
    const to = Math.min(end, textAt + length);
    if (from < to) addSpan(spans, rawAt + from - textAt, rawAt + to - textAt);
    textAt += length;
    if (removal) rawAt = removal.end;
  }
  return spans;
}

function addSpan(spans: [number, number][], from: number, to: number): void {
  const last = spans.at(-1);
  if (last && last[1] === from) last[1] = to;
  else spans.push([from, to]);
}
