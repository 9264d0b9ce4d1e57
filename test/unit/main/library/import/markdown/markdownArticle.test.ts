import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../../../../main/library/import/parsedArticle';
import { parseArticle } from '../../../../../../main/library/import/parseArticle';
import { reassembleRaw } from '../../../../../../main/library/import/reassembleRaw';

/** Parses as a `.md` file and checks that no character of the input is lost on the way. */
function parseMd(input: string): ParsedArticle {
  const article = parseArticle(input, 'md', 'clip.md');
  expect(reassembleRaw(input, article.paragraphs)).toBe(input);
  return article;
}

/** What the reader shows: the reading text of every paragraph that is not hidden, with its kind. */
function shown(article: ParsedArticle): string[] {
  return article.paragraphs.filter((p) => p.kind !== 'boilerplate').map((p) => `${p.kind}: ${p.text}`);
}

function hidden(article: ParsedArticle): { raw: string; flags: string[] }[] {
  return article.paragraphs.filter((p) => p.kind === 'boilerplate').map((p) => ({ raw: p.raw, flags: p.flags }));
}

const body = '记者走访了三个村庄，村民们说今年的收成比去年好得多，粮食价格也比较稳定，大家都很高兴。';

describe('Markdown front matter', () => {
  const clip = [
    '---',
    'title: "乡村见闻"',
    'source: "https://example.com/news/123"',
    'author:',
    '  - "[[王小明]]"',
    '  - "[[李华]]"',
    'published: 2024-03-05',
    'created: 2024-06-01',
    'description: "三个村庄的秋收。"',
    'tags:',
    '  - "农村"',
    '---',
    '',
    body,
  ].join('\n');

  it('becomes metadata, never reading text', () => {
    const article = parseMd(clip);
    expect(article.metadata).toMatchObject({
      title: '乡村见闻',
      titleInferred: false,
      author: '王小明、李华',
      publishedAt: '2024-03-05',
      url: 'https://example.com/news/123',
      subtitle: '三个村庄的秋收。',
    });
    expect(shown(article)).toEqual([`body: ${body}`]);
  });

  it('stays in the raw text, hidden whole as markup', () => {
    const [front] = hidden(parseMd(clip));
    expect(front?.raw).toBe(clip.slice(0, clip.indexOf('\n---') + 4));
    expect(front?.flags).toEqual(['markup']);
  });

  it('gives the clipping day (created) as no publication date', () => {
    const article = parseMd(['---', 'title: 题目', 'created: 2024-06-01', '---', body].join('\n'));
    expect(article.metadata.publishedAt).toBeNull();
  });

  it('reads a named outlet, a role before a name, an original address before an archive copy', () => {
    const article = parseMd(
      [
        '---',
        'title: 题目',
        'author: "記者陳大文"',
        'site_name: 某某日报',
        'url: "https://web.archive.org/web/2021/https://example.com/a/1"',
        'original_url: "https://example.com/a/1"',
        'date: "2019-12-02"',
        '---',
        body,
      ].join('\n'),
    );
    expect(article.metadata).toMatchObject({
      author: '陳大文',
      source: '某某日报',
      url: 'https://example.com/a/1',
      publishedAt: '2019-12-02',
    });
  });

  it('leaves empty values empty and survives YAML that does not parse', () => {
    const empty = parseMd(['---', 'title: "题目"', 'date: ""', 'author: ""', '---', body].join('\n'));
    expect(empty.metadata).toMatchObject({ author: null, publishedAt: null });
    const broken = parseMd(['---', 'title: [unclosed', ': : :', '---', body].join('\n'));
    expect(hidden(broken)[0]?.flags).toEqual(['markup']);
    expect(shown(broken)).toContain(`body: ${body}`);
  });

  it('takes the headline that the front matter names as the title, with the site suffix cut', () => {
    const article = parseMd(['---', 'title: "秋收见闻_科技_某某网"', '---', '', '## 秋收见闻', '', body].join('\n'));
    expect(article.metadata.title).toBe('秋收见闻');
    expect(shown(article)[0]).toBe('title: 秋收见闻');
  });

  it('takes the outlet a dated byline links to its home page, and an outlet given as the author is no author', () => {
    const article = parseMd(
      [
        '---',
        'title: "题目"',
        'author:',
        '  - "[[某某周刊]]"',
        '---',
        '[某某周刊](https://mp.example.com/) *2025年08月21日 08:04*',
        '',
        body,
      ].join('\n'),
    );
    expect(article.metadata).toMatchObject({ source: '某某周刊', author: null });
  });

  it('takes no outlet from a link to a person’s page', () => {
    const toAuthor = parseMd(['# 题目', '', '[王小明](https://example.com/author/wang) 2025年08月21日', '', body].join('\n'));
    expect(toAuthor.metadata.source).toBeNull();
  });

  it('keeps every character with CRLF line ends and a BOM', () => {
    const crlf = `\ufeff${clip.replace(/\n/gu, '\r\n')}\r\n`;
    const article = parseMd(crlf);
    expect(article.metadata.title).toBe('乡村见闻');
    expect(shown(article)).toEqual([`body: ${body}`]);
  });
});

