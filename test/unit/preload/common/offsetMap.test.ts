import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../../preload/common/createConverter';
import {
  createOffsetMap,
  identityOffsetMap,
  offsetMapFromLengths,
  offsetMapFromPieces,
  rangeToCanonical,
  rangeToConverted,
  SegmentKind,
  toCanonical,
  toConverted,
  type Bias,
  type OffsetMap,
} from '../../../../preload/common/offsetMap';
import { scriptModes } from '../../../../preload/common/scriptModes';
import type { DetectedScript } from '../../../../preload/contract/articleTypes';
import { expectConsistentMap } from './offsetMapChecks';

const scripts: DetectedScript[] = ['simplified', 'traditional', 'mixed', 'unknown'];
const biases: Bias[] = ['start', 'end'];

describe('phrases that change length', () => {
  it('maps 互联网 -> 網際網路 (twp) as one phrase, and snaps inside offsets outward', () => {
    const { text, map } = createConverter('simplified', 'twp').convert('上互联网吧');
    expect(text).toBe('上網際網路吧');
    expectConsistentMap(map);
    // The phrase is source [1, 4), converted [1, 5).
    expect(toConverted(map, 1, 'start')).toBe(1);
    expect(toConverted(map, 4, 'end')).toBe(5);
    for (const inside of [2, 3]) {
      expect(toConverted(map, inside, 'start')).toBe(1);
      expect(toConverted(map, inside, 'end')).toBe(5);
    }
    for (const inside of [2, 3, 4]) {
      expect(toCanonical(map, inside, 'start')).toBe(1);
      expect(toCanonical(map, inside, 'end')).toBe(4);
    }
    // Around it, character by character.
    expect(toCanonical(map, 5, 'start')).toBe(4);
    expect(toCanonical(map, 6, 'end')).toBe(5);
  });

  it('maps U盘 -> 隨身碟 (twp): a selection of part of the converted phrase covers the whole source phrase', () => {
    const { text, map } = createConverter('simplified', 'twp').convert('把U盘插上');
    expect(text).toBe('把隨身碟插上');
    expectConsistentMap(map);
    // Selecting 身 alone in the converted text stores all of U盘.
    expect(rangeToCanonical(map, { start: 2, end: 3 })).toEqual({ start: 1, end: 3 });
    // Highlighting 盘 alone in the canonical text draws all of 隨身碟.
    expect(rangeToConverted(map, { start: 2, end: 3 })).toEqual({ start: 1, end: 4 });
    // A caret inside the phrase stays a caret (at the phrase start).
    expect(rangeToCanonical(map, { start: 3, end: 3 })).toEqual({ start: 1, end: 1 });
    // Text outside the phrase maps one to one.
    expect(rangeToCanonical(map, { start: 4, end: 6 })).toEqual({ start: 3, end: 5 });
  });

  it('maps an equal-length phrase character by character (软件 -> 軟體 in twp)', () => {
    const { text, map } = createConverter('simplified', 'twp').convert('这个软件');
    expect(text).toBe('這個軟體');
    expect(toCanonical(map, 3, 'start')).toBe(3);
    expect(toConverted(map, 3, 'end')).toBe(3);
  });

  it('round-trips every segment boundary of a sentence full of length changes', () => {
    const sentence = '他被发明家的U盘连上互联网，周𫖮用鼠标打开软件𠮷野家。';
    for (const to of scriptModes) {
      const { map } = createConverter('simplified', to).convert(sentence);
      expectConsistentMap(map, to);
      for (let j = 0; j < map.sourceBounds.length; j++) {
        const s = map.sourceBounds[j]!;
        for (const b of biases) expect(toCanonical(map, toConverted(map, s, b), b)).toBe(s);
      }
    }
  });
});

describe('surrogate pairs', () => {
  const text = '吉𠮷野家，𠮷！a𠮷';

  it.each(scripts.flatMap((from) => scriptModes.map((to) => [from, to] as const)))(
    'never splits 𠮷 (%s -> %s)',
    (from, to) => {
      const { text: out, map } = createConverter(from, to).convert(text);
      expect([...out].filter((c) => c === '𠮷')).toHaveLength(3);
      expectConsistentMap(map);
      for (let i = 0; i < out.length; i++) {
        if (out.codePointAt(i) !== 0x20bb7) continue;
        // Inside the pair, 'start' goes before the character and 'end' after it, on both sides.
        const before = toCanonical(map, i, 'start');
        expect(toCanonical(map, i + 1, 'start')).toBe(before);
        expect(toCanonical(map, i + 1, 'end')).toBe(before + 2);
        expect(text.codePointAt(before)).toBe(0x20bb7);
        expect(toConverted(map, before + 1, 'start')).toBe(i);
        expect(toConverted(map, before + 1, 'end')).toBe(i + 2);
      }
    },
  );

  it('maps code point by code point where a conversion changes UTF-16 length (周𫖮 -> 周顗 in s2t)', () => {
    const { text, map } = createConverter('simplified', 't').convert('周𫖮说');
    expect(text).toBe('周顗說');
    expectConsistentMap(map);
    expect(toConverted(map, 1, 'end')).toBe(1); // between 周 and 𫖮
    expect(toConverted(map, 2, 'start')).toBe(1); // inside 𫖮: before it
    expect(toConverted(map, 2, 'end')).toBe(2); // inside 𫖮: after it
    expect(toCanonical(map, 2, 'start')).toBe(3);
  });

  it('keeps the map right through normalization (CJK compatibility U+FA6C -> 𤋮, U+2F801 -> 丸)', () => {
    const src = 'a\uFA6Cb\u{2F801}c';
    for (const to of ['t', 'tw', 'hk'] as const) {
      const { text, map } = createConverter('simplified', to).convert(src);
      expect(text).toBe('a\u{242EE}b丸c');
      expectConsistentMap(map, to);
      expect(toConverted(map, 2, 'start')).toBe(3); // after U+FA6C, which became a pair
      expect(toCanonical(map, 4, 'start')).toBe(3); // after the pair, b
      expect(toCanonical(map, 5, 'start')).toBe(5); // after 丸 (U+2F801 was a pair)
    }
  });
});

