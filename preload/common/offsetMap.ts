/**
 * Offsets between a converted string and the canonical (stored) text it came from.
 *
 * Script conversion can change length (U盘 -> 隨身碟, and hundreds of single characters whose
 * UTF-16 length changes because one side is outside the BMP), so highlights are stored against
 * the canonical text and mapped through this table in every display mode (DESIGN §4).
 *
 * The map is a list of aligned segments. Lookups binary-search the segment boundaries, so
 * mapping the hundreds of highlight ends of an article costs O(log n) each.
 */

export type Bias = 'start' | 'end';

/** How an offset strictly inside a segment maps to the other side. */
export const SegmentKind = {
  /** Same UTF-16 length and the same surrogate layout: offset for offset. Adjacent ones are merged. */
  aligned: 0,
  /** Same number of code points, different UTF-16 length (a rare character on one side): code point for code point. */
  codePoints: 1,
  /** The number of characters changed (a phrase): an inside offset snaps to the segment's start or end. */
  phrase: 2,
} as const;
export type SegmentKind = (typeof SegmentKind)[keyof typeof SegmentKind];

export interface OffsetMap {
  readonly source: string;
  readonly converted: string;
  /** Segment i covers source[sourceBounds[i], sourceBounds[i+1]); n+1 entries, the last is source.length. */
  readonly sourceBounds: Int32Array;
  /** Segment i covers converted[convertedBounds[i], convertedBounds[i+1]). */
  readonly convertedBounds: Int32Array;
  /** One SegmentKind per segment. */
  readonly kinds: Uint8Array;
}

/** A range as UTF-16 offsets, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(s: string, offset: number): boolean {
  return offset > 0 && offset < s.length && isHigh(s.charCodeAt(offset - 1)) && isLow(s.charCodeAt(offset));
}

function codePointLength(s: string, i: number): number {
  return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
}

function countCodePoints(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i += codePointLength(s, i)) n++;
  return n;
}

function classify(source: string, s0: number, s1: number, converted: string, c0: number, c1: number): SegmentKind {
  const len = s1 - s0;
  if (len === c1 - c0) {
    let sameLayout = true;
    for (let k = 0; k < len; k++) {
      if (isHigh(source.charCodeAt(s0 + k)) !== isHigh(converted.charCodeAt(c0 + k))) {
        sameLayout = false;
        break;
      }
    }
    if (sameLayout) return SegmentKind.aligned;
  }
  return countCodePoints(source, s0, s1) === countCodePoints(converted, c0, c1)
    ? SegmentKind.codePoints
    : SegmentKind.phrase;
}

/** Bounds and kinds are gathered here, then copied out at their final size: one allocation each. */
let scratchSourceBounds = new Int32Array(256);
let scratchConvertedBounds = new Int32Array(256);
let scratchKinds = new Uint8Array(256);
const noKinds = new Uint8Array(0);

function reserveScratch(segments: number): void {
  if (segments + 1 <= scratchKinds.length) return;
  const size = Math.max(segments + 1, scratchKinds.length * 2);
  scratchSourceBounds = new Int32Array(size);
  scratchConvertedBounds = new Int32Array(size);
  scratchKinds = new Uint8Array(size);
}

/**
 * The map of the first `count` numbers of `lengths`, read as (source length, converted length)
 * pairs. With `unchangedIfNegative`, a pair (-n, -n) is a piece whose text is the same on both
 * sides (the converter knows it, so it need not be compared).
 */
function buildOffsetMap(
  source: string,
  converted: string,
  lengths: ArrayLike<number>,
  count: number,
  unchangedIfNegative: boolean,
): OffsetMap {
  reserveScratch(count >> 1);
  const sb = scratchSourceBounds;
  const cb = scratchConvertedBounds;
  const kinds = scratchKinds;
  sb[0] = 0;
  cb[0] = 0;
  let n = 0;
  let s = 0;
  let c = 0;
  for (let k = 0; k + 1 < count; k += 2) {
    let sourceLength = lengths[k] ?? 0;
    let convertedLength = lengths[k + 1] ?? 0;
    const unchanged = unchangedIfNegative && sourceLength < 0;
    if (unchanged) {
      sourceLength = -sourceLength;
      convertedLength = -convertedLength;
    }
    const s1 = s + sourceLength;
    const c1 = c + convertedLength;
    if (s1 === s && c1 === c) continue;
    let kind: SegmentKind;
    if (unchanged) kind = SegmentKind.aligned;
    else if (sourceLength === 1 && convertedLength === 1) {
      // One unit for one (most replaced characters): classify's answer without the call.
      const a = source.charCodeAt(s);
      const b = converted.charCodeAt(c);
      kind =
        (a >= 0xd800 && a <= 0xdbff) === (b >= 0xd800 && b <= 0xdbff) ? SegmentKind.aligned : SegmentKind.codePoints;
    } else kind = classify(source, s, s1, converted, c, c1);
    if (kind === SegmentKind.aligned && n > 0 && kinds[n - 1] === SegmentKind.aligned) {
      // Offset-for-offset runs join into one: fewer boundaries, same mapping.
      sb[n] = s1;
      cb[n] = c1;
    } else {
      kinds[n] = kind;
      n++;
      sb[n] = s1;
      cb[n] = c1;
    }
    s = s1;
    c = c1;
  }
  if (s !== source.length || c !== converted.length) {
    throw new RangeError(
      `offset map segments cover ${s}/${c} UTF-16 units, the texts have ${source.length}/${converted.length}`,
    );
  }
  return {
    source,
    converted,
    sourceBounds: sb.slice(0, n + 1),
    convertedBounds: cb.slice(0, n + 1),
    // V8 makes a new empty typed array slowly (~10 times a one-element one), and every empty
    // paragraph has no segments: an empty view of a shared empty buffer is the same value.
    kinds: n === 0 ? noKinds.subarray(0, 0) : kinds.slice(0, n),
  };
}

