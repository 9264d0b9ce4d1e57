import { utf16Offsets } from './codePoints';
import type { QdaSelection } from './readProject';

export type PositionUnit = 'code-points' | 'utf-16';

/**
 * Which unit a source's selections count in. The standard says code points, NVivo for Windows
 * writes UTF-16 units; the two differ only after an astral character, so a text without one
 * needs no choice. Otherwise each reading is scored on its selections: a name that is exactly
 * the text it selects counts most, a boundary that splits a surrogate pair rules the reading
 * out, and a boundary between two letters or digits (mid-word) counts against it. A tie is
 * read as the standard says.
 */
export function detectPositionUnit(text: string, selections: readonly QdaSelection[]): PositionUnit {
  const points = utf16Offsets(text);
  if (points.length === text.length + 1 || selections.length === 0) return 'code-points';
  const score = (unit: PositionUnit): number => {
    let total = 0;
    for (const s of selections) {
      const start = toUtf16(unit, points, s.start);
      const end = toUtf16(unit, points, s.end);
      if (start === null || end === null || end > text.length) {
        total -= 10;
        continue;
      }
      if (splitsPair(text, start) || splitsPair(text, end)) total -= 10;
      if (s.name !== '' && text.slice(start, end) === s.name) total += 5;
      if (atBoundary(text, start)) total += 1;
      if (atBoundary(text, end)) total += 1;
    }
    return total;
  };
  return score('utf-16') > score('code-points') ? 'utf-16' : 'code-points';
}

/** A position of `unit` as a UTF-16 offset of the text (`points`: utf16Offsets of it), or null past its end. */
export function toUtf16(unit: PositionUnit, points: readonly number[], position: number): number | null {
  if (unit === 'utf-16') return position <= (points[points.length - 1] ?? 0) ? position : null;
  return points[position] ?? null;
}

function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

const wordChar = /[\p{L}\p{N}]/u;

function atBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  return !(wordChar.test(text.charAt(at - 1)) && wordChar.test(text.charAt(at)));
}