describe('createOffsetMap', () => {
  it('merges offset-for-offset segments and keeps phrases apart', () => {
    const map = createOffsetMap([
      ['ab', 'AB'],
      ['c', 'C'],
      ['xy', 'XYZ'],
      ['d', 'D'],
    ]);
    expect([...map.sourceBounds]).toEqual([0, 3, 5, 6]);
    expect([...map.convertedBounds]).toEqual([0, 3, 6, 7]);
    expect([...map.kinds]).toEqual([SegmentKind.aligned, SegmentKind.phrase, SegmentKind.aligned]);
  });

  it('handles the empty text and the identity map', () => {
    const empty = identityOffsetMap('');
    expect(toConverted(empty, 0, 'start')).toBe(0);
    expect(toCanonical(empty, 3, 'end')).toBe(0);
    const id = identityOffsetMap('a𠮷b');
    expect(toConverted(id, 2, 'start')).toBe(1);
    expect(toConverted(id, 2, 'end')).toBe(3);
    expect(toCanonical(id, 4, 'end')).toBe(4);
  });

  it('clamps offsets outside the text', () => {
    const map = createOffsetMap([['U盘', '隨身碟']]);
    expect(toConverted(map, -5, 'start')).toBe(0);
    expect(toConverted(map, 99, 'end')).toBe(3);
  });

  it('rejects lengths that do not cover both texts', () => {
    expect(() => offsetMapFromLengths('abc', 'abc', [2, 2])).toThrow(RangeError);
  });

  it("reads the converter's pieces (negative: unchanged) as the same lengths, up to the count given", () => {
    const source = 'ab𠮷U盘cd';
    const converted = 'ab𠮷隨身碟cd';
    const pieces = Int32Array.from([-4, -4, 2, 3, -2, -2, 99, 99]);
    const fromPieces = offsetMapFromPieces(source, converted, pieces, 6);
    const fromLengths = offsetMapFromLengths(source, converted, [4, 4, 2, 3, 2, 2]);
    expect(fromPieces).toEqual(fromLengths);
    expect([...fromPieces.sourceBounds]).toEqual([0, 4, 6, 8]);
    expect(() => offsetMapFromPieces(source, converted, pieces, 4)).toThrow(RangeError);
  });

  it('gives the empty text a map of its own with no segments', () => {
    const a = offsetMapFromPieces('', '', new Int32Array(0), 0);
    const b = identityOffsetMap('');
    expect([...a.sourceBounds, ...a.convertedBounds]).toEqual([0, 0]);
    expect(a.kinds.length).toBe(0);
    expect(a.sourceBounds).not.toBe(b.sourceBounds);
  });

  /** The obvious linear-scan mapping over the unmerged segments, to check the binary search against. */
  function naive(
    segs: (readonly [string, string])[],
    offset: number,
    bias: Bias,
    dir: 'toConverted' | 'toCanonical',
  ): number {
    let f = 0;
    let t = 0;
    for (const [s, c] of segs) {
      const [from, to] = dir === 'toConverted' ? [s, c] : [c, s];
      if (offset === f) return t;
      if (offset < f + from.length) {
        const r = offset - f;
        if (from.length === to.length) return t + r; // test data: BMP only
        return bias === 'start' ? t : t + to.length;
      }
      f += from.length;
      t += to.length;
    }
    return t;
  }

  it('agrees with a linear scan on random segment lists', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (len: number): string => 'x'.repeat(len);
    for (let round = 0; round < 200; round++) {
      const segs: (readonly [string, string])[] = [];
      const count = 1 + rand(40);
      for (let k = 0; k < count; k++) segs.push([word(1 + rand(4)), word(1 + rand(4))]);
      const map: OffsetMap = createOffsetMap(segs);
      expectConsistentMap(map);
      for (let o = 0; o <= map.source.length; o++) {
        for (const b of biases) expect(toConverted(map, o, b)).toBe(naive(segs, o, b, 'toConverted'));
      }
      for (let o = 0; o <= map.converted.length; o++) {
        for (const b of biases) expect(toCanonical(map, o, b)).toBe(naive(segs, o, b, 'toCanonical'));
      }
    }
  });
});
