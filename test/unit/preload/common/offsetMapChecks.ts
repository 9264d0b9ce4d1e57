/** Invariants every offset map must keep, shared by the conversion tests. */
import { expect } from 'vitest';
import { toCanonical, toConverted, type OffsetMap } from '../../../../preload/common/offsetMap';

function splitsPair(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const hi = s.charCodeAt(i - 1);
  const lo = s.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * Checks, and returns problems as readable strings (one expect per map keeps the seed sweeps fast):
 * bounds cover both texts and never split a surrogate pair; every segment boundary maps to its
 * counterpart and round-trips; every offset maps monotonically, start <= end, to a non-splitting
 * offset whose round trip contains it.
 */
export function offsetMapProblems(map: OffsetMap): string[] {
  const problems: string[] = [];
  const { source, converted, sourceBounds: sb, convertedBounds: cb, kinds } = map;
  const n = kinds.length;
  if (sb.length !== n + 1 || cb.length !== n + 1) problems.push('bounds length');
  if (source.length > 0 || converted.length > 0) {
    if (sb[0] !== 0 || cb[0] !== 0 || sb[n] !== source.length || cb[n] !== converted.length)
      problems.push('bounds ends');
  }
  for (let j = 0; j <= n; j++) {
    const s = sb[j]!;
    const c = cb[j]!;
    if (j > 0 && (s <= sb[j - 1]! || c <= cb[j - 1]!)) problems.push(`empty segment before bound ${j}`);
    if (splitsPair(source, s) || splitsPair(converted, c))
      problems.push(`bound ${j} (${s}/${c}) splits a surrogate pair`);
    for (const bias of ['start', 'end'] as const) {
      if (toConverted(map, s, bias) !== c) problems.push(`toConverted(${s}, ${bias}) != ${c}`);
      if (toCanonical(map, c, bias) !== s) problems.push(`toCanonical(${c}, ${bias}) != ${s}`);
      if (toCanonical(map, toConverted(map, s, bias), bias) !== s) problems.push(`round trip of bound ${s}`);
    }
  }
  const sweep = (
    from: string,
    to: string,
    there: (o: number, b: 'start' | 'end') => number,
    back: (o: number, b: 'start' | 'end') => number,
    name: string,
  ): void => {
    let prevA = 0;
    let prevB = 0;
    for (let o = 0; o <= from.length; o++) {
      const a = there(o, 'start');
      const b = there(o, 'end');
      if (a > b || a < 0 || b > to.length) problems.push(`${name}(${o}) = [${a}, ${b}]`);
      if (a < prevA || b < prevB) problems.push(`${name} not monotonic at ${o}`);
      if (splitsPair(to, a) || splitsPair(to, b)) problems.push(`${name}(${o}) splits a surrogate pair`);
      if (!splitsPair(from, o) && (back(a, 'start') > o || back(b, 'end') < o))
        problems.push(`${name}(${o}) round trip loses it`);
      prevA = a;
      prevB = b;
    }
  };
  sweep(
    source,
    converted,
    (o, b) => toConverted(map, o, b),
    (o, b) => toCanonical(map, o, b),
    'toConverted',
  );
  sweep(
    converted,
    source,
    (o, b) => toCanonical(map, o, b),
    (o, b) => toConverted(map, o, b),
    'toCanonical',
  );
  return problems.slice(0, 20);
}

export function expectConsistentMap(map: OffsetMap, label = ''): void {
  expect(offsetMapProblems(map), label).toEqual([]);
}
