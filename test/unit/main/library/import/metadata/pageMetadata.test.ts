import { describe, expect, it } from 'vitest';
import { extractHtmlArticle } from '../../../../../../main/library/import/extractHtmlArticle';
import { readPageMetadata } from '../../../../../../main/library/import/metadata/pageMetadata';

/** The page's metadata; the import's way, from the facts extraction read in its own parse of the page, reads the same. */
function read(html: string, taiwan = false) {
  const own = readPageMetadata(html, taiwan);
  const extracted = extractHtmlArticle(html, 'page.html');
  if (!('error' in extracted)) {
    expect(extracted.pageFacts).toBeTruthy();
    expect(readPageMetadata(html, taiwan, extracted.pageFacts)).toEqual(own);
  }
  return own;
}

describe('readPageMetadata', () => {
  it('reads <meta>, canonical and the title without its site suffix', () => {
    const page = `<html><head><title>某地暴雨致交通中断_社会_某某网</title>
      <meta property="og:title" content="某地暴雨致交通中断">
      <meta property="article:published_time" content="2019-09-09T16:19:00+08:00">
      <meta name="author" content="张三"><meta name="source" content="某某日报">
      <link rel="canonical" href="https://news.example.com/a/1.html"></head>
      <body><h1>某地暴雨致交通中断</h1><p>正文。</p></body></html>`;
    expect(read(page)).toEqual({
      title: '某地暴雨致交通中断',
      source: '某某日报',
      author: '张三',
      publishedAt: '2019-09-09',
      url: 'https://news.example.com/a/1.html',
    });
  });

  it('never takes an outlet, a URL or an e-mail placeholder in name=author for the author', () => {
    for (const author of ['三立新聞網', 'https://www.facebook.com/news', 'name, email@gmail.com']) {
      const page = `<html><head><title>標題</title><meta name="author" content="${author}"></head><body><p>內文。</p></body></html>`;
      expect(read(page).author, author).toBeNull();
    }
  });

  it('reads JSON-LD when the head has no meta, and the header lines around the headline', () => {
    const page = `<html><head><title>一条新闻_半月谈</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"一条新闻","datePublished":"2020-01-02","url":"http://x.cn/1"}</script>
      </head><body><div>导航 首页</div><h2>一条新闻</h2><div>2020-01-02 17:11</div><div>来源：半月谈网</div>
      <div>半月谈记者 史卫燕</div><p>正文第一段，写得足够长。</p></body></html>`;
    expect(read(page)).toMatchObject({
      source: '半月谈网',
      author: '史卫燕',
      publishedAt: '2020-01-02',
      url: 'http://x.cn/1',
    });
  });

  it('takes the date line beside the headline, not the newest date on the page', () => {
    const page = `<html><head><title>旧闻一则 - 某网</title></head><body>
      <div>2024年10月30日 热门新闻列表</div><h1>旧闻一则</h1><div>2016年03月19日 08:15 来源：某某社</div>
      <p>正文。</p></body></html>`;
    expect(read(page)).toMatchObject({ title: '旧闻一则', publishedAt: '2016-03-19', source: '某某社' });
  });

  it('reads the URL of a crawl-archive wrapper and refuses a relative one', () => {
    const wrapped =
      '<text id="http://a.example.cn/x/1.shtml" title="t"><html><head><title>标题</title><meta name="Url" content="./t1.shtml"></head><body><p>正文。</p></body></html></text>';
    expect(read(wrapped).url).toBe('http://a.example.cn/x/1.shtml');
    expect(
      read('<html><head><meta name="Url" content="./t1.shtml"></head><body><p>正文。</p></body></html>').url,
    ).toBeNull();
  });

  it('reads ROC dates on Taiwanese pages', () => {
    const page =
      '<html><head><title>新聞</title><meta name="pubdate" content="108/03/06"></head><body><p>內文。</p></body></html>';
    expect(read(page, true).publishedAt).toBe('2019-03-06');
    expect(read(page, false).publishedAt).toBeNull();
  });

  it('is deterministic and never throws on hostile pages', () => {
    const huge = 'x'.repeat(2_000_000);
    const hostile = [
      `<html><head><meta name="author" content="${huge}"><meta property="og:url" content="http://${huge}"><title>${huge}</title></head><body><p>a</p></body></html>`,
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":</script></head><body><p>a</p></body></html>',
      `<html><head><script type="application/ld+json">${'['.repeat(100_000)}</script></head><body></body></html>`,
      '<text id="',
      '',
      '<<<>>>&&&<meta content=>',
      `<a href="share.php?url=http%3A%2F%2F%E0%A4%A">x</a>`.repeat(500),
    ];
    for (const html of hostile) {
      const first = read(html);
      expect(read(html)).toEqual(first);
      expect(first.author).toBeNull();
    }
  });
});

describe('readPageMetadata on a wide page', () => {
  it('reads a page of 20,000 sibling paragraphs in linear time (was quadratic: a minute for 1.5 MB)', () => {
    const p = '<p>今年以来全市共查处案件十二起，涉案金额较去年同期明显下降。</p>';
    const html = `<html><head><title>标题一则 - 某网</title></head><body><h1>标题一则</h1><div>2020-01-02 来源：某某网</div>${p.repeat(20_000)}</body></html>`;
    const started = performance.now();
    expect(readPageMetadata(html)).toMatchObject({ title: '标题一则', publishedAt: '2020-01-02', source: '某某网' });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('readPageMetadata <time>', () => {
  it('reads a <time> marked as the publication time, or the only one, never one of a list', () => {
    const one =
      '<html><head><title>t</title></head><body><time datetime="2020-05-06T10:00">5月6日</time><p>正文。</p></body></html>';
    expect(read(one).publishedAt).toBe('2020-05-06');
    const list =
      '<html><head><title>t</title></head><body><time datetime="2020-05-06">a</time><time datetime="2021-01-01">b</time></body></html>';
    expect(read(list).publishedAt).toBeNull();
  });
});