/**
 * Builds a map from the two texts and the lengths of their aligned segments, given flat as
 * [sourceLength0, convertedLength0, sourceLength1, convertedLength1, ...]; createOffsetMap is
 * the friendlier form.
 */
export function offsetMapFromLengths(source: string, converted: string, lengths: ArrayLike<number>): OffsetMap {
  return buildOffsetMap(source, converted, lengths, lengths.length, false);
}

/**
 * The converter's form: the first `count` numbers of `pieces`, as (source length, converted
 * length) pairs, where (-n, -n) marks n units that no dictionary touched (the same text on
 * both sides).
 */
export function offsetMapFromPieces(source: string, converted: string, pieces: Int32Array, count: number): OffsetMap {
  return buildOffsetMap(source, converted, pieces, count, true);
}

/** Builds a map from aligned (source segment, converted segment) pairs, in order. */
export function createOffsetMap(segments: Iterable<readonly [source: string, converted: string]>): OffsetMap {
  const sourceParts: string[] = [];
  const convertedParts: string[] = [];
  const lengths: number[] = [];
  for (const [src, dst] of segments) {
    sourceParts.push(src);
    convertedParts.push(dst);
    lengths.push(src.length, dst.length);
  }
  return offsetMapFromLengths(sourceParts.join(''), convertedParts.join(''), lengths);
}

/** The map of an unconverted text ('original' mode, or a conversion that changed nothing). */
export function identityOffsetMap(text: string): OffsetMap {
  return offsetMapFromLengths(text, text, [text.length, text.length]);
}

/** Smallest j with bounds[j] >= x (bounds ascending, n+1 entries). */
function lowerBound(bounds: Int32Array, x: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Largest j with bounds[j] <= x. */
function lastAtOrBefore(bounds: Int32Array, x: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (bounds[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function mapOffset(
  fromText: string,
  fromBounds: Int32Array,
  toText: string,
  toBounds: Int32Array,
  kinds: Uint8Array,
  offset: number,
  bias: Bias,
): number {
  const n = kinds.length;
  if (n === 0) return 0;
  // Stale or out-of-range offsets clamp rather than throw: a highlight should degrade, not crash a render.
  const off = Math.min(Math.max(Math.trunc(offset), 0), fromBounds[n]!);

  const j = lowerBound(fromBounds, off);
  if (fromBounds[j] === off) {
    // On a boundary. Where segments are empty on this side, 'start' takes the earliest and 'end'
    // the latest, so a mapped range covers rather than drops what sits at its ends.
    return toBounds[bias === 'start' ? j : lastAtOrBefore(fromBounds, off)]!;
  }

  const seg = j - 1;
  const f0 = fromBounds[seg]!;
  const t0 = toBounds[seg]!;
  switch (kinds[seg]) {
    case SegmentKind.aligned: {
      let r = off - f0;
      if (splitsPair(fromText, off)) r += bias === 'start' ? -1 : 1;
      return t0 + r;
    }
    case SegmentKind.codePoints: {
      let p = f0;
      let k = 0;
      while (p < off) {
        p += codePointLength(fromText, p);
        k++;
      }
      // p > off: the offset was inside a surrogate pair; 'start' keeps the whole character in.
      if (p > off && bias === 'start') k--;
      let q = t0;
      for (; k > 0; k--) q += codePointLength(toText, q);
      return q;
    }
    default:
      // A phrase whose length changed: highlight whole converted phrases, never part of one.
      return bias === 'start' ? t0 : toBounds[seg + 1]!;
  }
}

/** Converted-text offset -> canonical offset. */
export function toCanonical(map: OffsetMap, convertedOffset: number, bias: Bias): number {
  return mapOffset(map.converted, map.convertedBounds, map.source, map.sourceBounds, map.kinds, convertedOffset, bias);
}

/** Canonical offset -> converted-text offset. */
export function toConverted(map: OffsetMap, canonicalOffset: number, bias: Bias): number {
  return mapOffset(map.source, map.sourceBounds, map.converted, map.convertedBounds, map.kinds, canonicalOffset, bias);
}

function mapRange(map: OffsetMap, range: OffsetRange, one: typeof toCanonical): OffsetRange {
  if (range.start === range.end) {
    // A caret stays a caret instead of growing to a whole phrase.
    const at = one(map, range.start, 'start');
    return { start: at, end: at };
  }
  return { start: one(map, range.start, 'start'), end: one(map, range.end, 'end') };
}

/** A selection made in the converted text, as canonical offsets (ends snap outward). */
export function rangeToCanonical(map: OffsetMap, range: OffsetRange): OffsetRange {
  return mapRange(map, range, toCanonical);
}

/** A stored (canonical) range, as offsets in the converted text (ends snap outward). */
export function rangeToConverted(map: OffsetMap, range: OffsetRange): OffsetRange {
  return mapRange(map, range, toConverted);
}
