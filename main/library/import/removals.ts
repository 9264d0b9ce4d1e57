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
 */
export function mergeRemovals(existing: readonly Removal[], added: readonly Removal[]): Removal[] {
  const merged = [...existing];
  for (const r of added) {
    if (r.end <= r.start) continue;
    if (merged.some((m) => r.start < m.end && m.start < r.end)) continue;
    merged.push(r);
  }
  return merged.sort((a, b) => a.start - b.start);
}

/** For each offset of the reading text (and its end), the matching offset of the raw text. */
function textToRawOffsets(raw: string, removals: readonly Removal[]): number[] {
  const map: number[] = [];
  let cursor = 0;
  for (const r of removals) {
    for (let i = cursor; i < r.start; i++) map.push(i);
    cursor = r.end;
  }
  for (let i = cursor; i < raw.length; i++) map.push(i);
  map.push(raw.length);
  return map;
}

/**
 * Raw spans for the reading-text span [start, end). A span that straddles an earlier removal
 * (a pinyin reading inside an injected fragment) becomes several raw spans around it.
 */
export function rawSpansForText(
  raw: string,
  removals: readonly Removal[],
  start: number,
  end: number,
): [number, number][] {
  const map = textToRawOffsets(raw, removals);
  const spans: [number, number][] = [];
  for (let t = start; t < end; t++) {
    const at = map[t];
    if (at === undefined) break;
    const last = spans.at(-1);
    if (last && last[1] === at) last[1] = at + 1;
    else spans.push([at, at + 1]);
  }
  return spans;
}
