import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageWindow, passagesPerArticle } from '../../../../../main/library/store/taggedPassages';
import type { TaggedPassage } from '../../../../../preload/contract/annotationTypes';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const key = (p: TaggedPassage) => [p.articleId, p.paragraphId, p.highlight?.id ?? null, p.tag];

/**
 * Issue #16: the per-tag view of a tag with 100,000 passages must not ask main for them all.
 * Three articles, about 1,300 passages under one tag (highlights, whole paragraphs, a nested
 * tag), read a page at a time.
 */
describe('the per-tag view, a page at a time (listTaggedPassagePage)', () => {
  function seedManyPassages(): number {
    const { annotations } = seeded.library;
    let made = 0;
    for (const name of ['000', '001', '002']) {
      const paragraphs = bodyParagraphs(seedArticle(seeded.library, name)).filter((p) => p.text.length >= 40);
      for (const [i, paragraph] of paragraphs.entries()) {
        if (i % 3 === 0) {
          annotations.tagParagraph(paragraph.id, i % 2 === 0 ? '议题' : '议题/子题');
          made++;
        }
        // Highlights placed back to front: the view still orders them by position.
        for (let start = 36; start >= 0; start -= 4) {
          annotations.createHighlight({ paragraphId: paragraph.id, start, end: start + 3, color: 'yellow', tags: [start % 8 === 0 ? '议题/子题' : '议题'] });
          made++;
        }
      }
    }
    return made;
  }

  it('pages through every passage in the whole list’s order, with the exact count on every page', () => {
    const made = seedManyPassages();
    expect(made).toBeGreaterThan(600);
    const { annotations } = seeded.library;
    const whole = annotations.listTaggedPassages('议题');
    expect(whole).toHaveLength(made);

    const paged: TaggedPassage[] = [];
    for (let offset = 0; offset < made + 100; offset += 100) {
      const page = annotations.listTaggedPassagePage({ tag: '議題', offset, limit: 100 });
      expect(page.total).toBe(made);
      expect(page.offset).toBe(offset);
      expect(page.rows.length).toBe(Math.max(0, Math.min(100, made - offset)));
      paged.push(...page.rows);
    }
    expect(paged.map(key)).toEqual(whole.map(key));
    expect(paged).toEqual(whole);

    // The order rules themselves: articles in id order, paragraphs in order, the whole paragraph first, highlights by position.
    for (let i = 1; i < paged.length; i++) {
      const [a, b] = [paged[i - 1]!, paged[i]!];
      expect(a.articleId <= b.articleId).toBe(true);
      if (a.articleId !== b.articleId) continue;
      expect(a.paragraphOrder! <= b.paragraphOrder!).toBe(true);
      if (a.paragraphOrder !== b.paragraphOrder) continue;
      expect(b.highlight).not.toBeNull();
      if (a.highlight) expect((a.highlight.start ?? 0) < (b.highlight!.start ?? 0)).toBe(true);
    }
    // A nested tag's page holds only its own passages, counted exactly.
    const nested = annotations.listTaggedPassagePage({ tag: '议题/子题', offset: 0, limit: 500 });
    expect(nested.total).toBe(whole.filter((p) => p.tag === '议题/子题').length);
    expect(nested.rows.every((p) => p.tag === '议题/子题')).toBe(true);
  });

  it('leaves the trash out, or lists it alone; an unknown tag has no passages', () => {
    const made = seedManyPassages();
    const { annotations } = seeded.library;
    const first = annotations.listTaggedPassagePage({ tag: '议题', offset: 0, limit: 1 }).rows[0]!;
    const inFirst = annotations.listTaggedPassages('议题').filter((p) => p.articleId === first.articleId).length;
    seeded.library.trashArticle(first.articleId);
    expect(annotations.listTaggedPassagePage({ tag: '议题', offset: 0, limit: 10 }).total).toBe(made - inFirst);
    const trash = annotations.listTaggedPassagePage({ tag: '议题', offset: 0, limit: 500, inTrash: true });
    expect(trash.total).toBe(inFirst);
    expect(new Set(trash.rows.map((p) => p.articleId))).toEqual(new Set([first.articleId]));
    expect(annotations.listTaggedPassagePage({ tag: '没有', offset: 0, limit: 10 })).toEqual({ total: 0, offset: 0, rows: [] });
  });

  it('counts a highlight under two of the tags once, and pages that start or end inside an article match the whole list', () => {
    const made = seedManyPassages();
    const { annotations } = seeded.library;
    const twice = annotations.listTaggedPassagePage({ tag: '议题', offset: 5, limit: 1 }).rows[0]!.highlight!;
    annotations.tagHighlight(twice.id, twice.tags.includes('议题') ? '议题/子题' : '议题');
    const whole = annotations.listTaggedPassages('议题');
    expect(whole).toHaveLength(made);
    // Windows of odd sizes and places: across article boundaries, one row, past the end.
    for (const [offset, limit] of [[0, 7], [3, 250], [made - 9, 30], [Math.floor(made / 3), 333], [made, 10], [made + 5, 10]] as const) {
      const page = annotations.listTaggedPassagePage({ tag: '议题', offset, limit });
      expect(page.total).toBe(made);
      expect(page.rows).toEqual(whole.slice(offset, offset + limit));
    }
  });

  it("reads the count per article from the tags' index rows, and a page from its articles' rows only", () => {
    seedManyPassages();
    const db = seeded.library.database();
    const plan = (sql: string, params: object) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    const counts = plan(passagesPerArticle, { ids: '[1, 2]' });
    expect(counts).toMatch(/SEARCH ht USING COVERING INDEX highlight_tag_by_tag \(tag_id=\?\)/);
    expect(counts).toMatch(/SEARCH h USING COVERING INDEX highlight_article_of \(id=\?\)/);
    expect(counts).toMatch(/SEARCH pt USING COVERING INDEX paragraph_tag_by_tag \(tag_id=\?\)/);
    expect(counts).not.toMatch(/\bSCAN (p|h|pt|ht|a)\b/);
    const page = plan(pageWindow, { ids: '[1, 2]', articles: '[1]', limit: 100, offset: 0 });
    // The page's articles outermost; each highlight's and paragraph's tags by their own key, never the tags' index.
    expect(page).toMatch(/SEARCH h USING INDEX highlight_by_article \(article_id=\?\)/);
    expect(page).toMatch(/SEARCH ht USING PRIMARY KEY \(highlight_id=\?\)/);
    expect(page).toMatch(/SEARCH p USING COVERING INDEX sqlite_autoindex_paragraph_1 \(article_id=\?\)/);
    expect(page).toMatch(/SEARCH pt USING PRIMARY KEY \(paragraph_id=\?\)/);
    expect(page).not.toMatch(/_by_tag|\bSCAN (p|h|pt|ht|a)\b/);
  });

  it('keeps a tag\'s counts between pages only while the library is unchanged', () => {
    const made = seedManyPassages();
    const { annotations } = seeded.library;
    expect(annotations.listTaggedPassagePage({ tag: '议题', offset: 0, limit: 10 }).total).toBe(made);
    const last = annotations.listTaggedPassagePage({ tag: '议题', offset: made - 1, limit: 10 }).rows[0]!;
    // A passage added at the end, then one removed from the first article: each seen on the next page asked.
    annotations.createHighlight({ paragraphId: last.paragraphId!, start: 37, end: 39, color: 'yellow', tags: ['议题'] });
    const end = annotations.listTaggedPassagePage({ tag: '议题', offset: made - 1, limit: 10 });
    expect(end.total).toBe(made + 1);
    expect(end.rows).toHaveLength(2);
    expect(end.rows[1]!.highlight?.start).toBe(37);
    const first = annotations.listTaggedPassagePage({ tag: '议题', offset: 0, limit: 1 }).rows[0]!;
    seeded.library.trashArticle(first.articleId);
    expect(annotations.listTaggedPassagePage({ tag: '议题', offset: 0, limit: 1 }).rows[0]!.articleId).not.toBe(first.articleId);
    expect(annotations.listTaggedPassages('议题')).toHaveLength(annotations.listTaggedPassagePage({ tag: '议题', offset: 0, limit: 1 }).total);
  });
});
