import { describe, expect, it } from 'vitest';
import { flagDuplicates } from '../../../../../main/library/import/flagDuplicates';
import { flagFragments, startsMidSentence } from '../../../../../main/library/import/flagFragments';
import { workingParagraph, type WorkingParagraph } from '../../../../../main/library/import/workingParagraph';

function paragraphs(...raws: string[]): WorkingParagraph[] {
  return raws.map((raw) => workingParagraph({ raw, start: 0, blankLinesBefore: 0, blankLinesAfter: 0 }));
}

describe('startsMidSentence', () => {
  it('sees a quote closed that was never opened, or a start on punctuation', () => {
    expect(startsMidSentence('服务发展”的立体巡防体系。“大姐,平时可别乱点!”')).toBe(true);
    expect(startsMidSentence(',而且越来越好。')).toBe(true);
    expect(startsMidSentence('”他说。')).toBe(true);
  });

  it('accepts balanced quotes and closers after the first sentence', () => {
    expect(startsMidSentence('“每位新警报到后的‘第一站’是荣誉馆。”晋江市公安局说。')).toBe(false);
    expect(startsMidSentence('这是第一句。后面”不成对也不算。')).toBe(false);
  });
});

describe('flagFragments', () => {
  it('flags body paragraphs that start or stop mid-sentence, nothing else', () => {
    const ps = paragraphs(
      '服务发展”的立体巡防体系。',
      '这一段很长而且没有结束的标点符号它就这样在一个字上面停住了然后什么也没有再写下去了就这样',
      '完整的一段。',
      '短标题',
    );
    const heading = ps[3];
    if (heading) heading.kind = 'heading';
    flagFragments(ps);
    expect(ps.map((p) => p.flags)).toEqual([['fragment'], ['fragment'], [], []]);
  });
});

describe('flagDuplicates', () => {
  it('flags later copies of a whole paragraph (whitespace aside), not short repeats or boilerplate', () => {
    const ps = paragraphs(
      '“以前办理员工居住证,企业备案要跑多个窗口。”',
      '图片',
      '“以前办理员工居住证,\n  企业备案要跑多个窗口。”',
      '图片',
      '版权所有,未经许可不得转载本网站内容。',
      '版权所有,未经许可不得转载本网站内容。',
    );
    for (const p of ps.slice(4)) p.kind = 'boilerplate';
    flagDuplicates(ps);
    expect(ps.map((p) => p.flags)).toEqual([[], [], ['duplicate'], [], [], []]);
  });
});
