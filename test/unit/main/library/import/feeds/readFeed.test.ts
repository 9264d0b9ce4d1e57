import { describe, expect, it } from 'vitest';
import { feedAuthor, feedDate, readFeed } from '../../../../../../main/library/import/feeds/readFeed';
import { maxXmlDepth, xmlProblem } from '../../../../../../main/library/import/feeds/xmlProblem';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>城市晚报 · 要闻</title>
  <link>https://news.example.cn/</link>
  <item>
    <title>社区图书馆延长开放时间</title>
    <link>https://news.example.cn/a/1.html</link>
    <dc:creator>张晓明</dc:creator>
    <pubDate>Mon, 06 Sep 2021 23:45:00 +0800</pubDate>
    <description><![CDATA[<p>摘要：图书馆开到晚上九点。</p>]]></description>
    <content:encoded><![CDATA[<p>本报讯 社区图书馆从本月起延长开放时间。</p><p>馆长说，居民希望晚上也能来看书。</p>]]></content:encoded>
  </item>
  <item>
    <title>第二条</title>
    <atom:link xmlns:atom="http://www.w3.org/2005/Atom" href="https://news.example.cn/feed" rel="self"/>
    <link>https://news.example.cn/a/2.html</link>
    <guid isPermaLink="true">https://news.example.cn/a/2.html</guid>
    <author>desk@example.cn (李华)</author>
    <description>&lt;p&gt;只有摘要的条目。&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">讀書筆記</title>
  <entry>
    <title type="html">&lt;b&gt;臺北&lt;/b&gt; 書展開幕 &amp;amp; 簽書會</title>
    <link rel="self" href="https://blog.example.tw/feed/1"/>
    <link rel="alternate" href="https://blog.example.tw/2024/02/book-fair"/>
    <author><name>王小明</name></author>
    <author><name>陳美玲</name></author>
    <updated>2024-02-08T10:00:00+08:00</updated>
    <published>2024-02-06T09:30:00+08:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>書展今天在臺北開幕。</p><p>展期六天。</p></div></content>
  </entry>
  <entry>
    <title>純文字</title>
    <link href="https://blog.example.tw/2024/02/plain"/>
    <summary>第一行 &amp; 第二個詞
第二行</summary>
  </entry>
</feed>`;

/** Why readFeed refuses `xml`, or null when it reads it. */
function errorOf(xml: string): string | null {
  const feed = readFeed(xml);
  return 'error' in feed ? feed.error : null;
}

describe('readFeed', () => {
  it('reads an RSS 2.0 feed: its title, and each item with link, author, date and content from CDATA', () => {
    const feed = readFeed(rss);
    if ('error' in feed) throw new Error(feed.error);
    expect(feed.title).toBe('城市晚报 · 要闻');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      title: '社区图书馆延长开放时间',
      link: 'https://news.example.cn/a/1.html',
      author: '张晓明',
      date: '2021-09-06 23:45',
      html: '<p>本报讯 社区图书馆从本月起延长开放时间。</p><p>馆长说，居民希望晚上也能来看书。</p>',
    });
    // The item's own <link>, not an <atom:link> beside it; an e-mail author names the person in brackets; escaped HTML is read as HTML.
    expect(feed.items[1]).toMatchObject({
      link: 'https://news.example.cn/a/2.html',
      author: '李华',
      date: null,
      html: '<p>只有摘要的条目。</p>',
    });
  });

  it('reads an Atom feed: the alternate link, every author, the published date, XHTML and text content', () => {
    const feed = readFeed(atom);
    if ('error' in feed) throw new Error(feed.error);
    expect(feed.title).toBe('讀書筆記');
    expect(feed.items[0]).toMatchObject({
      title: '臺北 書展開幕 & 簽書會',
      link: 'https://blog.example.tw/2024/02/book-fair',
      author: '王小明、陳美玲',
      date: '2024-02-06T09:30:00+08:00',
    });
    expect(feed.items[0]!.html).toContain('<p>書展今天在臺北開幕。</p>');
    expect(feed.items[1]).toMatchObject({ link: 'https://blog.example.tw/2024/02/plain', author: null });
    expect(feed.items[1]!.html).toBe('<p>第一行 &amp; 第二個詞</p>\n<p>第二行</p>');
  });

  it('reads the HTML characters feeds put in text (&nbsp;, &ldquo;) and escape twice (&amp;amp;)', () => {
    const feed = readFeed(
      '<rss><channel><title>A &amp;amp; B</title><item><title>“十四五”&nbsp;规划&ldquo;开局&rdquo;&hellip;</title>' +
        '<description>正文。</description></item></channel></rss>',
    );
    if ('error' in feed) throw new Error(feed.error);
    expect(feed.title).toBe('A & B');
    expect(feed.items[0]!.title).toBe('“十四五” 规划“开局”…');
  });

  it('takes a permalink guid as the link when an item has none', () => {
    const feed = readFeed(
      '<rss><channel><item><guid>https://x.example/p/1</guid><description>正文。</description></item>' +
        '<item><guid isPermaLink="false">tag:x,1</guid><description>正文。</description></item></channel></rss>',
    );
    if ('error' in feed) throw new Error(feed.error);
    expect(feed.items.map((i) => i.link)).toEqual(['https://x.example/p/1', null]);
  });

  it('reads RSS 1.0 (RDF), whose items stand beside the channel', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel><title>站点</title></channel>
<item><title>一</title><link>https://x.example/1</link><description>正文一。</description></item>
</rdf:RDF>`;
    const feed = readFeed(rdf);
    if ('error' in feed) throw new Error(feed.error);
    expect(feed.title).toBe('站点');
    expect(feed.items.map((i) => i.link)).toEqual(['https://x.example/1']);
  });

  it('refuses broken XML with where it breaks, and XML that is no feed with its root', () => {
    const cut = rss.slice(0, rss.indexOf('</item>'));
    expect(errorOf(cut)).toMatch(/not well-formed XML: it ends before <item> is closed/u);
    const crossed = '<rss><channel><item><title>x</item></title></channel></rss>';
    expect(errorOf(crossed)).toMatch(/<\/item> on line 1 closes <title>, which is still open/u);
    expect(errorOf('<?xml version="1.0"?><svg><g/></svg>')).toBe(
      'it is XML but not an RSS or Atom feed (its root element is <svg>)',
    );
    expect(errorOf('just some text')).toMatch(/text outside the root element/u);
  });
});

