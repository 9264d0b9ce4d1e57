import { describe, expect, it } from 'vitest';
import {
  nextSentenceEnd,
  previousSentenceEnd,
  sentenceEnds,
} from '../../../renderer/src/features/annotate/sentenceBounds';

describe('sentence ends for keyboard selection', () => {
  it('end after Chinese sentence punctuation, with its closing quotes', () => {
    const text = '他说：“走吧。”我们就走了！真的吗？是的；不过……算了';
    const ends = sentenceEnds(text);
    expect(ends.map((e, i) => text.slice(i === 0 ? 0 : ends[i - 1], e))).toEqual([
      '他说：“走吧。”',
      '我们就走了！',
      '真的吗？',
      '是的；',
      '不过……',
      '算了',
    ]);
  });

  it('take the space after an English sentence, but not a decimal point', () => {
    const text = 'Pi is 3.14 here. Next one? Yes';
    expect(sentenceEnds(text)).toEqual([17, 27, text.length]);
  });

  it('step forward and back from an offset', () => {
    const text = '一。二。三';
    expect(nextSentenceEnd(text, 0)).toBe(2);
    expect(nextSentenceEnd(text, 2)).toBe(4);
    expect(nextSentenceEnd(text, 5)).toBeNull();
    expect(previousSentenceEnd(text, 5)).toBe(4);
    expect(previousSentenceEnd(text, 4)).toBe(2);
    expect(previousSentenceEnd(text, 1)).toBe(0);
    expect(previousSentenceEnd(text, 0)).toBeNull();
  });
});
