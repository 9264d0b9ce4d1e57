import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../../../../main/library/import/parseArticle';
import { paragraphSeparators, reassembleRaw } from '../../../../../../main/library/import/reassembleRaw';
import { seededRandom, type Random } from '../noisyText';
import { cutRemovals } from '../cutRemovals';

/** Markdown constructs as clippers and hand-written files have them, well-formed and broken. */
const pieces = [
  '---\ntitle: "标题"\nauthor:\n  - "[[作者]]"\n---',
  '---\ntitle: [broken\n---',
  '---',
  '# 一级标题',
  '## 二级标题 ##',
  '标题\n===',
  '#话题# 不是标题',
  '> 引用第一行。\n> 引用第二行。',
  '> - 引用里的列表\n>\n> 第二段',
  '>',
  '- 甲\n- 乙\n  - 丙\n    1. 丁',
  '-',
  '1) 第一\n2) 第二',
  '- [ ] 待办\n- [x] 已办',
  '| 甲 | 乙 |\n|---|:-:|\n| 1 | 2 |\n| 3 |',
  '![说明文字](https://example.com/a.jpg "题注")',
  '![](x.png)',
  '[![](avatar.png)\n\n**名字**\n\n](https://example.com/#)',
  '见[链接文字](https://example.com/a)和<https://example.com/b>以及www.example.com。',
  '[引用式链接][ref]\n\n[ref]: https://example.com',
  '**粗体**、*斜体*、~~删除~~、`代码`、1\\*2、&amp;、&#x4e2d;、&nbsp;',
  '<figure>\n<img src="a.jpg" alt="图">\n<figcaption>图注<em>文字</em></figcaption>\n</figure>',
  '<iframe src="https://example.com/embed"></iframe>',
  '<!-- 注释 -->',
  '<div>\n未闭合的 HTML',
  '{{< video src="https://example.com/v" >}}',
  '{{% notice %}}提示{{% /notice %}}',
  '{% include figure.html %}',
  '```js\nconst a = 1;\n```',
  '```\n未闭合的代码块',
  '    缩进代码',
  '脚注[^1]。\n\n[^1]: 脚注内容。',
  '行末两个空格  \n下一行',
  '行末反斜杠\\\n下一行',
  '\t制表符开头的行',
  '　　全角空格缩进的段落。',
  '**',
  '***',
  '普通的一段话，没有任何标记。',
  '网(wǎng)络(luò)',
];

const separators = ['\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\r', '\n  \n', '\n\t\n'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function markdownDocument(random: Random): string {
  const count = 1 + Math.floor(random() * 12);
  let text = random() < 0.1 ? '\ufeff' : '';
  for (let i = 0; i < count; i++) {
    if (i > 0) text += pick(random, separators);
    text += pick(random, pieces);
  }
  return random() < 0.5 ? text + pick(random, ['\n', '\n\n', '\r\n', ' ']) : text;
}

describe('no character of a Markdown file is lost', () => {
  it('holds for generated documents of every construct, with every line ending', () => {
    const random = seededRandom(20_261_206);
    for (let i = 0; i < 250; i++) {
      const input = markdownDocument(random);
      try {
        const article = parseArticle(input, 'md', 'generated.md');
        expect(reassembleRaw(input, article.paragraphs)).toBe(input);
        for (const gap of paragraphSeparators(
          input,
          article.paragraphs.map((p) => p.raw),
        ))
          expect(gap).toMatch(/^\s*$/u);
        for (const p of article.paragraphs) {
          expect(p.raw.trim()).not.toBe('');
          expect(p.text).toBe(cutRemovals(p.raw, p.removals));
          for (const r of p.removals) expect(r.text).toBe(p.raw.slice(r.start, r.end));
        }
        expect(article.metadata.title.trim()).not.toBe('');
      } catch (error) {
        throw new Error(`case ${i} failed for input ${JSON.stringify(input)}`, { cause: error });
      }
    }
  });
});
