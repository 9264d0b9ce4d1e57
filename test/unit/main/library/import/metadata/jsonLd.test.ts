import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../../../../main/library/import/metadata/jsonLd';

describe('readJsonLd', () => {
  it('reads a NewsArticle: headline, date, authors, publisher, page id', () => {
    const block = JSON.stringify({
      '@context': 'http://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.com/a/1' },
      headline: '标题',
      datePublished: '2018-02-21T18:03:00',
      author: [{ '@type': 'Person', name: '张三' }, '李四'],
      publisher: { '@type': 'Organization', name: '某某网' },
    });
    expect(readJsonLd([block])).toEqual({
      headline: '标题',
      datePublished: '2018-02-21T18:03:00',
      authors: ['张三', '李四'],
      publisher: '某某网',
      url: 'https://example.com/a/1',
    });
  });

  it('finds the article in a @graph and skips other types', () => {
    const graph = JSON.stringify({
      '@graph': [{ '@type': 'BreadcrumbList' }, { '@type': ['BlogPosting'], headline: 'x' }],
    });
    expect(readJsonLd([JSON.stringify({ '@type': 'BreadcrumbList', name: 'n' }), graph])?.headline).toBe('x');
  });

  it('never throws on malformed, hostile or huge blocks', () => {
    expect(readJsonLd(['{"@type": "NewsArticle", headline: }', 'null', '[]', '"x"', '{"@type":'])).toBeNull();
    expect(readJsonLd([`{"@type":"NewsArticle","headline":"${'a'.repeat(300_000)}"}`])).toBeNull();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(() => readJsonLd([deep])).not.toThrow();
    expect(readJsonLd([JSON.stringify({ '@type': 'NewsArticle', headline: 42, author: { name: {} } })])).toEqual({
      headline: null,
      datePublished: null,
      authors: [],
      publisher: null,
      url: null,
    });
  });
});
