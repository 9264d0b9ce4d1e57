import { describe, expect, it } from 'vitest';
import { markedLines, mergeRanges, runLines } from '../../../../../main/library/export/markHighlights';

describe('mergeRanges', () => {
  it('joins overlapping and touching ranges into one run carrying every tag once', () => {
    expect(
      mergeRanges([
        { start: 5, end: 9, tags: ['b'] },
        { start: 0, end: 3, tags: ['a'] },
        { start: 2, end: 6, tags: ['c', 'a'] },
        { start: 9, end: 10, tags: [] },
        { start: 12, end: 14, tags: ['d'] },
      ]),
    ).toEqual([
      { start: 0, end: 10, tags: ['a', 'c', 'b'] },
      { start: 12, end: 14, tags: ['d'] },
    ]);
  });

  it('drops empty ranges', () => {
    expect(mergeRanges([{ start: 3, end: 3, tags: ['x'] }])).toEqual([]);
  });
});

describe('markedLines', () => {
  it('wraps each run in == and escapes the text around and inside it', () => {
    expect(markedLines('用*互联网*连接', [{ start: 1, end: 6, tags: [] }])).toEqual(['用==\\*互联网\\*==连接']);
  });

  it('closes a run at a line end and opens it again on the next line', () => {
    expect(markedLines('ab\ncd', [{ start: 1, end: 4, tags: [] }])).toEqual(['a==b==', '==c==d']);
    expect(markedLines('ab\r\ncd', [{ start: 1, end: 5, tags: [] }])).toEqual(['a==b==', '==c==d']);
  });

  it('escapes line-start markers only where the text starts a line', () => {
    expect(markedLines('- a\n1. b', [])).toEqual(['\\- a', '1\\. b']);
    expect(markedLines('x- a', [{ start: 0, end: 1, tags: [] }])).toEqual(['==x==- a']);
  });

  it('marks a run that covers the whole text', () => {
    expect(markedLines('全文', [{ start: 0, end: 2, tags: [] }])).toEqual(['==全文==']);
  });

  it('writes just the run for highlights-only exports', () => {
    expect(runLines('前文#话题后文', { start: 2, end: 5, tags: [] })).toEqual(['==\\#话题==']);
  });
});
