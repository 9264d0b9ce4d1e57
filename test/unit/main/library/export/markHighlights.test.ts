import { describe, expect, it } from 'vitest';
import { markedLines, mergeRanges, runLines, type MarkRun } from '../../../../../main/library/export/markHighlights';
import { allNodes, parseMarkdown, structureOf, textOf } from './parseMarkdown';

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

// Issue #12 item 11: after a highlight's `==`, a `www.` address followed by `![t](url)` became a
// remote image, and `[label](url)` a link.
describe('text after or inside a highlight', () => {
  const text = '重点www.example.com![t](http://evil.example/i.png) 和 www.a.cn[label](http://evil.example/) 完';
  const cases: Array<[string, MarkRun[]]> = [
    ['after the highlight', [{ start: 0, end: 2, tags: [] }]],
    ['inside the highlight', [{ start: 2, end: text.length, tags: [] }]],
    ['a highlight ending inside the address', [{ start: 0, end: 8, tags: [] }]],
    ['no highlight', []],
  ];
  it.each(cases)('never becomes an image or a Markdown link (%s)', (_, runs) => {
    const markdown = markedLines(text, runs).join('\n');
    const tree = parseMarkdown(markdown);
    expect(allNodes(tree).filter((n) => n.type === 'image')).toEqual([]);
    // Any link left is an address linked to itself, its text exactly the article's characters.
    expect(structureOf(tree)).toEqual([]);
    expect(textOf(tree).replace(/==/g, '')).toBe(text);
  });
});