describe('xmlProblem', () => {
  it('accepts comments, CDATA holding tags, a DOCTYPE with an internal subset and quoted ">" in attributes', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY a "b"> ]>
<!-- a comment with <tags> -->
<rss a="x > y"><channel><item><description><![CDATA[<p>unclosed <b> in CDATA]]></description></item><br/></channel></rss>`;
    expect(xmlProblem(xml)).toBeNull();
  });

  it('finds an unclosed comment, a second root and a stray "<" by line', () => {
    expect(xmlProblem('<a>\n<!-- open\n</a>')).toMatch(/comment that starts on line 2 is never closed/u);
    expect(xmlProblem('<a/>\n<b/>')).toMatch(/second root element <b> starts on line 2/u);
    expect(xmlProblem('<a>\n\n1 < 2</a>')).toMatch(/"<" on line 3 starts no tag/u);
  });

  it('stays linear on a hostile file, and refuses nesting deeper than the parser can take in time', () => {
    const wide = `<rss>${'<item><title>x</title></item>'.repeat(200_000)}</rss>`;
    const started = performance.now();
    expect(xmlProblem(wide)).toBeNull();
    expect(xmlProblem(wide.slice(0, -6))).toMatch(/ends before <rss> is closed/u);
    expect(performance.now() - started).toBeLessThan(2000);
    const fine = `${'<d>'.repeat(maxXmlDepth)}${'</d>'.repeat(maxXmlDepth)}`;
    expect(xmlProblem(fine)).toBeNull();
    const deep = `${'<d>'.repeat(100_000)}${'</d>'.repeat(100_000)}`;
    expect(xmlProblem(deep)).toMatch(new RegExp(`nest more than ${maxXmlDepth} deep \\(line 1\\)`, 'u'));
    expect(errorOf(`<rss><channel>${deep}</channel></rss>`)).toMatch(/nest more than/u);
  });
});

describe('feed values', () => {
  it('writes RFC 822 dates as the day and time written, and names no one for a bare address', () => {
    expect(feedDate('Tue, 5 Mar 2019 08:18:00 GMT')).toBe('2019-03-05 08:18');
    expect(feedDate('06 Sep 21 16:45 +0800')).toBe('2021-09-06 16:45');
    expect(feedDate('2019-03-05T08:18:00Z')).toBe('2019-03-05T08:18:00Z');
    expect(feedAuthor('editor@example.cn')).toBeNull();
    expect(feedAuthor('张三 <zhang@example.cn>')).toBe('张三');
  });
});
