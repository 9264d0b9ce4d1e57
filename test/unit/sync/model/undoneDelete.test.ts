import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged, syncAll } from './syncedLibraries';

const devices = devicesPerTest();

describe('a highlight deleted on one device and edited on the other, then the delete undone', () => {
  it('comes back with the other device’s edit, not the colour and comment it had when deleted', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const made = a!.library.annotations.createHighlight({
      paragraphId: a!.paragraphId(1),
      start: 3,
      end: 7,
      color: 'yellow',
    });
    a!.library.annotations.updateHighlightComment(made.id, '对照');
    syncAll(all);
    const onB = b!.library.getArticle(b!.articleId).highlights[0]!.id;
    a!.library.annotations.deleteHighlight(made.id);
    b!.library.annotations.updateHighlight(onB, 'orange');
    b!.library.annotations.updateHighlightComment(onB, '对照第二段');
    expectConverged(all);
    expect(a!.library.getArticle(a!.articleId).highlights).toEqual([]);
    expect(a!.library.annotations.undo()).toMatchObject({ op: 'highlight.delete' });
    expectConverged(all);
    for (const d of all) {
      expect(d.library.getArticle(d.articleId).highlights).toEqual([
        expect.objectContaining({ color: 'orange', comment: '对照第二段', start: 3, end: 7 }),
      ]);
    }
  });
});
