import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  extractHtmlArticle,
  htmlParagraphs,
  type ExtractedHtml,
} from '../../../../../main/library/import/extractHtmlArticle';

// The shared corpus is read in place (never copied into the repo); see ../shared/corpus/README.md.
const corpusDir = path.resolve(process.cwd(), '../shared/corpus/encodings');
const corpusPresent = fs.existsSync(corpusDir);
if (!corpusPresent) {
  console.warn(`extractHtmlArticle: the test corpus ${corpusDir} is absent, so the real-page tests are skipped.`);
}

/** Each corpus file's real encoding, from the corpus README (not what the page declares: qq says gb2312 but is UTF-8). */
const corpusEncodings: Record<string, string> = {
  'cn-readability-gmw.source.html': 'utf-8',
  'cn-readability-gmw.expected.html': 'utf-8',
  'cn-readability-gmw.expected-metadata.json': 'utf-8',
  'cn-readability-qq.source.html': 'utf-8',
  'cn-readability-qq.expected.html': 'utf-8',
  'cn-readability-qq.expected-metadata.json': 'utf-8',
  'cn-cx163-52.gbk.html': 'gbk',
  'cn-cx163-52.expected.gbk.txt': 'gbk',
};

function readCorpus(name: string): string {
  const encoding = corpusEncodings[name];
  if (!encoding) throw new Error(`no known encoding for corpus file ${name}`);
  const text = iconv.decode(fs.readFileSync(path.join(corpusDir, name)), encoding);
  // A replacement character would mean the wrong decoder, and every comparison after it would be moot.
  expect(text, `${name} decodes cleanly as ${encoding}`).not.toContain('\uFFFD');
  return text;
}

interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
}

function readExpectedMetadata(name: string): ExpectedMetadata {
  const parsed: unknown = JSON.parse(readCorpus(name));
  if (typeof parsed !== 'object' || parsed === null || !('title' in parsed) || !('byline' in parsed)) {
    throw new Error(`${name} is not Readability metadata`);
  }
  const { title, byline } = parsed;
  if (typeof title !== 'string' && title !== null) throw new Error(`${name}: title is not a string`);
  if (typeof byline !== 'string' && byline !== null) throw new Error(`${name}: byline is not a string`);
  return { title, byline };
}

function extracted(html: string, fileName: string): ExtractedHtml {
  const result = extractHtmlArticle(html, fileName);
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result;
}

const paragraphsOf = (text: string): string[] => text.split('\n\n');
/** Whitespace differences (indentation, line wrapping) do not count as a mismatch. */
const normalise = (text: string): string => text.replace(/\s+/g, '');

/**
 * Which expected paragraphs appear in the actual ones, in order. `contains` lets one actual paragraph
 * hold an expected one (for an expected text made by a different extractor); otherwise they must be equal.
 */
function matchInOrder(expected: string[], actual: string[], contains: boolean): boolean[] {
  const normalisedActual = actual.map(normalise);
  let from = 0;
  return expected.map((paragraph) => {
    const wanted = normalise(paragraph);
    const index = normalisedActual.findIndex(
      (candidate, i) => i >= from && (contains ? candidate.includes(wanted) : candidate === wanted),
    );
    if (index < 0) return false;
    from = contains ? index : index + 1;
    return true;
  });
}

const ratio = (matches: boolean[]): number => matches.filter(Boolean).length / matches.length;

