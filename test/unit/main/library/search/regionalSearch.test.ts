import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../../preload/contract/api';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { findMatches } from '../../../../../main/library/search/findMatches';
import { maxQueryPhrases, parseQuery } from '../../../../../main/library/search/parseQuery';

/** A small library: a Taiwan article, a mainland one and a Hong Kong one, each naming the same things its own way. */
const taiwan = '臺北的計程車司機\n\n臺北的計程車司機說，網際網路讓他的軟體生意變好了。\n\n這篇報導談軟體動物的研究。';
const mainland = '北京的出租车司机\n\n北京的出租车司机说，互联网让他的软件生意变好了。';
const hongKong = '香港的士司機\n\n香港的士司機話，佢哋而家用手機叫車。';

let dir: string;
let library: Library;
const ids: Record<string, number> = {};
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-regional-search-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now: () => new Date('2026-12-06T10:00:00Z') });
  for (const [name, text] of Object.entries({ taiwan, mainland, hongKong })) {
    const outcome = library.importText(text);
    expect(outcome.status).toBe('imported');
    ids[name] = outcome.articleId!;
  }
});
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const matched = (hits: readonly SearchHit[], articleId: number) =>
  hits.filter((h) => h.articleId === articleId).flatMap((h) => h.matches.map((m) => h.text.slice(m.start, m.end)));

describe('search finds every regional form of a word', () => {
  it('計程車, 出租车 and 的士 each find all three articles, marking the form each one uses', () => {
    for (const query of ['計程車', '出租车', '的士', '计程车']) {
      const { hits } = library.search.find(query, { limit: 500 });
      expect(new Set(hits.map((h) => h.articleId)), query).toEqual(new Set([ids.taiwan, ids.mainland, ids.hongKong]));
      expect(new Set(matched(hits, ids.taiwan!)), query).toEqual(new Set(['計程車']));
      expect(new Set(matched(hits, ids.mainland!)), query).toEqual(new Set(['出租车']));
      expect(new Set(matched(hits, ids.hongKong!)), query).toEqual(new Set(['的士']));
    }
  });

  it('互联网 finds the Taiwan article’s 網際網路 and 網際網路 the mainland 互联网', () => {
    const forMainlandQuery = library.search.find('互联网');
    expect(matched(forMainlandQuery.hits, ids.taiwan!)).toEqual(['網際網路']);
    expect(matched(forMainlandQuery.hits, ids.mainland!)).toEqual(['互联网']);
    const forTaiwanQuery = library.search.find('網際網路');
    expect(matched(forTaiwanQuery.hits, ids.mainland!)).toEqual(['互联网']);
  });

  it('軟體 and 软件 find each other', () => {
    for (const query of ['軟體', '软件']) {
      const { hits } = library.search.find(query);
      expect(matched(hits, ids.mainland!), query).toEqual(['软件']);
      // The Taiwan article's software, and (for the form typed) its 軟體動物 too.
      expect(matched(hits, ids.taiwan!), query).toEqual(query === '軟體' ? ['軟體', '軟體'] : ['軟體']);
    }
  });

  it('a variant is not found inside a longer word OpenCC keeps whole: 软件 does not find 軟體動物 (molluscs)', () => {
    const molluscs = (query: string) =>
      library.search.find(query).hits.filter((h) => h.text.includes('軟體動物')).map((h) => h.articleId);
    expect(molluscs('软件')).toEqual([]);
    expect(molluscs('軟體')).toEqual([ids.taiwan]); // the form typed is found wherever it is
    expect(molluscs('软体动物')).toEqual([ids.taiwan]);
    // Inside one text, only the software is marked.
    const text = '軟體動物的研究也用軟體。';
    const marks = findMatches(text, parseQuery('软件').terms).map((m) => text.slice(m.start, m.end));
    expect(marks).toEqual(['軟體']);
    expect(findMatches(text, parseQuery('软件').terms)[0]!.start).toBe(text.lastIndexOf('軟體'));
  });

  it('several terms must all match, each in any of its forms; a quoted phrase stays whole', () => {
    const both = library.search.find('出租车 网际网路');
    expect(new Set(both.hits.map((h) => h.articleId))).toEqual(new Set([ids.taiwan, ids.mainland]));
    expect(library.search.find('計程車 手機').hits.map((h) => h.articleId)).toEqual([ids.hongKong]);
    const phrase = library.search.find('"的出租车司机说"');
    expect(new Set(phrase.hits.map((h) => h.articleId))).toEqual(new Set([ids.taiwan, ids.mainland]));
    expect(library.search.find('"互联网 司机"').hits).toEqual([]);
  });

  it('finds regional forms in a note too', () => {
    const paragraph = library.getArticle(ids.hongKong!).paragraphs.find((p) => p.text.includes('手機'))!;
    library.annotations.saveNote({
      paragraphId: paragraph.id,
      editorState: '{"root":{"children":[]}}',
      plainText: '比較臺灣的計程車',
      markdown: '比較臺灣的計程車',
    });
    const { hits } = library.search.find('出租车', { articleId: ids.hongKong! });
    const note = hits.find((h) => h.kind === 'note');
    expect(note && note.text.slice(note.matches[0]!.start, note.matches[0]!.end)).toBe('計程車');
  });

  it('keeps a long query of regional words within its phrase budget', () => {
    const query = Array.from({ length: 20 }, () => '計程車軟體').map((w, i) => `${w}${i}`).join(' ');
    const { match } = parseQuery(query);
    expect(match.match(/"/g)!.length / 2).toBeLessThanOrEqual(maxQueryPhrases);
    expect(library.search.find(query).hits).toEqual([]);
  });
});
