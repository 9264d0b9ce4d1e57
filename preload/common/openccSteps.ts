/**
 * How opencc-js steps through text where no dictionary key matches, on code units in a typed
 * array cut at `end` (the end of the segment being converted, as opencc-js converts each
 * segment as a string of its own).
 */

/**
 * The code point at units[i], reading a surrogate pair only when both halves lie before
 * `end`: what String.prototype.codePointAt gives on the text cut at `end`.
 */
export function codePointAt(units: Uint16Array, i: number, end: number): number {
  const c = units[i]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = units[i + 1]!;
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** opencc-js's getUnmatchedLength (not exported): an unmatched ideographic description sequence is skipped whole. */
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function codePointLength(units: Uint16Array, i: number, end: number): number {
  return codePointAt(units, i, end) > 0xffff ? 2 : 1;
}

function idsEnd(units: Uint16Array, i: number, end: number): number {
  const arity = idsArity(codePointAt(units, i, end));
  if (arity === 0) return 0;
  let e = i + codePointLength(units, i, end);
  for (let k = 0; k < arity; k++) {
    if (e >= end) return 0;
    const childEnd = idsEnd(units, e, end);
    e = childEnd || e + codePointLength(units, e, end);
  }
  return e;
}

/** How far opencc-js steps past units[i] when no key starts there, in the text cut at `end`. */
export function unmatchedLength(units: Uint16Array, i: number, end: number): number {
  const c = units[i]!;
  // Neither a surrogate nor an ideographic description character: one unit (nearly every case).
  if (c < 0x2ff0 || (c > 0x2fff && c < 0xd800) || c > 0xdfff) return 1;
  const e = idsEnd(units, i, end);
  return e > i ? e - i : codePointLength(units, i, end);
}
