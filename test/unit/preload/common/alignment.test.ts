import { describe, expect, it } from 'vitest';
import { Alignment, composeInto } from '../../../../preload/common/alignment';
import { CodeUnits } from '../../../../preload/common/codeUnits';
import { KeyStarts } from '../../../../preload/common/keyStarts';
import { DictionaryTrie } from '../../../../preload/common/dictionaryTrie';

function alignment(...pairs: number[]): Alignment {
  const a = new Alignment(2);
  for (let k = 0; k < pairs.length; k += 2) {
    if (pairs[k]! < 0) a.pushUnchanged(-pairs[k]!);
    else a.push(pairs[k]!, pairs[k + 1]!);
  }
  return a;
}

function pairsOf(a: Alignment): number[] {
  return [...a.pairs.subarray(0, a.length)];
}

describe('Alignment', () => {
  it('joins unchanged pieces and grows as needed', () => {
    const a = alignment(-2, -2, -3, -3, 1, 1, -1, -1);
    expect(pairsOf(a)).toEqual([-5, -5, 1, 1, -1, -1]);
    for (let k = 0; k < 100; k++) a.push(1, 2);
    expect(a.length).toBe(206);
    expect(alignment().isIdentity()).toBe(true);
    expect(alignment(-4, -4).isIdentity()).toBe(true);
    expect(alignment(1, 1).isIdentity()).toBe(false);
  });

  it('composes so that a later match spanning earlier pieces becomes one piece (U盘 -> U盤 -> 隨身碟)', () => {
    const out = new Alignment();
    composeInto(alignment(-1, -1, 1, 1), alignment(2, 3), out);
    expect(pairsOf(out)).toEqual([2, 3]);
  });

  it('keeps text neither side touched splittable, and appends to what is there', () => {
    const out = alignment(-2, -2);
    // x: "ab" + "发" + "cd"; y: "ab" + "發" + "cd"; z: "a" + "B" + "發cd"
    composeInto(alignment(-2, -2, 1, 1, -2, -2), alignment(-1, -1, 1, 1, -3, -3), out);
    expect(pairsOf(out)).toEqual([-3, -3, 1, 1, 1, 1, -2, -2]);
  });

  it('refuses alignments of different texts', () => {
    expect(() => composeInto(alignment(1, 2), alignment(1, 1), new Alignment())).toThrow();
  });
});

describe('CodeUnits', () => {
  it('turns long text back into the same string (in chunks)', () => {
    const text = '𠮷漢字abc'.repeat(2000);
    const units = new CodeUnits(1);
    units.appendString(text);
    expect(units.length).toBe(text.length);
    expect(units.toString()).toBe(text);
    const copy = new CodeUnits(1);
    copy.appendRange(units.units, 2, 5);
    expect(copy.toString()).toBe(text.slice(2, 5));
  });
});

describe('KeyStarts', () => {
  const trie = new DictionaryTrie([
    [
      ['丽', '麗'],
      ['𠮷', 'x'],
    ],
  ]);
  const starts = new KeyStarts([trie]);

  it('tells whether a string can hold a match at all', () => {
    expect(starts.mayStartIn('美丽')).toBe(true);
    expect(starts.mayStartIn('a𠮷')).toBe(true);
    expect(starts.mayStartIn('美好\ud842')).toBe(false);
    expect(new KeyStarts([]).mayStartIn('美丽')).toBe(false);
  });

  it('checks code units, counting any surrogate when some key starts outside the BMP', () => {
    const units = new CodeUnits();
    units.appendString('美丽\ud842');
    expect(starts.mayStartInUnits(units.units, 0, 1)).toBe(false);
    expect(starts.mayStartInUnits(units.units, 0, 2)).toBe(true);
    expect(starts.mayStartInUnits(units.units, 2, 3)).toBe(true);
  });
});