describe('Markdown blocks', () => {
  it('reads headings without their marks, and #tags are no heading', () => {
    const article = parseMd(['# 大标题', '', body, '', '## 第二节 ##', '', '#话题# 不是标题'].join('\n'));
    expect(shown(article)).toEqual(['title: 大标题', `body: ${body}`, 'heading: 第二节', 'body: #话题# 不是标题']);
    expect(article.paragraphs[2]?.removals.every((r) => r.reason === 'markup')).toBe(true);
  });

  it('reads a block quote line by line without its > marks', () => {
    const article = parseMd([body, '', '> 他说：“今年很好。”', '> 她说：“明年更好。”'].join('\n'));
    expect(shown(article).slice(1)).toEqual(['body: 他说：“今年很好。”', 'body: 她说：“明年更好。”']);
  });

  it('reads list items, nested ones too, without their markers', () => {
    const article = parseMd([body, '', '- 第一条', '- 第二条', '  1. 第二条之一'].join('\n'));
    expect(shown(article).slice(1)).toEqual(['body: 第一条', 'body: 第二条', 'body: 第二条之一']);
  });

  it('reads a table row by row, cells apart, the delimiter row hidden', () => {
    const article = parseMd([body, '', '| 村庄 | 产量 |', '|---|---|', '| 东村 | 300 |'].join('\n'));
    expect(shown(article).slice(1)).toEqual(['body: 村庄 产量', 'body: 东村 300']);
    expect(article.paragraphs[1]?.raw).toBe('| 村庄 | 产量 |\n|---|---|');
  });

  it('shows a link as its words, the address hidden', () => {
    const article = parseMd(`据[新华社报道](https://example.com/a "标题")，${body}`);
    expect(article.paragraphs[0]?.text).toBe(`据新华社报道，${body}`);
    expect(article.paragraphs[0]?.removals.map((r) => r.text)).toEqual(['[', '](https://example.com/a "标题")']);
  });

  it('shows emphasis, code, escapes and entities as the words they stand for', () => {
    const article = parseMd(`**粗体**和*斜体*、\`代码\`、1\\*2 与 A&amp;B，${body}`);
    expect(article.paragraphs[0]?.text).toBe(`粗体和斜体、代码、1*2 与 A&B，${body}`);
  });

  it('makes a picture with a caption a caption, and hides a picture without one', () => {
    const article = parseMd(
      [body, '', '![村民在田里收割稻谷](https://example.com/1.jpg)', '', '![](https://example.com/2.jpg)', '', body].join('\n'),
    );
    expect(article.paragraphs.map((p) => p.kind)).toEqual(['body', 'caption', 'boilerplate', 'body']);
    expect(article.paragraphs[1]?.text).toBe('村民在田里收割稻谷');
    expect(article.paragraphs[2]?.flags).toEqual(['markup']);
  });

  it('makes the line under a picture a caption when it reads as one', () => {
    const article = parseMd(
      [body, '', '![图片](https://example.com/1.jpg)', '', '▲ 收割后的稻田。', '', '![](x.png)', '', '*图为东村村口*', '', body].join('\n'),
    );
    expect(article.paragraphs.map((p) => p.kind)).toEqual(['body', 'boilerplate', 'caption', 'boilerplate', 'caption', 'body']);
    expect(article.paragraphs[4]?.text).toBe('图为东村村口');
  });

  it('hides raw HTML as markup, and keeps a figure’s caption as a caption', () => {
    const article = parseMd(
      [
        body,
        '',
        '<figure>',
        '<img src="https://example.com/1.jpg" alt="">',
        '<figcaption>东村的稻田。<em>王小明</em>摄</figcaption>',
        '</figure>',
        '',
        '<iframe src="https://example.com/embed/1"></iframe>',
        '',
        body,
      ].join('\n'),
    );
    expect(article.paragraphs.map((p) => p.kind)).toEqual(['body', 'caption', 'boilerplate', 'body']);
    expect(article.paragraphs[1]?.text).toBe('东村的稻田。王小明摄');
    expect(article.paragraphs[2]?.flags).toEqual(['markup']);
  });

  it('reads words wrapped in an HTML block as text, its tags hidden', () => {
    const article = parseMd([body, '', '<div class="note">', '<p>村民们自发组织了收割队。</p>', '</div>', '', body].join('\n'));
    expect(article.paragraphs[1]?.text.trim()).toBe('村民们自发组织了收割队。');
    expect(article.paragraphs[1]?.kind).toBe('body');
  });

  it('hides shortcodes as markup', () => {
    const article = parseMd(
      [body, '', '{{< video src="https://example.com/v.mp4" >}}', '', '{% include figure.html %}', '', body].join('\n'),
    );
    expect(article.paragraphs.map((p) => p.kind)).toEqual(['body', 'boilerplate', 'boilerplate', 'body']);
    expect(article.paragraphs[1]?.raw).toBe('{{< video src="https://example.com/v.mp4" >}}');
    expect(article.paragraphs[1]?.flags).toEqual(['markup']);
  });

  it('hides thematic breaks, stray emphasis marks and link definitions', () => {
    const article = parseMd([body, '', '---', '', '**', '', '[1]: https://example.com', '', body].join('\n'));
    expect(article.paragraphs.map((p) => p.kind)).toEqual(['body', 'boilerplate', 'boilerplate', 'boilerplate', 'body']);
    expect(article.paragraphs.slice(1, 4).every((p) => p.flags.includes('markup'))).toBe(true);
  });

  it('keeps a fenced code block’s lines, its fences hidden', () => {
    const article = parseMd([body, '', '```js', 'const a = 1;', '```'].join('\n'));
    expect(article.paragraphs[1]?.text).toBe('const a = 1;');
  });

  it('keeps one paragraph per line, as scraped text has, unless the file is hard-wrapped', () => {
    const article = parseMd('第一段，村里很热闹。\n第二段，大家都来了。\n第三段，晚上放电影。');
    expect(shown(article).map((s) => s.replace(/^\w+: /u, ''))).toEqual([
      '第一段，村里很热闹。',
      '第二段，大家都来了。',
      '第三段，晚上放电影。',
    ]);
  });
});

