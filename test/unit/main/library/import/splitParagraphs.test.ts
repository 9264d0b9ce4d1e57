import { describe, expect, it } from 'vitest';
import { detectWrapWidth, splitParagraphs } from '../../../../../main/library/import/splitParagraphs';
import { paragraphSeparators, reassembleRaw } from '../../../../../main/library/import/reassembleRaw';

describe('splitParagraphs', () => {
  it('makes each non-blank line a paragraph, blank lines or not', () => {
    const text = '\n\n标题\n\n第一段。\n第二段。\n \u3000\n\n第三段。\n';
    const spans = splitParagraphs(text, 'txt');
    expect(spans.map((s) => s.raw)).toEqual(['标题', '第一段。', '第二段。', '第三段。']);
    expect(spans.map((s) => [s.blankLinesBefore, s.blankLinesAfter])).toEqual([
      [2, 1],
      [1, 0],
      [0, 2],
      [2, 1],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.start + s.raw.length)).toBe(s.raw);
  });

  it('keeps indentation and trailing spaces in the raw text', () => {
    expect(splitParagraphs('\u3000\u3000缩进的段落。  \r\n下一段', 'txt').map((s) => s.raw)).toEqual([
      '\u3000\u3000缩进的段落。  ',
      '下一段',
    ]);
  });

  it('joins the lines of a hard-wrapped paragraph, and only those', () => {
    const width = '一二三四五六七八九十一二三四五六七八九十';
    const text = [width, width, '结束了。', width, '同样结束。', '', width, '最后一行'].join('\n');
    const spans = splitParagraphs(text, 'txt');
    expect(spans.map((s) => s.raw)).toEqual([
      `${width}\n${width}\n结束了。`,
      `${width}\n同样结束。`,
      `${width}\n最后一行`,
    ]);
  });

  it('never joins Markdown headings or list items to their neighbours', () => {
    const width = '一二三四五六七八九十一二三四五六七八九十';
    const text = ['# 标题', width, width, '- 列表项', width, width].join('\n');
    expect(splitParagraphs(text, 'md').map((s) => s.raw)).toEqual([
      '# 标题',
      `${width}\n${width}`,
      '- 列表项',
      `${width}\n${width}`,
    ]);
  });
});

describe('detectWrapWidth', () => {
  it('finds the width most lines stop at, and nothing in ragged text', () => {
    const wrapped = [
      '一二三四五六七八九十一二三四五六七八九十',
      '一二三四五六七八九十一二三四五六七八九十',
      '短。',
      '一二三四五六七八九十一二三四五六七八九十',
      '一二',
    ];
    expect(detectWrapWidth(wrapped.map((text) => ({ text })))).toBe(40);
    const ragged = [
      '短的一行。',
      '这是一个长得多的段落，一直写到这里才结束。',
      '中等长度的一行文字。',
      '又一行。',
      '再来一行比较长的文字内容在这里结束。',
    ];
    expect(detectWrapWidth(ragged.map((text) => ({ text })))).toBeNull();
  });
});

describe('reassembleRaw', () => {
  it('gives back the input from the raws and the whitespace between them', () => {
    const input = '\ufeff\n标题\r\n\r\n \u3000\r\n正文。\n\n';
    const raws = splitParagraphs(input, 'txt').map((s) => ({ raw: s.raw }));
    expect(
      paragraphSeparators(
        input,
        raws.map((r) => r.raw),
      ),
    ).toEqual(['\ufeff\n', '\r\n\r\n \u3000\r\n', '\n\n']);
    expect(reassembleRaw(input, raws)).toBe(input);
  });

  it('refuses paragraphs that lost text', () => {
    expect(() => reassembleRaw('甲。\n乙。\n丙。', [{ raw: '甲。' }, { raw: '丙。' }])).toThrow(
      /belongs to no paragraph/u,
    );
    expect(() => reassembleRaw('甲。\n乙。', [{ raw: '甲。' }, { raw: '丁。' }])).toThrow(/not in the input/u);
  });
});