describe.skipIf(!corpusPresent)('extractHtmlArticle on the real pages of the shared corpus', () => {
  for (const page of ['cn-readability-gmw', 'cn-readability-qq']) {
    it(`${page}: title, byline and paragraphs match Mozilla's expected output`, () => {
      const result = extracted(readCorpus(`${page}.source.html`), `${page}.source.html`);
      const metadata = readExpectedMetadata(`${page}.expected-metadata.json`);
      expect(result.title).toBe(metadata.title);
      expect(result.byline).toBe(metadata.byline);

      const expected = htmlParagraphs(readCorpus(`${page}.expected.html`));
      expect(expected.length).toBeGreaterThan(10);
      const matches = matchInOrder(expected, paragraphsOf(result.text), false);
      expect(matches[0], 'first expected paragraph').toBe(true);
      expect(matches[matches.length - 1], 'last expected paragraph').toBe(true);
      expect(ratio(matches)).toBeGreaterThanOrEqual(0.95);
      expect(result.text).not.toMatch(/<[a-z][^>]*>/i);
    });
  }

  it('cn-cx163-52 (GBK bytes declared gb2312): the article paragraphs match the cx-extractor text', () => {
    const result = extracted(readCorpus('cn-cx163-52.gbk.html'), 'cn-cx163-52.gbk.html');
    expect(result.title).toBe('股市15个交易日股民人均亏41万 抵普通人8年工资_网易财经');
    // 昇 is GBK-only: it survives only if the page was decoded as GBK and extraction kept the text.
    expect(result.text).toContain('昇兴股份');

    const expected = readCorpus('cn-cx163-52.expected.gbk.txt')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const matches = matchInOrder(expected, paragraphsOf(result.text), true);
    expect(matches[0], 'first expected paragraph').toBe(true);
    // cx-extractor's text ends with the page's "related articles" links, which Readability rightly drops.
    expect(ratio(matches)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('extractHtmlArticle never runs or keeps active content', () => {
  const flags = ['__pizhuScriptRan', '__pizhuOnload', '__pizhuClick', '__pizhuImgError', '__pizhuSrcdoc'] as const;
  const first =
    '宇航员在太空中喝酒会怎么样？这是一个很多人都好奇的问题，历史上酒与太空探险有一种复杂的关系，值得仔细说一说。';
  const second =
    '第二段：早期的航天任务曾经允许少量饮酒，后来各国航天机构普遍禁止宇航员在任务期间饮用任何含酒精的饮料。';
  const third =
    '第三段：未来的火星旅行可能持续数年，是否应该允许参与者携带能在火星上发酵自制酒精饮料的设备，仍有争议。';
  const hostile = `<!DOCTYPE html>
<html><head><title>脚本测试页</title>
<style>body { color: red; } .ad { display: none; }</style>
<script>globalThis.__pizhuScriptRan = true; throw new Error('the script ran');</script>
<script src="https://example.com/evil.js"></script>
</head>
<body onload="globalThis.__pizhuOnload = true">
<article>
<p onclick="globalThis.__pizhuClick = true">${first}</p>
<img src=x onerror="globalThis.__pizhuImgError = true">
<iframe srcdoc="<script>parent.__pizhuSrcdoc = true</script><p>框架里的文字</p>" src="https://example.com/"></iframe>
<noscript>请启用JavaScript后再访问本站</noscript>
<object data="movie.swf">对象的备用文字</object><embed src="movie.swf">
<p style="color: blue">${second}</p>
<script>document.write('<p>脚本写入的段落</p>'); globalThis.__pizhuScriptRan = true;</script>
<p>${third}</p>
</article>
</body></html>`;

  it('keeps the article paragraphs and nothing of scripts, handlers, CSS, frames or plugins', async () => {
    const result = extracted(hostile, 'hostile.html');
    // Handlers like onerror would fire asynchronously in a browser: give them a turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const flag of flags) expect(Reflect.get(globalThis, flag), flag).toBeUndefined();

    expect(paragraphsOf(result.text)).toEqual([first, second, third]);
    expect(result.title).toBe('脚本测试页');
    for (const leak of [
      '__pizhu',
      'globalThis',
      'color',
      'display',
      'evil.js',
      'throw',
      '框架里的文字',
      '请启用',
      '对象的备用文字',
      '脚本写入',
    ]) {
      expect(result.text, leak).not.toContain(leak);
    }
    expect(result.excerpt ?? '').not.toContain('__pizhu');
  });

  it('reads the page-wide block text the same way, with the same defences', () => {
    const paragraphs = htmlParagraphs(hostile);
    expect(paragraphs).toEqual([first, second, third]);
  });

  it('keeps JSON-LD only as metadata (it is data, read with JSON.parse), never as text', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '火星上的酒',
      author: { '@type': 'Person', name: '肖春芳' },
      datePublished: '2017-03-10T08:30:00+08:00',
      publisher: { '@type': 'Organization', name: '光明网' },
    });
    const html = `<html><head><title>火星上的酒_光明网</title><script type="application/ld+json">${jsonLd}</script></head>
<body><article><p>${first}</p><p>${second}</p></article></body></html>`;
    const result = extracted(html, 'jsonld.html');
    expect(result.byline).toBe('肖春芳');
    expect(result.publishedTime).toBe('2017-03-10T08:30:00+08:00');
    expect(result.siteName).toBe('光明网');
    expect(result.text).not.toContain('schema.org');
    expect(paragraphsOf(result.text)).toEqual([first, second]);
  });
});

describe('extractHtmlArticle paragraphs', () => {
  it('emits one paragraph per block, nested blocks separately, headings as plain text', () => {
    const html = `<body><h2>一、<em>背景</em></h2>
<div>直接文字<p>嵌套段落</p>尾部文字</div>
<blockquote><p>引文一</p><p>引文二</p></blockquote>
<ul><li>条目一</li><li><p>条目二</p></li></ul>
<figure><img src="a.jpg" alt="图"><figcaption>图注：说明</figcaption></figure>
<pre>代码   一行</pre></body>`;
    expect(htmlParagraphs(html)).toEqual([
      '一、背景',
      '直接文字',
      '嵌套段落',
      '尾部文字',
      '引文一',
      '引文二',
      '条目一',
      '条目二',
      '图注：说明',
      '代码 一行',
    ]);
  });

  it('treats <br> and blank lines in the text as paragraph breaks', () => {
    expect(htmlParagraphs('<p>　　第一段<br>　　第二段<br><br>第三段</p>')).toEqual(['第一段', '第二段', '第三段']);
    expect(htmlParagraphs('<body>\n甲段文字；\n\n乙段文字；\r\n  \r\n丙段文字\n</body>')).toEqual([
      '甲段文字；',
      '乙段文字；',
      '丙段文字',
    ]);
  });

  it('collapses whitespace, dropping a source line break between Chinese characters', () => {
    expect(htmlParagraphs('<p>第一行\n第二行 English\nwords&nbsp;&nbsp;here\t end</p>')).toEqual([
      '第一行第二行 English words here end',
    ]);
    expect(collapseWhitespace('　　开头缩进，中间的　全角空格保留。\u00a0')).toBe('开头缩进，中间的　全角空格保留。');
    expect(collapseWhitespace('中文 English')).toBe('中文 English');
    expect(collapseWhitespace('中文 中文')).toBe('中文 中文');
  });

  it('reads ruby base text without the pinyin annotation', () => {
    expect(htmlParagraphs('<p><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字</p>')).toEqual(['漢字']);
  });

  it('reads fragments, omitted <body> tags and content after </body>', () => {
    expect(extracted('<div><p>片段一</p>片段二</div>', 'fragment.html').text).toBe('片段一\n\n片段二');
    expect(extracted('纯文本，没有标签', 'plain.html').text).toBe('纯文本，没有标签');
    const noBody = extracted('<html><title>标题</title><p>没有body标签的段落</p></html>', 'nobody.html');
    expect(noBody.title).toBe('标题');
    expect(noBody.text).toBe('没有body标签的段落');
    expect(htmlParagraphs('<html><body><p>正文</p></body><div>body之后</div></html><p>html之后</p>')).toEqual([
      '正文',
      'body之后',
      'html之后',
    ]);
  });

  it("falls back to the body's block text and meta tags when Readability finds no article", () => {
    const html = `<html><head><title>页面标题</title>
<meta name="author" content="张三"><meta property="og:site_name" content="示例网">
<meta property="article:published_time" content="2022-08-18 10:00"><meta name="description" content="摘要文字">
</head><body><aside class="sidebar comment">评论区里唯一的文字</aside></body></html>`;
    expect(extractHtmlArticle(html, 'sidebar.html')).toEqual({
      text: '评论区里唯一的文字',
      roles: ['text'],
      title: '页面标题',
      byline: '张三',
      siteName: '示例网',
      publishedTime: '2022-08-18 10:00',
      excerpt: '摘要文字',
      // What page metadata reads, taken from this same parse of the page.
      pageFacts: expect.objectContaining({
        pageTitle: '页面标题',
        meta: new Map([
          ['author', '张三'],
          ['og:site_name', '示例网'],
          ['article:published_time', '2022-08-18 10:00'],
          ['description', '摘要文字'],
        ]),
        lines: ['评论区里唯一的文字'],
      }) as unknown,
    });
  });
});

describe('extractHtmlArticle without article text', () => {
  const noText = [
    ['empty.html', ''],
    ['blank.html', '  \n\t '],
    [
      'scripts.html',
      '<html><head><style>p { color: red }</style></head><body><script>var x = "很多文字";</script><img src="a.jpg" alt="图片"></body></html>',
    ],
    ['hidden.html', '<html><body><div hidden>隐藏的文字</div><div style="display: none">也隐藏</div></body></html>'],
  ] as const;
  for (const [fileName, html] of noText) {
    it(`returns a clear error for ${fileName}`, () => {
      expect(extractHtmlArticle(html, fileName)).toEqual({ error: `No article text was found in "${fileName}".` });
    });
  }
});
