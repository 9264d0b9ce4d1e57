import { rangeToCanonical, type OffsetMap, type OffsetRange } from '../../../../preload/common/offsetMap';

/** A selection boundary as the DOM walk found it: the n-th text node of the paragraph text, and an offset in it. */
export interface TextPoint {
  index: number;
  offset: number;
}

/** The display-text offset of a point, given the lengths of the paragraph's text nodes in order. */
export function offsetInText(nodeLengths: readonly number[], point: TextPoint): number {
  let total = 0;
  for (let i = 0; i < nodeLengths.length; i++) {
    const length = nodeLengths[i] ?? 0;
    if (i === point.index) return total + Math.max(0, Math.min(point.offset, length));
    total += length;
  }
  // Past the last node: the end of the text.
  return total;
}

const space = /\s/u;

/**
 * A display selection [a, b) (either order) as a canonical range, with surrounding white space
 * left out; null when nothing but white space, or nothing, is selected.
 */
export function selectionToCanonical(map: OffsetMap, displayText: string, a: number, b: number): OffsetRange | null {
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(displayText.length, Math.max(a, b));
  while (start < end && space.test(displayText[start] ?? '')) start++;
  while (end > start && space.test(displayText[end - 1] ?? '')) end--;
  if (start >= end) return null;
  const range = rangeToCanonical(map, { start, end });
  return range.start < range.end ? range : null;
}
