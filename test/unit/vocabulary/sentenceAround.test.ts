import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../../renderer/src/features/dictionary/sentenceAround';

describe('the sentence a vocabulary word was found in', () => {
  const text = '他说：“我今天坐出租车。”然后他走了！  下班后他用互联网学习……第二天又来了';

  it('is bounded by Chinese sentence punctuation, with the closing quote kept and the spaces after it left out', () => {
    const at = text.indexOf('出租车');
    expect(sentenceAround(text, at, at + 3)).toEqual({ sentence: '他说：“我今天坐出租车。”', offset: 8 });
    const later = text.indexOf('走了');
    expect(sentenceAround(text, later, later + 2)).toEqual({ sentence: '然后他走了！', offset: 3 });
  });

  it('ends at an ellipsis, and the last sentence runs to the end of the paragraph', () => {
    const net = text.indexOf('互联网');
    expect(sentenceAround(text, net, net + 3)).toEqual({ sentence: '下班后他用互联网学习……', offset: 5 });
    const next = text.indexOf('第二天');
    expect(sentenceAround(text, next, next + 3)).toEqual({ sentence: '第二天又来了', offset: 0 });
  });

  it('holds the word at its offset even when the word crosses a sentence end', () => {
    const across = text.indexOf('车。');
    const { sentence, offset } = sentenceAround(text, across, across + 4);
    expect(sentence.slice(offset, offset + 4)).toBe('车。”然');
  });
});
