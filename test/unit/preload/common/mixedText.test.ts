import iconv from 'iconv-lite';
import { Locale } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../../preload/common/createConverter';
import { sharedWithTraditional } from '../../../../preload/common/mixedText';
import { rangeToCanonical } from '../../../../preload/common/offsetMap';
import { offsetMapProblems } from './offsetMapChecks';

/** Issue #15: an article of both scripts is never damaged where it is already traditional. */

describe('mixed and unknown articles in the traditional modes', () => {
  it('keeps a traditional name s2t would rewrite (嚴華郁 is not 嚴華鬱) in 繁體, 臺灣, 臺灣(詞彙) and 香港', () => {
    for (const mode of ['t', 'tw', 'twp', 'hk'] as const) {
      for (const script of ['mixed', 'unknown'] as const) {
        const { text, map } = createConverter(script, mode).convert('记者嚴華郁报道');
        expect(text, `${script} ${mode}`).toMatch(/^記者嚴華郁報道$/);
        expect(offsetMapProblems(map)).toEqual([]);
      }
    }
  });

  it('still converts a character both scripts write where its neighbours are simplified (以后 -> 以後, 皇后 stays beside 們)', () => {
    expect(createConverter('mixed', 't').convert('我们以后再说').text).toBe('我們以後再說');
    expect(createConverter('mixed', 't').convert('嚴華郁說，皇后').text).toBe('嚴華郁說，皇后');
  });

  it('reads mixed text through t2s in 简体, which leaves simplified text alone', () => {
    expect(createConverter('mixed', 'cn').convert('记者嚴華郁报道').text).toBe('记者严华郁报道');
  });

  it('maps highlights on the kept pieces to the same characters', () => {
    const source = '我们说嚴華郁以后来';
    const { text, map } = createConverter('mixed', 'tw').convert(source);
    const at = text.indexOf('嚴華郁');
    expect(at).toBeGreaterThanOrEqual(0);
    const r = rangeToCanonical(map, { start: at, end: at + 3 });
    expect(source.slice(r.start, r.end)).toBe('嚴華郁');
  });

  it('lists exactly the characters s2t changes that Big5 (code page 950) has', () => {
    const keys = new Set<string>();
    const stages: unknown = Locale.from.cn;
    const dicts = Array.isArray(stages) ? (stages[0] as unknown) : [];
    for (const dict of Array.isArray(dicts) ? dicts.filter((d): d is string => typeof d === 'string') : []) {
      for (const entry of dict.split('|')) {
        const key = entry.split(' ')[0] ?? '';
        if ([...key].length === 1) keys.add(key);
      }
    }
    const inBig5 = (ch: string) => {
      const bytes = iconv.encode(ch, 'cp950');
      return !(bytes.length === 1 && bytes[0] === 0x3f);
    };
    expect([...keys].filter(inBig5).sort().join('')).toBe([...sharedWithTraditional].sort().join(''));
  });
});
