import { describe, expect, it } from 'vitest';
import { escapeMarkdownText } from '../../../../../main/library/export/escapeMarkdownText';
import { allNodes, parseMarkdown, structureOf, textOf } from './parseMarkdown';

/** Text that would be Markdown (CommonMark, GFM or Obsidian) if written as it is. */
const hostile = [
  '# 标题',
  '###### six',
  '#话题# 微博话题',
  '> 引用',
  '- 列表',
  '+ 列表',
  '* 列表',
  '1. 第一',
  '2) 第二',
  '123456789. nine digits',
  '---',
  '***',
  '___',
  '===',
  '    indented code',
  '\tindented code',
  '```js',
  '~~~',
  '*强调* **粗体** _斜体_ __粗__',
  'snake_case_name and 2*3*4',
  '`code`',
  '[链接](http://example.com)',
  '[ref]: http://example.com',
  '![图](a.png)',
  '[[wikilink]] ![[embed]]',
  '<b>bold</b> <script>alert(1)</script>',
  '<!-- comment -->',
  '| a | b |',
  '==高亮==',
  '~~删除~~ ~单~',
  '$x^2$ and $$y$$',
  'a\\b\\',
  '%%hidden%%',
  'text ^block-id',
  'footnote[^1]',
  '&amp; &#20013; &copy;',
  'trailing spaces make a break  ',
  '[!note] callout',
  '- [ ] task',
];

describe('escapeMarkdownText', () => {
  it.each(hostile)('writes %j as literal text', (text) => {
    const tree = parseMarkdown(escapeMarkdownText(text));
    expect(structureOf(tree)).toEqual([]);
    expect(textOf(tree)).toBe(text);
  });

  it('keeps every line literal inside a block quote too', () => {
    const text = hostile.join('\n');
    const quoted = escapeMarkdownText(text)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const tree = parseMarkdown(quoted);
    expect(tree.children).toHaveLength(1);
    const quote = tree.children[0]!;
    expect(quote.type).toBe('blockquote');
    expect(structureOf(quote).slice(1)).toEqual(['blockquote'].slice(1));
    expect(textOf(quote)).toBe(text);
  });

  it.each([
    '原文链接:http://www.example.com/a_b',
    'www.example.com',
    '[链接](http://example.com)',
    'mail me@example.com',
    '链接:http://x.com/a_b，下一句',
    'see http://x.com/a(b)). ok',
    '见me@a.com。',
    'http://x.com/a*b*c 下 *强调*',
    ':www.a.com/x_y_z and _this_',
  ])(
    'keeps the bare address in %j exact; GFM may show it as a link to itself, never as Markdown link syntax',
    (text) => {
      const tree = parseMarkdown(escapeMarkdownText(text));
      expect(textOf(tree)).toBe(text);
      const links = allNodes(tree).filter((n) => n.type === 'link');
      expect(links.length).toBeLessThanOrEqual(1);
      for (const link of links) expect(text).toContain(textOf(link));
      expect(structureOf(tree).filter((t) => t !== 'link')).toEqual([]);
    },
  );

  it('leaves ordinary Chinese text alone', () => {
    const text = '晋江市公安局交出的2025年工作答卷,字里行间尽显“平安有感、服务可及”。';
    expect(escapeMarkdownText(text)).toBe(text);
  });

  it('escapes line-start markers only where a line starts', () => {
    expect(escapeMarkdownText('-1 和 1. 都', { lineStart: false, lineEnd: false })).toBe('-1 和 1. 都');
    expect(escapeMarkdownText('-1 和\n1. 都', { lineStart: false, lineEnd: false })).toBe('-1 和\n1\\. 都');
    expect(escapeMarkdownText('  a  ', { lineStart: false, lineEnd: false })).toBe('  a  ');
    expect(escapeMarkdownText('  a  ')).toBe('&#32;&#32;a&#32;&#32;');
  });

  it('escapes a one-column table delimiter row, which would make the line above a table', () => {
    for (const row of [':-:', ':---', ':-- ']) {
      const tree = parseMarkdown(`表头\n${escapeMarkdownText(row)}`);
      expect(structureOf(tree), row).toEqual([]);
      expect(textOf(tree)).toBe(`表头\n${row}`);
    }
  });
});
