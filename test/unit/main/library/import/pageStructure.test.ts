import { describe, expect, it } from 'vitest';
import { extractHtmlArticle, htmlBlocks } from '../../../../../main/library/import/extractHtmlArticle';
import { parseSource } from '../../../../../main/library/import/prepareImport';

const sentence = '当天上午，记者在现场看到，工作人员正在清理道路，附近居民也自发前来帮忙，现场秩序井然。';

describe('what the markup says each block is', () => {
  it('marks headings, bold headings, captions under a picture, figcaptions, link blocks and text', () => {
    const html = `<body><h2>第一部分</h2><p>${sentence}</p>
      <p><strong>救援与等待</strong></p><p><img src="a.jpg"></p><p>搜救现场。</p>
      <figure><img src="b.jpg"><figcaption>现场的另一张照片</figcaption></figure>
      <p><a href="/x">另一篇新闻的标题</a></p><p>正文里有<a href="/y">一个链接</a>的句子，也是正文。</p></body>`;
    expect(htmlBlocks(html)).toEqual([
      { text: '第一部分', role: 'heading' },
      { text: sentence, role: 'text' },
      { text: '救援与等待', role: 'heading' },
      { text: '搜救现场。', role: 'caption' },
      { text: '现场的另一张照片', role: 'caption' },
      { text: '另一篇新闻的标题', role: 'link' },
      { text: '正文里有一个链接的句子，也是正文。', role: 'text' },
    ]);
  });

  it('gives the extracted article one role per paragraph', () => {
    const page = `<html><head><title>某地发生山火 消防员连夜扑救</title></head><body><article>
      <h1>某地发生山火 消防员连夜扑救</h1><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p></article></body></html>`;
    const extracted = extractHtmlArticle(page, 'page.html');
    if ('error' in extracted) throw new Error(extracted.error);
    expect(extracted.roles).toHaveLength(extracted.text.split('\n\n').length);
  });
});

describe('a saved page is classified by its structure', () => {
  const page = (body: string) =>
    `<html><head><title>山中寻人一个月 家人仍在等待</title></head><body><article>${body}</article></body></html>`;

  it('takes headings from the markup, never from short unpunctuated prose lines', () => {
    // A blog writes its prose as short lines without end punctuation: they are body, not headings,
    // and not fragments cut from a longer sentence.
    const prose = [
      '那年夏天我们一起去了海边看日出',
      '风很大我们在沙滩上坐了很久很久',
      '后来大家各自去了不同的城市生活工作慢慢也就不怎么联系了但我一直记得那一天早上的海',
      '今天整理照片的时候又看到了那张合影',
      '照片里每个人都在笑',
      '我想这就是青春吧',
    ];
    const parsed = parseSource(
      page(`<h2>回忆</h2>${prose.map((l) => `<p>${l}</p>`).join('')}<p>${sentence}</p>`),
      'html',
      'blog.html',
    );
    const kinds = parsed.paragraphs.map((p) => [p.kind, p.text]);
    expect(kinds).toContainEqual(['heading', '回忆']);
    for (const line of prose) expect(kinds).toContainEqual(['body', line]);
    expect(parsed.paragraphs.flatMap((p) => p.flags)).toEqual([]);
  });

  it('makes a caption of the short line under a picture and hides a block of links', () => {
    const parsed = parseSource(
      page(
        `<p>${sentence}</p><p><img src="a.jpg"></p><p>搜救现场。</p><p>${sentence}</p>` +
          `<p>${sentence}</p><p><a href="/1">另一篇新闻的标题</a></p>`,
      ),
      'html',
      'page.html',
    );
    const kinds = parsed.paragraphs.map((p) => [p.kind, p.text]);
    expect(kinds).toContainEqual(['caption', '搜救现场。']);
    expect(kinds).toContainEqual(['boilerplate', '另一篇新闻的标题']);
  });

  it('does not take a caption or a byline above the story for its title', () => {
    const parsed = parseSource(
      page(
        `<p>图为搜救现场。（记者 张三 摄）</p><p>本报记者 李四</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p>`,
      ),
      'html',
      'page.html',
    );
    expect(parsed.paragraphs.map((p) => p.kind)).not.toContain('title');
    expect(parsed.paragraphs[0]?.kind).toBe('caption');
  });
});
