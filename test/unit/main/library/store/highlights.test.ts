import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryError } from '../../../../../main/library/libraryError';
import { articleHighlightsSql, articleHighlightTagsSql } from '../../../../../main/library/store/highlights';
import {
  annotationRows,
  bodyParagraphs,
  openSeededLibrary,
  seedArticle,
  type SeededLibrary,
} from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

function invalidArgument(run: () => unknown): LibraryError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('invalid-argument');
    return error as LibraryError;
  }
  throw new Error('expected an invalid-argument error');
}

describe('highlights', () => {
  it('come back after a restart exactly as created, anchored to the canonical text', async () => {
    const article = seedArticle(seeded.library, '001');
    const paragraph = bodyParagraphs(article, 80)[0]!;
    const created = seeded.library.annotations.createHighlight({
      paragraphId: paragraph.id,
      start: 40,
      end: 50,
      color: 'green',
      tags: ['治理', 'policing/community'],
    });
    expect(created).toMatchObject({
      articleId: article.id,
      paragraphId: paragraph.id,
      start: 40,
      end: 50,
      quote: paragraph.text.slice(40, 50),
      prefix: paragraph.text.slice(8, 40),
      suffix: paragraph.text.slice(50, 82),
      color: 'green',
      tags: ['policing/community', '治理'],
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    const library = await seeded.reopen();
    expect(library.getArticle(article.id).highlights).toEqual([created]);
  });

  it('keep shorter context at the edges of a paragraph', () => {
    const paragraph = bodyParagraphs(seedArticle(seeded.library, '003'))[0]!;
    const h = seeded.library.annotations.createHighlight({
      paragraphId: paragraph.id,
      start: 0,
      end: paragraph.text.length,
      color: 'yellow',
    });
    expect(h).toMatchObject({ prefix: '', suffix: '', quote: paragraph.text, tags: [] });
  });

  it('refuse empty, reversed, negative and out-of-range spans and change nothing', () => {
    const paragraph = bodyParagraphs(seedArticle(seeded.library, '000'))[0]!;
    const before = annotationRows(seeded.library.database());
    const create = (start: number, end: number) => () =>
      seeded.library.annotations.createHighlight({ paragraphId: paragraph.id, start, end, color: 'blue' });
    invalidArgument(create(5, 5));
    invalidArgument(create(6, 5));
    invalidArgument(create(-1, 5));
    invalidArgument(create(0, paragraph.text.length + 1));
    invalidArgument(create(0.5, 3));
    expect(annotationRows(seeded.library.database())).toEqual(before);
    expect(seeded.library.annotations.undo()).toBeNull();
  });

  it('refuse a span that cuts a surrogate pair in half, at either end', () => {
    const outcome = seeded.library.importText('吉野家的𠮷字不在基本平面,𩸽也不在。\n\n第二段文字。', '代理对');
    const paragraph = seeded.library.getArticle(outcome.articleId!).paragraphs.find((p) => p.text.includes('𠮷'))!;
    const at = paragraph.text.indexOf('𠮷');
    const create = (start: number, end: number) => () =>
      seeded.library.annotations.createHighlight({ paragraphId: paragraph.id, start, end, color: 'pink' });
    expect(invalidArgument(create(at + 1, at + 4)).message).toMatch(/surrogate/);
    invalidArgument(create(at - 2, at + 1));
    expect(create(at, at + 2)()).toMatchObject({ quote: '𠮷' });
  });

  it('are recoloured, and a colour outside the six is refused', () => {
    const paragraph = bodyParagraphs(seedArticle(seeded.library, '004'))[0]!;
    const { annotations } = seeded.library;
    const h = annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 4, color: 'yellow' });
    expect(annotations.updateHighlight(h.id, 'purple')).toMatchObject({ id: h.id, color: 'purple' });
    invalidArgument(() => annotations.updateHighlight(h.id, 'red' as never));
    expect(() => annotations.updateHighlight(9999, 'blue')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('load with the article, orphans last, and each carries its tags', () => {
    const article = seedArticle(seeded.library, '002');
    const [first, second] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    const later = annotations.createHighlight({
      paragraphId: second!.id,
      start: 2,
      end: 6,
      color: 'blue',
      tags: ['b'],
    });
    const earlier = annotations.createHighlight({ paragraphId: first!.id, start: 10, end: 12, color: 'orange' });
    const earliest = annotations.createHighlight({
      paragraphId: first!.id,
      start: 1,
      end: 3,
      color: 'green',
      tags: ['a'],
    });
    // A re-clean that cannot place a highlight keeps it as an orphan (no paragraph, no offsets).
    seeded.library
      .database()
      .prepare('UPDATE highlight SET paragraph_id = NULL, start_offset = NULL, end_offset = NULL WHERE id = ?')
      .run(later.id);
    const loaded = seeded.library.getArticle(article.id).highlights;
    expect(loaded.map((h) => h.id)).toEqual([earliest.id, earlier.id, later.id]);
    expect(loaded[2]).toMatchObject({ paragraphId: null, start: null, end: null, quote: later.quote, tags: ['b'] });
    expect(loaded[0]!.tags).toEqual(['a']);
  });

  it('are loaded by article through the index, tags included', () => {
    const db = seeded.library.database();
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan(articleHighlightsSql)).toMatch(/SEARCH h USING INDEX highlight_by_article/);
    const tagsPlan = plan(articleHighlightTagsSql);
    expect(tagsPlan).toMatch(/SEARCH h USING (COVERING )?INDEX highlight_by_article/);
    expect(tagsPlan).not.toMatch(/SCAN (ht|h)\b/);
  });

  // Its speed is measured by `npm run bench` (DESIGN §7), not here.
  it('an article with 200 highlights loads them all', () => {
    const article = seedArticle(seeded.library, '001');
    const paragraphs = bodyParagraphs(article, 20);
    for (let i = 0; i < 200; i++) {
      const p = paragraphs[i % paragraphs.length]!;
      const start = (i * 3) % (p.text.length - 4);
      seeded.library.annotations.createHighlight({
        paragraphId: p.id,
        start,
        end: start + 4,
        color: 'yellow',
        tags: i % 3 === 0 ? ['coded/once'] : [],
      });
    }
    const view = seeded.library.getArticle(article.id);
    expect(view.highlights).toHaveLength(200);
    expect(view.highlights.filter((h) => h.tags.includes('coded/once'))).toHaveLength(67);
  });
});
