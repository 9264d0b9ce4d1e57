import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../../preload/contract/annotationTypes';
import type { ParagraphView } from '../../../../../preload/contract/articleTypes';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

function highlightIn(paragraph: ParagraphView, start: number, tags: string[] = []): Highlight {
  return seeded.library.annotations.createHighlight({
    paragraphId: paragraph.id,
    start,
    end: start + 3,
    color: 'yellow',
    tags,
  });
}

function counts() {
  return Object.fromEntries(seeded.library.annotations.listTags().map((t) => [t.name, [t.directCount, t.totalCount]]));
}

describe('tag names', () => {
  it('are case-insensitive: attaching "Policing" reuses "policing"', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const { annotations } = seeded.library;
    const h = highlightIn(p!, 0, ['policing']);
    expect(annotations.tagHighlight(h.id, 'Policing').tags).toEqual(['policing']);
    expect(annotations.tagParagraph(p!.id, 'POLICING').tags).toEqual(['policing']);
    expect(annotations.listTags()).toEqual([expect.objectContaining({ name: 'policing', directCount: 2 })]);
    expect(annotations.untagHighlight(h.id, 'PoLiCiNg').tags).toEqual([]);
  });

  it('follow the case of the levels that already exist', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const { annotations } = seeded.library;
    annotations.tagParagraph(p!.id, 'Policing');
    expect(annotations.tagParagraph(p!.id, 'policing/Raids').tags).toEqual(['Policing', 'Policing/Raids']);
    annotations.renameTag('policing/raids', 'POLICING/raids');
    expect(annotations.listTags().map((t) => t.name)).toEqual([
      'Policing',
      'Policing/raids',
    ]);
  });

  it('are trimmed part by part, and empty parts, blanks and over-long names are refused', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '000'));
    const { annotations } = seeded.library;
    expect(annotations.tagParagraph(p!.id, '  话语 /  国家 ').tags).toEqual(['话语/国家']);
    for (const bad of ['', '   ', 'a//b', '/a', 'a/', 'a/ /b', 'x'.repeat(101), 'tab\there']) {
      expect(() => annotations.tagParagraph(p!.id, bad), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'invalid-argument' }),
      );
    }
    expect(annotations.tagParagraph(p!.id, 'x'.repeat(100)).tags).toContain('x'.repeat(100));
  });
});

describe('nested tags', () => {
  it('count their children: a parent counts each passage under it once', () => {
    const [p1, p2] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const { annotations } = seeded.library;
    highlightIn(p1!, 0, ['a', 'a/b']);
    highlightIn(p1!, 10, ['a/b']);
    annotations.tagParagraph(p2!.id, 'a/b/c');
    annotations.tagParagraph(p2!.id, 'other');
    expect(counts()).toEqual({
      a: [1, 3],
      'a/b': [2, 3],
      'a/b/c': [1, 1],
      other: [1, 1],
    });
  });

  it('rename carries the children and every attachment, on highlights and paragraphs', () => {
    const article = seedArticle(seeded.library, '003');
    const [p1, p2] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    const h1 = highlightIn(p1!, 0, ['a']);
    const h2 = highlightIn(p2!, 5, ['a/x', 'keep']);
    annotations.tagParagraph(p1!.id, 'a/x/y');
    const changed = annotations.renameTag('a', 'b');
    expect(annotations.listTags().map((t) => t.name)).toEqual(['b', 'b/x', 'b/x/y', 'keep']);
    expect(changed.articleIds).toEqual([article.id]);
    const view = seeded.library.getArticle(article.id);
    expect(view.highlights.find((h) => h.id === h1.id)!.tags).toEqual(['b']);
    expect(view.highlights.find((h) => h.id === h2.id)!.tags).toEqual(['b/x', 'keep']);
    expect(view.paragraphTags[p1!.id]).toEqual(['b/x/y']);
    expect(counts()).toMatchObject({ b: [1, 3], 'b/x': [1, 2] });
  });

  it('rename onto an existing name merges, children included, without duplicates', () => {
    const [p1, p2] = bodyParagraphs(seedArticle(seeded.library, '004'));
    const { annotations } = seeded.library;
    const both = highlightIn(p1!, 0, ['x', 'y']);
    const childBoth = highlightIn(p1!, 8, ['x/c', 'y/c']);
    const onlyX = highlightIn(p2!, 0, ['x/d']);
    annotations.tagParagraph(p2!.id, 'x');
    annotations.tagParagraph(p2!.id, 'Y');
    annotations.renameTag('x', 'Y');
    expect(annotations.listTags().map((t) => [t.name, t.directCount, t.totalCount])).toEqual([
      ['y', 2, 4],
      ['y/c', 1, 1],
      ['y/d', 1, 1],
    ]);
    const byId = new Map(seeded.library.getArticle(both.articleId).highlights.map((h) => [h.id, h.tags]));
    expect(byId.get(both.id)).toEqual(['y']);
    expect(byId.get(childBoth.id)).toEqual(['y/c']);
    expect(byId.get(onlyX.id)).toEqual(['y/d']);
    expect(seeded.library.getArticle(both.articleId).paragraphTags[p2!.id]).toEqual(['y']);
  });

  it('merge moves a child up into its parent and re-parents the grandchildren', () => {
    const [p1] = bodyParagraphs(seedArticle(seeded.library, '000'));
    const { annotations } = seeded.library;
    highlightIn(p1!, 0, ['a']);
    const h = highlightIn(p1!, 5, ['a/x', 'a/x/z']);
    annotations.mergeTags('a/x', 'a');
    expect(annotations.listTags().map((t) => [t.name, t.directCount])).toEqual([
      ['a', 2],
      ['a/z', 1],
    ]);
    expect(seeded.library.getArticle(h.articleId).highlights.find((x) => x.id === h.id)!.tags).toEqual(['a', 'a/z']);
  });

  it('refuses to move a tag inside itself or merge into a missing tag', () => {
    const [p1] = bodyParagraphs(seedArticle(seeded.library, '000'));
    const { annotations } = seeded.library;
    annotations.tagParagraph(p1!.id, 'a');
    expect(() => annotations.renameTag('a', 'a/b')).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => annotations.mergeTags('a', 'nowhere')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => annotations.renameTag('nowhere', 'b')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(annotations.listTags().map((t) => t.name)).toEqual(['a']);
  });

  it('delete removes the tag, its children and their attachments', () => {
    const [p1] = bodyParagraphs(seedArticle(seeded.library, '002'));
    const { annotations } = seeded.library;
    const h = highlightIn(p1!, 0, ['a/b', 'keep']);
    annotations.tagParagraph(p1!.id, 'a');
    annotations.deleteTag('A');
    expect(annotations.listTags().map((t) => t.name)).toEqual(['keep']);
    const view = seeded.library.getArticle(h.articleId);
    expect(view.highlights[0]!.tags).toEqual(['keep']);
    expect(view.paragraphTags).toEqual({});
  });
});

