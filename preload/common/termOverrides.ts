/**
 * A translator's own conversions (issue #15 item 6) on top of a script conversion. Where the
 * stored text holds an override's source, the converted text has its target instead of what
 * OpenCC makes of it; the text between those places converts as it would alone (an override is a
 * segment boundary, as OpenCC's own segmentation makes one at each phrase). Sources are found
 * from the left, the longest at each place, never overlapping, as OpenCC segments. The offset
 * map covers each override as one segment, so a highlight made on a target lands on its source
 * whatever the two lengths (a same-length override maps character for character).
 */

import type { Conversion, TextConverter } from './createConverter';
import { offsetMapFromLengths, type OffsetMap } from './offsetMap';
import type { ScriptMode } from './scriptModes';

/** What a converter needs of an override (the contract's TermOverrideRule, or a TermOverride). */
export interface OverrideRule {
  readonly source: string;
  readonly target: string;
  readonly modes: readonly ScriptMode[];
}

/** The (source, target) pairs that apply in `mode`; 'original' never converts. */
export function overridesForMode(
  overrides: readonly OverrideRule[],
  mode: ScriptMode,
): Array<readonly [source: string, target: string]> {
  if (mode === 'original') return [];
  return overrides.filter((o) => o.source !== '' && o.modes.includes(mode)).map((o) => [o.source, o.target] as const);
}

/** Sources by their first UTF-16 unit, longest first: a lookup per position of the text. */
type SourceIndex = Map<number, Array<readonly [string, string]>>;

function indexSources(pairs: ReadonlyArray<readonly [string, string]>): SourceIndex {
  const index: SourceIndex = new Map();
  for (const pair of pairs) {
    const first = pair[0].charCodeAt(0);
    let list = index.get(first);
    if (!list) index.set(first, (list = []));
    // A repeated source: the first listed wins (the library allows one per mode anyway).
    if (!list.some(([s]) => s === pair[0])) list.push(pair);
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
  return index;
}

/** Where the overrides stand in `text`: [start, source, target] from the left, longest first, not overlapping. */
function findSources(text: string, index: SourceIndex): Array<readonly [number, string, string]> {
  const found: Array<readonly [number, string, string]> = [];
  for (let i = 0; i < text.length;) {
    const list = index.get(text.charCodeAt(i));
    const hit = list?.find(([source]) => text.startsWith(source, i));
    if (hit) {
      found.push([i, hit[0], hit[1]]);
      i += hit[0].length;
    } else i++;
  }
  return found;
}

/** The segment lengths of a map, as offsetMapFromLengths takes them, appended to `into`. */
function appendSegments(map: OffsetMap, into: number[]): void {
  for (let k = 0; k + 1 < map.sourceBounds.length; k++) {
    into.push(map.sourceBounds[k + 1]! - map.sourceBounds[k]!, map.convertedBounds[k + 1]! - map.convertedBounds[k]!);
  }
}

/**
 * `base` with the overrides `pairs` (source, target) applied. Text with no source in it converts
 * exactly as `base` converts it.
 */
export function withOverrides(base: TextConverter, pairs: ReadonlyArray<readonly [string, string]>): TextConverter {
  const index = indexSources(pairs);
  const convert = (text: string): Conversion => {
    const found = findSources(text, index);
    if (found.length === 0) return base.convert(text);
    const parts: string[] = [];
    const lengths: number[] = [];
    let at = 0;
    const plain = (end: number) => {
      if (end <= at) return;
      const piece = base.convert(text.slice(at, end));
      parts.push(piece.text);
      appendSegments(piece.map, lengths);
    };
    for (const [start, source, target] of found) {
      plain(start);
      parts.push(target);
      lengths.push(source.length, target.length);
      at = start + source.length;
    }
    plain(text.length);
    const converted = parts.join('');
    return { text: converted, map: offsetMapFromLengths(text, converted, lengths) };
  };
  return {
    prepare: () => base.prepare(),
    convert,
    convertSegments(text) {
      const { map } = convert(text);
      const pieces: Array<readonly [string, string]> = [];
      for (let k = 0; k + 1 < map.sourceBounds.length; k++) {
        pieces.push([
          text.slice(map.sourceBounds[k], map.sourceBounds[k + 1]),
          map.converted.slice(map.convertedBounds[k], map.convertedBounds[k + 1]),
        ]);
      }
      return pieces;
    },
  };
}
