import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../../main/library/createLibrary';
import { maxFeedItems } from '../../../../../../main/library/import/importLimits';
import { startParseWorkerFromSource } from '../../../../../support/parseWorkerFromSource';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-feed-import-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** An RSS 2.0 item whose story is its own (n makes the words differ, so no two items are duplicates). */
function rssItem(n: number, extra = ''): string {
  const places = ['杭州', '成都', '西安', '厦门', '昆明', '兰州', '南昌', '长沙'];
  const place = places[n % places.length]!;
  return `<item>
  <title>${place}第${n}号：社区图书馆延长开放时间</title>
  <link>https://news.example.cn/a/${n}.html</link>
  <dc:creator>张晓明</dc:creator>
  <pubDate>Mon, 06 Sep 2021 23:45:00 +0800</pubDate>
  <content:encoded><![CDATA[<p>本报讯 ${place}市第${n}个社区图书馆从本月起把开放时间延长到晚上九点，方便下班后的居民借阅。</p>
<p>馆长介绍，第${n}次读者调查显示，六成以上的居民希望晚间也能来看书，图书馆因此调整了排班。</p>
<p>不少居民表示，${place}的这一做法让社区多了一个安静的去处。</p>${extra}]]></content:encoded>
</item>`;
}

function rss(items: string, encoding = 'UTF-8', title = '城市晚报'): string {
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${title}</title><link>https://news.example.cn/</link>
${items}
</channel></rss>`;
}

describe('importing RSS and Atom feeds', () => {
  it('imports each item of an RSS 2.0 feed as an article: title, link, author, date, the feed as source, cleaned text', async () => {
    const share = '<p>分享到：微信 微博 QQ空间</p><p>责任编辑：王五</p>';
    const file = write('news.xml', rss(`${rssItem(1, share)}\n${rssItem(2)}`));
    const outcomes = await library.importPaths([file]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['news.xml › 成都第1号：社区图书馆延长开放时间', 'imported'],
      ['news.xml › 西安第2号：社区图书馆延长开放时间', 'imported'],
    ]);
    const article = library.getArticle(outcomes[0]!.articleId!);
    expect(article.metadata).toMatchObject({
      title: '成都第1号：社区图书馆延长开放时间',
      source: '城市晚报',
      author: '张晓明',
      publishedAt: '2021-09-06',
      url: 'https://news.example.cn/a/1.html',
    });
    const shown = article.paragraphs.filter((p) => p.kind !== 'boilerplate').map((p) => p.text);
    expect(shown).toContain('本报讯 成都市第1个社区图书馆从本月起把开放时间延长到晚上九点，方便下班后的居民借阅。');
    // The share line and the editor line are hidden as on any saved page, each saying why.
    const hidden = article.paragraphs.filter((p) => p.kind === 'boilerplate');
    expect(hidden.map((p) => p.text)).toEqual(['分享到：微信 微博 QQ空间', '责任编辑：王五']);
    expect(hidden.every((p) => p.flags.length > 0)).toBe(true);
    // The item's page is its raw text: a re-clean reads the same metadata and paragraphs again.
    library.recleanArticle(article.id);
    const again = library.getArticle(article.id);
    expect(again.metadata).toEqual(article.metadata);
    expect(again.paragraphs.map((p) => [p.kind, p.text])).toEqual(article.paragraphs.map((p) => [p.kind, p.text]));
  });

  it('parses a feed in the import worker as on the calling thread: one outcome per item', async () => {
    const file = write('news.xml', rss(`${rssItem(8)}\n${rssItem(9)}`));
    const worker = await createLibrary({
      dbPath: path.join(dir, 'worker.sqlite'),
      startParseWorker: startParseWorkerFromSource,
    });
    try {
      const outcomes = await worker.importPaths([file]);
      expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
        ['news.xml › 杭州第8号：社区图书馆延长开放时间', 'imported'],
        ['news.xml › 成都第9号：社区图书馆延长开放时间', 'imported'],
      ]);
      expect(worker.getArticle(outcomes[1]!.articleId!).metadata.url).toBe('https://news.example.cn/a/9.html');
    } finally {
      worker.close();
    }
  });

  it('imports an Atom feed, and a re-import of it (or the same item in another feed) adds nothing', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>讀書筆記</title>
<entry><title>臺北書展開幕</title><link href="https://blog.example.tw/2024/02/book-fair"/>
<author><name>王小明</name></author><published>2024-02-06T09:30:00+08:00</published>
<content type="html">&lt;p&gt;第三十二屆臺北國際書展今天在世貿中心開幕，展期六天，共有五百多家出版社參展。&lt;/p&gt;
&lt;p&gt;主辦單位表示，今年的主題國是泰國，現場安排了兩百多場講座與簽書會。&lt;/p&gt;</content></entry>
</feed>`;
    const file = write('blog.atom', atom);
    const first = await library.importPaths([file]);
    expect(first).toMatchObject([{ fileName: 'blog.atom › 臺北書展開幕', status: 'imported' }]);
    expect(library.getArticle(first[0]!.articleId!).metadata).toMatchObject({
      title: '臺北書展開幕',
      source: '讀書筆記',
      author: '王小明',
      publishedAt: '2024-02-06',
      url: 'https://blog.example.tw/2024/02/book-fair',
    });
    const again = await library.importPaths([file]);
    expect(again).toMatchObject([{ status: 'already-imported', articleId: first[0]!.articleId }]);
    const elsewhere = write('other.atom', atom.replace('讀書筆記', '另一個站'));
    expect((await library.importPaths([elsewhere]))[0]!.status).toBe('duplicate');
    expect(library.listArticles()).toHaveLength(1);
  });

  it('reads a GBK feed by its XML encoding declaration', async () => {
    const xml = rss(rssItem(3), 'GBK', '南方日报');
    const file = write('gbk.rss', iconv.encode(xml, 'gbk'));
    const outcomes = await library.importPaths([file]);
    expect(outcomes).toMatchObject([{ status: 'imported' }]);
    const article = library.getArticle(outcomes[0]!.articleId!);
    expect(article.metadata.source).toBe('南方日报');
    expect(article.paragraphs.map((p) => p.text).join('\n')).toContain('厦门市第3个社区图书馆');
    const row = library.database().prepare('SELECT encoding FROM article WHERE id = ?').get(article.id) as {
      encoding: string;
    };
    expect(row.encoding).toBe('gb18030');
  });

  it('lists a broken feed, an XML file that is no feed and a feed with no items with the reason, and imports nothing of them', async () => {
    const broken = write('broken.xml', rss(rssItem(4)).replace('</content:encoded>', ''));
    const notFeed = write('layout.xml', '<?xml version="1.0"?><LinearLayout><TextView/></LinearLayout>');
    const empty = write('empty.rss', rss(''));
    const outcomes = await library.importPaths([broken, notFeed, empty]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['broken.xml', 'failed'],
      ['layout.xml', 'failed'],
      ['empty.rss', 'failed'],
    ]);
    expect(outcomes[0]!.message).toMatch(
      /"broken.xml" could not be read as a feed: it is not well-formed XML: .*line/u,
    );
    expect(outcomes[1]!.message).toMatch(/not an RSS or Atom feed \(its root element is <LinearLayout>\)/u);
    expect(outcomes[2]!.message).toBe('"empty.rss" is a feed with no items; nothing was imported.');
    expect(library.listArticles()).toHaveLength(0);
  });

  it('imports the items that have text and lists an item without any, on its own', async () => {
    const file = write(
      'mixed.rss',
      rss(`${rssItem(5)}<item><title>只有标题</title><link>https://x.example/6</link></item>`),
    );
    const outcomes = await library.importPaths([file]);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed']);
    expect(outcomes[1]!.message).toBe('"mixed.rss › 只有标题" has no text in the feed.');
    expect(library.listArticles()).toHaveLength(1);
  });

  it('in a folder, imports feeds and articles and lists every other file as skipped with the reason', async () => {
    write('in/a.xml', rss(rssItem(7)));
    write('in/sub/picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    write('in/notes.txt', '第一段文字，讲的是一件事。\n\n第二段文字，讲的是另一件事。');
    write('in/.DS_Store', 'x');
    write('in/.git/objects/ab/cdef', 'x');
    write('in/.obsidian/notes.md', '第一段文字，隐藏文件夹里的笔记。\n\n第二段文字，讲的是另一件事。');
    const outcomes = await library.importPaths([path.join(dir, 'in')]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      // A hidden folder's articles are imported as before; its other files are not listed.
      ['notes.md', 'imported'],
      ['a.xml › 长沙第7号：社区图书馆延长开放时间', 'imported'],
      ['notes.txt', 'imported'],
      ['picture.png', 'skipped'],
    ]);
    expect(outcomes[3]!.message).toMatch(
      /picture\.png" was skipped: Pizhu imports \.txt, \.md, \.html and \.htm files and RSS or Atom feeds/u,
    );
  });

  it('holds a feed to the import limits: items past the limit are listed, not imported, and a feed over 20 MB is refused unread', async () => {
    const item = (n: number) => `<item><title>条目${n}</title><description>第${n}条。</description></item>`;
    const many = Array.from({ length: maxFeedItems + 3 }, (_, n) => item(n)).join('\n');
    const outcomes = await library.importPaths([write('many.rss', rss(many))]);
    expect(outcomes).toHaveLength(maxFeedItems + 1);
    expect(outcomes.at(-1)).toMatchObject({ fileName: 'many.rss', status: 'failed' });
    expect(outcomes.at(-1)!.message).toMatch(
      new RegExp(`has ${maxFeedItems + 3} items; Pizhu imports the first ${maxFeedItems}`, 'u'),
    );
    const huge = write('huge.xml', Buffer.alloc(21 * 1024 * 1024, 0x20));
    const refused = await library.importPaths([huge]);
    expect(refused).toMatchObject([{ fileName: 'huge.xml', status: 'failed' }]);
    expect(refused[0]!.message).toMatch(/20 MB/u);
  }, 120_000);
});
