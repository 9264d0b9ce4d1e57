import { describe, expect, it } from 'vitest';
import { toFullWidthPunctuation } from '../../../renderer/src/features/reader/fullWidthPunctuation';

describe('full-width punctuation display', () => {
  it('widens ,:;!? inside Chinese text', () => {
    expect(toFullWidthPunctuation('江西:接续奋斗,红土地上奏响平安之歌')).toBe('江西：接续奋斗，红土地上奏响平安之歌');
    expect(toFullWidthPunctuation('好吗?好!对;')).toBe('好吗？好！对；');
    expect(toFullWidthPunctuation('时间:2022-08-18')).toBe('时间：2022-08-18');
    expect(toFullWidthPunctuation('”,他说')).toBe('”，他说');
  });

  it('leaves numbers, times, URLs and Latin text alone', () => {
    expect(toFullWidthPunctuation('共1,000人 10:30')).toBe('共1,000人 10:30');
    expect(toFullWidthPunctuation('原文链接:http://example.com/a?b=1')).toBe('原文链接：http://example.com/a?b=1');
    expect(toFullWidthPunctuation('Hello, world: yes (really)!')).toBe('Hello, world: yes (really)!');
  });

  it('widens parentheses around or next to Chinese, as a pair', () => {
    expect(toFullWidthPunctuation('福建日报(记者 张三)报道')).toBe('福建日报（记者 张三）报道');
    expect(toFullWidthPunctuation('个(次)集体')).toBe('个（次）集体');
    expect(toFullWidthPunctuation('年份(2022)')).toBe('年份（2022）');
    expect(toFullWidthPunctuation('f(x) = 1')).toBe('f(x) = 1');
    expect(toFullWidthPunctuation('未闭合(括号')).toBe('未闭合（括号');
  });

  it('shows no gap after a widened mark where the text had a space (the mark has its own)', () => {
    // As in the seeds: "冠, 基" showed "冠， 基", a space after the full-width comma.
    expect(toFullWidthPunctuation('冠, 基')).toBe('冠，\u200b基');
    expect(toFullWidthPunctuation('好吗?  好')).toBe('好吗？\u200b\u200b好');
    expect(toFullWidthPunctuation('报道 (记者 张三) 说')).toBe('报道\u200b（记者 张三）\u200b说');
    // Spaces away from a widened mark, and around half-width marks, stay.
    expect(toFullWidthPunctuation('记者 张三')).toBe('记者 张三');
    expect(toFullWidthPunctuation('Hello, world')).toBe('Hello, world');
    expect(toFullWidthPunctuation('冠, 基')).toHaveLength('冠, 基'.length);
  });

  it('keeps every offset: one UTF-16 unit for one', () => {
    const samples = ['江西:接续奋斗,红土地', '𠀀,𠀀(𠀀)', 'a,b:(c)', '', '(((中)))'];
    for (const s of samples) expect(toFullWidthPunctuation(s)).toHaveLength(s.length);
    expect(toFullWidthPunctuation('𠀀,𠀀')).toBe('𠀀，𠀀');
  });
});
