import { describe, expect, it } from 'vitest';
import { forPosting, fromPosting } from '../../../../../main/library/import/postedParse';
import { prepareJob, type PreparedFile } from '../../../../../main/library/import/prepareFile';

const prepared = (text: string, fileName: string): PreparedFile => prepareJob({ fileName, dropped: new TextEncoder().encode(text) });
/** Through a structured clone, as a worker's message arrives. */
const posted = (file: PreparedFile): PreparedFile => fromPosting(structuredClone(forPosting(file)));

describe('a parse answer as the worker posts it', () => {
  it('arrives as the article the parse made: kinds, texts, raw texts, flags and removals by paragraph', () => {
    // A pinyin reading is removed from its paragraph's text, a repeated paragraph flagged.
    const text = '标题在这里\n\n这是第一段,讲的是晋江(jìn jiāng)的故事。\n\n重复的一段话写在这里。\n\n重复的一段话写在这里。\n\n最后一段没有什么要去掉的,写得足够长。';
    const whole = prepared(text, 'article.txt');
    const paragraphs = 'article' in whole ? whole.article.parsed.paragraphs : [];
    expect(paragraphs.some((p) => p.raw !== p.text && p.removals.length > 0)).toBe(true);
    expect(paragraphs.some((p) => p.flags.length > 0)).toBe(true);
    expect(paragraphs.some((p) => p.raw === p.text)).toBe(true);
    expect(posted(whole)).toStrictEqual(whole);
  });

  it('arrives whole for a plain article, a refused file and each item of a feed', () => {
    const plain = prepared('只有一段正文,没有什么要去掉的。', 'plain.txt');
    expect(posted(plain)).toStrictEqual(plain);
    const refused = prepared('', 'empty.txt');
    expect('failed' in refused).toBe(true);
    expect(posted(refused)).toStrictEqual(refused);
    const feed = prepared(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>频道</title>
      <item><title>第一条</title><description>第一条新闻的正文,写得足够长。</description></item>
      <item><title>第二条</title><description>第二条新闻的正文,也写得足够长。</description></item>
    </channel></rss>`,
      'news.rss',
    );
    expect('feed' in feed && feed.feed.length).toBe(2);
    expect(posted(feed)).toStrictEqual(feed);
  });
});
