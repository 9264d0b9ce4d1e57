import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../preload/common/createConverter';
import { identityOffsetMap } from '../../../preload/common/offsetMap';
import { offsetInText, selectionToCanonical } from '../../../renderer/src/features/annotate/selectionOffsets';
import { toFullWidthPunctuation } from '../../../renderer/src/features/reader/fullWidthPunctuation';

describe('selection boundary -> display offset', () => {
  // A paragraph rendered as "把" + <mark>"隨身碟"</mark> + "插上": three text nodes.
  const lengths = [1, 3, 2];

  it('adds the lengths of the text nodes before the boundary', () => {
    expect(offsetInText(lengths, { index: 0, offset: 0 })).toBe(0);
    expect(offsetInText(lengths, { index: 1, offset: 0 })).toBe(1);
    expect(offsetInText(lengths, { index: 1, offset: 2 })).toBe(3);
    expect(offsetInText(lengths, { index: 2, offset: 2 })).toBe(6);
  });

  it('clamps an offset beyond its node, and a point past the last node is the end', () => {
    expect(offsetInText(lengths, { index: 0, offset: 5 })).toBe(1);
    expect(offsetInText(lengths, { index: 3, offset: 0 })).toBe(6);
  });
});

describe('selection -> canonical offsets', () => {
  it('maps a selection in twp through a phrase that changed length', () => {
    const source = '把U盘插上互联网';
    const { text, map } = createConverter('simplified', 'twp').convert(source);
    expect(text).toBe('把隨身碟插上網際網路');
    // Exactly 隨身碟 -> exactly U盘.
    expect(selectionToCanonical(map, text, 1, 4)).toEqual({ start: 1, end: 3 });
    // Part of a phrase snaps outward to the whole phrase; order of ends does not matter.
    expect(selectionToCanonical(map, text, 8, 7)).toEqual({ start: 5, end: 8 });
    expect(source.slice(5, 8)).toBe('互联网');
  });

  it('leaves out surrounding white space and refuses an empty selection', () => {
    const text = '　 江西 公安 ';
    const map = identityOffsetMap(text);
    expect(selectionToCanonical(map, text, 0, 5)).toEqual({ start: 2, end: 4 });
    expect(selectionToCanonical(map, text, 0, 2)).toBeNull();
    expect(selectionToCanonical(map, text, 3, 3)).toBeNull();
  });

  it('is unaffected by full-width punctuation display, which keeps offsets', () => {
    const source = '江西:接续奋斗,红土地';
    const { text, map } = createConverter('simplified', 't').convert(source);
    const shown = toFullWidthPunctuation(text);
    expect(shown).toBe('江西：接續奮鬥，紅土地');
    expect(selectionToCanonical(map, shown, 3, 7)).toEqual({ start: 3, end: 7 });
    expect(source.slice(3, 7)).toBe('接续奋斗');
  });
});
