import { describe, expect, it } from 'vitest';
import { compact, isPunctuationOrSpace, isSpaceCode } from '../../../../../main/library/import/textPatterns';

describe('isSpaceCode', () => {
  it('agrees with the regex \\s on every code unit of the Basic Multilingual Plane', () => {
    const disagree: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (isSpaceCode(code) !== /\s/u.test(String.fromCharCode(code))) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });
});

describe('compact', () => {
  it('takes out spaces, punctuation and symbols, full-width and half-width alike', () => {
    expect(compact('厦门港:打通物流大通道 服务“海丝核心区”')).toBe('厦门港打通物流大通道服务海丝核心区');
    expect(compact('\u3000《人民日报》(2024年) — 10% ¥5 €')).toBe('人民日报2024年105');
  });

  it('treats a surrogate pair as one character: symbols go, rare ideographs stay', () => {
    expect(compact('𠀀字𝄞,𩸽')).toBe('𠀀字𩸽');
  });

  it('returns the same text when there is nothing to take out', () => {
    expect(compact('晋江公安守护平安')).toBe('晋江公安守护平安');
  });

  it('matches the Unicode-property regex it stands for, on mixed text', () => {
    const samples = ['a b\tc\n', '“引号”「括号」【方括号】', '😀表情🙂', '\ud840孤立代理\udc00', '①②③ ＡＢＣ！？'];
    for (const s of samples) expect(compact(s)).toBe(s.replace(/[\p{P}\p{S}\s]/gu, ''));
  });
});

describe('isPunctuationOrSpace', () => {
  it('answers for single characters, surrogate pairs and the edge of the text', () => {
    expect(isPunctuationOrSpace(undefined)).toBe(true);
    expect([...'，。 “a字1'].map((ch) => isPunctuationOrSpace(ch))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(isPunctuationOrSpace('𝄞')).toBe(true);
    expect(isPunctuationOrSpace('𠀀')).toBe(false);
  });
});
