import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldToSimplified } from '../../../../../preload/common/foldScript';
import { highlightColumnsSql } from '../../../../../main/library/store/highlightContext';
import { annotationRows, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { bruteForce } from './searchOracle';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const journalSize = () =>
  (seeded.library.database().prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;

/** Paragraph ids whose text (not note, not boilerplate) contains the term, folded. */
function textMatches(term: string, articleId?: number): number[] {
  const keys = bruteForce(seeded.library.database(), [term], articleId === undefined ? {} : { articleId });
  return [...keys]
    .filter((k) => k.startsWith('paragraph:'))
    .map((k) => Number(k.split(':')[1]))
    .sort((a, b) => a - b);
}

describe('auto-coding from a search', () => {
  it('tags every matching paragraph in one step, and one undo takes every tag back', () => {
    const { library } = seeded;
    const db = library.database();
    const before = annotationRows(db);
    const expected = textMatches('背包精神');
    const result = library.search.autocode('背包精神', { tag: 'codes/背包', span: false });
    expect(result.paragraphs).toBe(expected.length);
    expect(result.highlights).toBe(0);
    const passages = library.annotations.listTaggedPassages('codes');
    expect(passages.map((p) => p.paragraphId).sort((a, b) => a! - b!)).toEqual(expected);
    expect(new Set(passages.map((p) => p.articleId))).toEqual(new Set(result.articleIds));
    expect(
      library.search.find('背包精神', { tag: 'codes/背包', limit: 500 }).hits.filter((h) => h.kind === 'paragraph'),
    ).toHaveLength(expected.length);

    expect(library.annotations.undo()).toMatchObject({ op: 'search.autocode', articleIds: result.articleIds });
    expect(annotationRows(db)).toEqual(before);
    library.annotations.redo();
    expect(library.annotations.listTaggedPassages('codes')).toEqual(passages);
  });

  it('highlights every matched span with the tag, and one undo removes them all', () => {
    const { library } = seeded;
    const db = library.database();
    const before = annotationRows(db);
    const entries = journalSize();
    const result = library.search.autocode('晉江', { tag: 'place/晋江', span: true, color: 'blue' });
    const highlights = db.prepare(`SELECT ${highlightColumnsSql(['quote', 'color', 'paragraph_id'])} FROM highlight`).all() as Array<{
      quote: string;
      color: string;
      paragraph_id: number;
    }>;
    expect(result.highlights).toBe(highlights.length);
    expect(result.paragraphs).toBe(new Set(highlights.map((h) => h.paragraph_id)).size);
    expect(result.paragraphs).toBe(textMatches('晋江').length);
    expect(new Set(highlights.map((h) => h.quote))).toEqual(new Set(['晋江', '晉江']));
    expect(highlights.every((h) => h.color === 'blue')).toBe(true);
    expect(library.annotations.listTaggedPassages('place')).toHaveLength(highlights.length);
    expect(journalSize()).toBe(entries + 1);

    library.annotations.undo();
    expect(annotationRows(db)).toEqual(before);
  });

  it('changes nothing the second time, and tags a highlight already on a span instead of doubling it', () => {
    const { library } = seeded;
    const article = seedArticle(library, '001');
    const paragraph = article.paragraphs.find((p) => p.kind === 'body' && p.text.includes('晋江'))!;
    const start = paragraph.text.indexOf('晋江');
    const existing = library.annotations.createHighlight({
      paragraphId: paragraph.id,
      start,
      end: start + 2,
      color: 'pink',
    });
    const first = library.search.autocode('晋江', { tag: 'place', span: true, articleId: article.id });
    const again = library.search.autocode('晋江', { tag: 'place', span: true, articleId: article.id });
    expect(again).toEqual({ paragraphs: 0, highlights: 0, articleIds: [] });
    const rows = library
      .getArticle(article.id)
      .highlights.filter((h) => h.start === start && h.paragraphId === paragraph.id);
    expect(rows).toEqual([{ ...existing, tags: ['place'], updatedAt: rows[0]!.updatedAt }]);
    expect(first.articleIds).toEqual([article.id]);
    expect(first.paragraphs).toBe(textMatches('晋江', article.id).length);
  });

  it('codes article text only: not notes, not boilerplate unless asked', () => {
    const { library } = seeded;
    const article = seedArticle(library, '004');
    const quiet = article.paragraphs.find((p) => p.kind === 'body' && !foldToSimplified(p.text).includes('麒麟'))!;
    library.annotations.saveNote({ paragraphId: quiet.id, editorState: '{}', plainText: '麒麟', markdown: '麒麟' });
    expect(library.search.find('麒麟').total).toBe(1);
    expect(library.search.autocode('麒麟', { tag: 'x', span: false })).toEqual({
      paragraphs: 0,
      highlights: 0,
      articleIds: [],
    });
    expect(library.annotations.listTags()).toEqual([]); // nothing coded, no tag made

    const seed003 = seedArticle(library, '003').id;
    expect(library.search.autocode('ICP', { tag: 'footer', span: false, articleId: seed003 }).paragraphs).toBe(0);
    expect(
      library.search.autocode('ICP', { tag: 'footer', span: false, articleId: seed003, includeHidden: true })
        .paragraphs,
    ).toBe(1);
  });

  it('within a tag filter: codes only the hits the filtered search shows, as that search counts them', () => {
    const { library } = seeded;
    const matches = textMatches('公安');
    expect(matches.length).toBeGreaterThan(4);
    // Two paragraphs carry the filter's sub-tag, one more a highlight with it; the rest carry nothing.
    const [a, b, c] = matches;
    library.annotations.tagParagraph(a!, 'source/官方');
    library.annotations.tagParagraph(b!, 'source/官方/新华');
    const { text } = library.database().prepare('SELECT text FROM paragraph WHERE id = ?').get(c) as { text: string };
    library.annotations.createHighlight({
      paragraphId: c!,
      start: 0,
      end: Math.min(4, text.length),
      color: 'green',
      tags: ['source'],
    });
    const filtered = library.search
      .find('公安', { tag: 'source', limit: 500 })
      .hits.filter((h) => h.kind === 'paragraph');
    expect(filtered.map((h) => h.paragraphId).sort((x, y) => x - y)).toEqual([a, b, c]);

    const result = library.search.autocode('公安', { tag: 'checked', span: false, withinTag: 'source' });
    expect(result.paragraphs).toBe(3);
    const coded = library.annotations.listTaggedPassages('checked').map((p) => p.paragraphId);
    expect(coded.sort((x, y) => x! - y!)).toEqual([a, b, c]);
    // A filter tag nobody carries: nothing to code, nothing changed.
    expect(library.search.autocode('公安', { tag: 'checked', span: true, withinTag: 'nowhere' })).toEqual({
      paragraphs: 0,
      highlights: 0,
      articleIds: [],
    });
  });

  it('refuses a bad tag or colour before changing anything', () => {
    const { library } = seeded;
    const before = annotationRows(library.database());
    expect(() => library.search.autocode('晋江', { tag: 'a//b', span: false })).toThrow(/empty part/);
    expect(() => library.search.autocode('晋江', { tag: 'ok', span: true, color: 'red' as never })).toThrow(
      /not a highlight colour/,
    );
    expect(() => library.search.autocode('晋江', { tag: 'ok', span: true, articleId: 424242 })).toThrow(/no article/);
    expect(annotationRows(library.database())).toEqual(before);
  });
});
