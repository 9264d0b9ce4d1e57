import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../../../../main/library/import/markdown/frontMatter';

describe('readFrontMatter', () => {
  it('reads what Obsidian Web Clipper writes: wiki-link authors, a source address, published, tags', () => {
    const fields = readFrontMatter(
      [
        'title: "阿里想进，美团想停"',
        'source: "https://mp.example.com/s/abc"',
        'author:',
        '  - "[[佘宗明]]"',
        '  - "[[张三|三哥]]"',
        'published: 2025-08-20',
        'created: 2025-08-21',
        'description: "一句话摘要。"',
        'tags:',
        '  - "电商"',
        '  - "AI时代"',
      ].join('\n'),
    );
    expect(fields).toEqual({
      title: '阿里想进，美团想停',
      author: '佘宗明、三哥',
      publishedAt: '2025-08-20',
      url: 'https://mp.example.com/s/abc',
      source: null,
      description: '一句话摘要。',
      tags: ['电商', 'AI时代'],
    });
  });

  it('reads what MarkDownload, Hugo and Jekyll write', () => {
    expect(
      readFrontMatter(
        [
          'title: Cloudflare CEO on AI',
          'url: https://www.example.com/a/1',
          'byline: Jane Doe, John Roe',
          'date: 2019-12-02T10:00:00+08:00',
          'publisher: 某某日报',
          'keywords: 经济, 外卖',
        ].join('\n'),
      ),
    ).toMatchObject({
      title: 'Cloudflare CEO on AI',
      url: 'https://www.example.com/a/1',
      author: 'Jane Doe, John Roe',
      publishedAt: '2019-12-02',
      source: '某某日报',
      tags: ['经济', '外卖'],
    });
  });

  it('prefers the original address to an archive copy, and takes a source that is a name as the outlet', () => {
    expect(
      readFrontMatter('url: "https://web.archive.org/web/2021/https://a.example/1"\noriginal_url: "https://a.example/1"\nsource: 新华社'),
    ).toMatchObject({ url: 'https://a.example/1', source: '新华社' });
  });

  it('gives nothing for empty, anonymous or impossible values, the clipping day, or YAML that is not a mapping', () => {
    expect(readFrontMatter('title: ""\nauthor: 佚名\ndate: 2019-02-30\ncreated: 2024-01-01\nurl: /relative/path')).toMatchObject({
      title: null,
      author: null,
      publishedAt: null,
      url: null,
    });
    expect(readFrontMatter('- a\n- b').title).toBeNull();
    expect(readFrontMatter('title: [unclosed').title).toBeNull();
    expect(readFrontMatter('').title).toBeNull();
  });
});
