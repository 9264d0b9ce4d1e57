import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxHighlightCommentLength } from '../../../../../preload/contract/annotationTypes';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

function highlightInFirstParagraph(tags: string[] = []) {
  const article = seedArticle(seeded.library, '001');
  const paragraph = bodyParagraphs(article, 80)[0]!;
  const highlight = seeded.library.annotations.createHighlight({
    paragraphId: paragraph.id,
    start: 10,
    end: 20,
    color: 'green',
    tags,
  });
  return { article, paragraph, highlight };
}

describe('a comment on a highlight', () => {
  it('is kept across a restart, trimmed, and is one undo step', async () => {
    const { article, highlight } = highlightInFirstParagraph();
    expect(highlight.comment).toBe('');
    const { annotations } = seeded.library;
    expect(annotations.updateHighlightComment(highlight.id, '  先看这一段\r\n再对照注释  ').comment).toBe(
      '先看这一段\n再对照注释',
    );
    annotations.updateHighlightComment(highlight.id, 'second thought');
    expect(annotations.undo()).toMatchObject({ op: 'highlight.comment', articleIds: [article.id] });
    expect(seeded.library.getArticle(article.id).highlights[0]?.comment).toBe('先看这一段\n再对照注释');
    expect(annotations.redo()).toMatchObject({ op: 'highlight.comment' });
    const library = await seeded.reopen();
    expect(library.getArticle(article.id).highlights[0]).toMatchObject({ id: highlight.id, comment: 'second thought' });
  });

  it('refuses what is too long or not plain text, and changes nothing', () => {
    const { article, highlight } = highlightInFirstParagraph();
    const { annotations } = seeded.library;
    annotations.updateHighlightComment(highlight.id, 'kept');
    const tooLong = () => annotations.updateHighlightComment(highlight.id, 'x'.repeat(maxHighlightCommentLength + 1));
    expect(tooLong).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(tooLong).toThrow(/at most 2000 characters \(this one has 2001\)/);
    expect(() => annotations.updateHighlightComment(highlight.id, 'a\u0000b')).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
    expect(() => annotations.updateHighlightComment(9999, 'x')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(
      annotations.updateHighlightComment(highlight.id, 'x'.repeat(maxHighlightCommentLength)).comment,
    ).toHaveLength(maxHighlightCommentLength);
    expect(annotations.undo()).toMatchObject({ op: 'highlight.comment' });
    expect(seeded.library.getArticle(article.id).highlights[0]?.comment).toBe('kept');
  });

  it('is found by search as a comment hit on its paragraph, script-insensitively, until it is removed', () => {
    const { article, paragraph, highlight } = highlightInFirstParagraph(['方法']);
    const { annotations, search } = seeded.library;
    annotations.updateHighlightComment(highlight.id, '这里的统计口径與後文不一致 zebrafish');
    const result = search.find('與后文 zebrafish');
    expect(result.hits).toEqual([
      expect.objectContaining({
        kind: 'comment',
        highlightId: highlight.id,
        articleId: article.id,
        paragraphId: paragraph.id,
        text: '这里的统计口径與後文不一致 zebrafish',
      }),
    ]);
    expect(result.hits[0]?.matches.length).toBeGreaterThan(0);
    // The article and tag filters apply to a comment as to the paragraph it is in.
    expect(search.find('zebrafish', { articleId: article.id }).total).toBe(1);
    expect(search.find('zebrafish', { articleId: article.id + 1 }).total).toBe(0);
    expect(search.find('zebrafish', { tag: '方法' }).total).toBe(1);
    expectIndexInStep(seeded.library.database());

    annotations.updateHighlightComment(highlight.id, 'axolotl');
    expect(search.find('zebrafish').total).toBe(0);
    expect(search.find('axolotl').total).toBe(1);
    expectIndexInStep(seeded.library.database());

    annotations.deleteHighlight(highlight.id);
    expect(search.find('axolotl').total).toBe(0);
    expectIndexInStep(seeded.library.database());
    annotations.undo();
    expect(search.find('axolotl').hits[0]).toMatchObject({ kind: 'comment', highlightId: highlight.id });
    expectIndexInStep(seeded.library.database());
  });

  it('is not auto-coded: auto-coding codes the article text only', () => {
    const { highlight } = highlightInFirstParagraph();
    seeded.library.annotations.updateHighlightComment(highlight.id, 'zebrafish');
    expect(seeded.library.search.find('zebrafish').total).toBe(1);
    expect(seeded.library.search.autocode('zebrafish', { tag: 'z', span: true })).toMatchObject({ highlights: 0 });
  });
});
