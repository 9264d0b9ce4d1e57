import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryError } from '../../../../../main/library/libraryError';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

// A flipped bit in a paragraph's article_id, or in the index an article is read through, made the
// article's last paragraph vanish with every checksum still right (found by bitFlips.test.ts).

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

function lastParagraphOf(articleId: number): number {
  const view = seeded.library.getArticle(articleId);
  return view.paragraphs[view.paragraphs.length - 1]!.id;
}

describe('an article whose paragraph went missing', () => {
  it('is refused on read and named by verify, never shown one paragraph short', () => {
    const articleId = seeded.library.listArticles()[0]!.id;
    const count = seeded.library.getArticle(articleId).paragraphs.length;
    // What a flipped article_id does: the paragraph now belongs to an article that does not exist.
    const db = seeded.library.database();
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE paragraph SET article_id = 999 WHERE id = ?').run(lastParagraphOf(articleId));
    db.pragma('foreign_keys = ON');

    let error: unknown;
    try {
      seeded.library.getArticle(articleId);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('content-corrupt');
    expect((error as LibraryError).message).toContain(
      `should have ${count} paragraphs in order, but ${count - 1} were found`,
    );

    const check = seeded.library.verify();
    expect(check.ok).toBe(false);
    expect(check.damaged.map((d) => [d.kind, d.articleId])).toContainEqual(['article', articleId]);
  });

  it('keeps its count right through a re-clean and a restart', async () => {
    const articleId = seeded.library.listArticles()[1]!.id;
    seeded.library.recleanArticle(articleId);
    const library = await seeded.reopen();
    expect(library.getArticle(articleId).paragraphs.length).toBeGreaterThan(0);
    expect(library.verify().ok).toBe(true);
  });
});
