import { Locale, Trie } from 'opencc-js';
import type { DictGroup } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { CodeUnits } from '../../../../preload/common/codeUnits';
import { DictionaryTrie, none } from '../../../../preload/common/dictionaryTrie';
import { codePointAt, unmatchedLength } from '../../../../preload/common/openccSteps';

function unitsOf(text: string): Uint16Array {
  const units = new CodeUnits(1);
  units.appendString(text);
  return units.units.subarray(0, units.length);
}

/** opencc-js's answer, on the text cut at `end` as it sees a segment. */
function openccMatch(trie: Trie, text: string, i: number, end: number): readonly [number, string] {
  const m = trie.matchPrefix(text.slice(0, end), i);
  return m ? [m.end, m.value] : [0, ''];
}

function ourMatch(trie: DictionaryTrie, text: string, i: number, end: number): readonly [number, string] {
  const matchEnd = trie.longestMatch(unitsOf(text), i, end);
  return [matchEnd, matchEnd > 0 ? trie.value : ''];
}

describe('DictionaryTrie', () => {
  const group: DictGroup = [
    [
      ['a', 'first'],
      ['ab', 'AB'],
      ['abcd', 'ABCD'],
      ['𠮷', 'yoshi'],
      ['𠮷野', 'yoshino'],
      ['\ud840', 'lone'],
    ],
    'a second|b B|bc BC|x y|x z',
  ];

  it('loads a group as opencc-js does: the first dictionary wins, a later entry of one dictionary wins', () => {
    const ours = new DictionaryTrie(group);
    const theirs = new Trie();
    theirs.loadDictGroup(group);
    for (const text of ['a', 'ab', 'abc', 'abcd', 'bcd', 'x', '𠮷野', '𠮷', '\ud840x', 'q']) {
      expect(ourMatch(ours, text, 0, text.length), text).toEqual(openccMatch(theirs, text, 0, text.length));
    }
    expect(ourMatch(ours, 'a', 0, 1)).toEqual([1, 'first']);
    expect(ourMatch(ours, 'x', 0, 1)).toEqual([1, 'z']);
  });

  it('stops at the end it is given, and reads a pair cut there as a lone surrogate', () => {
    const ours = new DictionaryTrie(group);
    const theirs = new Trie();
    theirs.loadDictGroup(group);
    const text = 'abcd𠮷野\ud840\udc00';
    for (let i = 0; i < text.length; i++) {
      for (let end = i + 1; end <= text.length; end++) {
        expect(ourMatch(ours, text, i, end), `${i}..${end}`).toEqual(openccMatch(theirs, text, i, end));
      }
    }
    expect(ourMatch(ours, text, 7, 8)).toEqual([8, 'lone']);
  });

  it('matches exactly as opencc-js on the phrase dictionaries, at every position of a seed-like text', () => {
    const stPhrases = (Locale.from.cn as unknown as DictGroup[])[0]!;
    const ours = new DictionaryTrie(stPhrases);
    const theirs = new Trie();
    theirs.loadDictGroup(stPhrases);
    const text = '他被发现了，这个软件里的U盘后来被发明出来𠮷⿰木木。头发发展';
    for (let i = 0; i < text.length; i++) {
      expect(ourMatch(ours, text, i, text.length), `at ${i}`).toEqual(openccMatch(theirs, text, i, text.length));
    }
  });

  it('lists the code points keys start with, and indexes BMP ones by unit', () => {
    const trie = new DictionaryTrie(group);
    expect(trie.firstCodePoints()).toEqual(
      ['a', 'b', 'x', '\ud840', '𠮷'].map((c) => c.codePointAt(0)).sort((p, q) => p! - q!),
    );
    expect(trie.rootChildren['a'.charCodeAt(0)]).not.toBe(none);
    expect(trie.rootChildren['q'.charCodeAt(0)]).toBe(none);
  });
});

describe('opencc-js stepping', () => {
  it('reads code points as codePointAt does on the text cut at the end', () => {
    const units = unitsOf('a𠮷\ud840');
    expect(codePointAt(units, 1, 3)).toBe(0x20bb7);
    expect(codePointAt(units, 1, 2)).toBe(0xd842);
    expect(codePointAt(units, 3, 4)).toBe(0xd840);
  });

  it('steps over one code point, or a whole ideographic description sequence', () => {
    const text = '⿰木木x⿱⿰ab c⿰a𠮷';
    const units = unitsOf(text);
    expect(unmatchedLength(units, 0, text.length)).toBe(3);
    expect(unmatchedLength(units, 3, text.length)).toBe(1);
    expect(unmatchedLength(units, 4, text.length)).toBe(5);
    // Cut inside: the inner sequence that does not fit counts as its first character.
    expect(unmatchedLength(units, 4, 7)).toBe(3);
    expect(unmatchedLength(units, 4, 5)).toBe(1);
    expect(unmatchedLength(units, 10, text.length)).toBe(4);
    expect(unmatchedLength(units, 12, text.length)).toBe(2);
  });
});