describe('a Markdown file the parser would take too long on', () => {
  it('is read line by line when it nests too deep or piles up marks, in good time and losing nothing', () => {
    const hostile = [
      `${'>'.repeat(20_000)} 深`,
      Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n'),
      `${'*'.repeat(50_000)}字${'*'.repeat(50_000)}`,
      `${'['.repeat(30_000)}字${'](x)'.repeat(30_000)}`,
    ];
    for (const input of hostile) {
      const started = performance.now();
      const article = parseMd(input);
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(article.paragraphs.some((p) => p.text.includes('字') || p.text.includes('深') || p.text.includes('项'))).toBe(true);
    }
  });

  it('is read line by line in good time, the front matter still metadata and hidden, # headings still headings', () => {
    const front = ['---', 'title: "一本书"', 'author: 张三', '---', ''].join('\r\n');
    const chapter = `## 第一章\n\n${body}\n\n`;
    const input = `\ufeff${front}${chapter.repeat(Math.ceil(2_100_000 / chapter.length))}`;
    const started = performance.now();
    const article = parseMd(input);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(article.metadata).toMatchObject({ title: '一本书', author: '张三' });
    expect(article.paragraphs[0]).toMatchObject({ kind: 'boilerplate', flags: ['markup'] });
    expect(article.paragraphs[1]).toMatchObject({ kind: 'heading', text: '第一章' });
    expect(article.paragraphs[2]?.text).toBe(body);
  });
});