describe('the per-tag view', () => {
  it('lists every passage with the tag or a nested one, in article then paragraph order', () => {
    const a001 = seedArticle(seeded.library, '001');
    const a000 = seedArticle(seeded.library, '000');
    const [x1, x2] = bodyParagraphs(a001);
    const [y1] = bodyParagraphs(a000);
    const { annotations } = seeded.library;
    const late = highlightIn(x2!, 9, ['code/sub']);
    const early = highlightIn(x2!, 2, ['code']);
    annotations.tagParagraph(x2!.id, 'code');
    annotations.tagParagraph(x1!.id, 'code/sub');
    const other = highlightIn(y1!, 0, ['code', 'code/sub']);
    highlightIn(y1!, 4, ['unrelated']);

    const passages = annotations.listTaggedPassages('CODE');
    expect(a000.id).toBeLessThan(a001.id); // seeds are imported in file order
    const expected = [
      [a000.id, y1!.id, other.id, 'code'],
      [a001.id, x1!.id, null, 'code/sub'],
      [a001.id, x2!.id, null, 'code'],
      [a001.id, x2!.id, early.id, 'code'],
      [a001.id, x2!.id, late.id, 'code/sub'],
    ];
    expect(passages.map((p) => [p.articleId, p.paragraphId, p.highlight?.id ?? null, p.tag])).toEqual(expected);
    expect(passages.find((p) => p.highlight?.id === other.id)).toMatchObject({
      articleTitle: a000.metadata.title,
      paragraphOrder: y1!.order,
      paragraphText: y1!.text,
      highlight: { tags: ['code', 'code/sub'] },
    });
    expect(annotations.listTaggedPassages('code/sub')).toHaveLength(3);
    expect(annotations.listTaggedPassages('nothing')).toEqual([]);
  });
});

describe('tag names fold scripts', () => {
  it('attaching 技術 reuses the existing 技术, on paragraphs, highlights and nested levels', () => {
    const [p1, p2] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const { annotations } = seeded.library;
    annotations.tagParagraph(p1!.id, '技术');
    expect(annotations.tagParagraph(p2!.id, '技術').tags).toEqual(['技术']);
    expect(highlightIn(p1!, 0, ['技術']).tags).toEqual(['技术']);
    expect(annotations.tagParagraph(p2!.id, '技術/軟體').tags).toEqual(['技术', '技术/軟體']);
    expect(annotations.tagParagraph(p1!.id, '技术/软体').tags).toEqual(['技术', '技术/軟體']);
    expect(counts()).toEqual({ 技术: [3, 3], '技术/軟體': [2, 2] });
  });

  it('a tag asked for in another script is found: passages, search filter, untag', () => {
    const [p1] = bodyParagraphs(seedArticle(seeded.library, '000'));
    const { annotations } = seeded.library;
    annotations.tagParagraph(p1!.id, '臺灣');
    expect(annotations.listTaggedPassages('台湾').map((p) => p.paragraphId)).toEqual([p1!.id]);
    const word = [...p1!.text].slice(0, 2).join('');
    expect(seeded.library.search.find(word, { tag: '台湾' }).hits.map((h) => h.paragraphId)).toContain(p1!.id);
    expect(annotations.untagParagraph(p1!.id, '台湾').tags).toEqual([]);
  });

  it('renaming a tag to its own name in another script renames it; onto another tag’s folded name merges', () => {
    const [p1, p2] = bodyParagraphs(seedArticle(seeded.library, '002'));
    const { annotations } = seeded.library;
    annotations.tagParagraph(p1!.id, '技术');
    annotations.renameTag('技术', '技術');
    expect(annotations.listTags().map((t) => t.name)).toEqual(['技術']);
    annotations.tagParagraph(p2!.id, 'tech');
    annotations.renameTag('tech', '技术');
    expect(annotations.listTags().map((t) => [t.name, t.directCount])).toEqual([['技術', 2]]);
  });

  it('a library that already holds both spellings keeps each one reachable by its own name', () => {
    const [p1, p2] = bodyParagraphs(seedArticle(seeded.library, '003'));
    const db = seeded.library.database();
    db.prepare("INSERT INTO tag (name, color, created_at) VALUES ('技術', NULL, '2026-01-01'), ('技术', NULL, '2026-01-01')").run();
    const { annotations } = seeded.library;
    expect(annotations.tagParagraph(p1!.id, '技術').tags).toEqual(['技術']);
    expect(annotations.tagParagraph(p2!.id, '技术').tags).toEqual(['技术']);
  });
});
