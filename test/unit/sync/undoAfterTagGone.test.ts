import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged, paragraphTags, syncAll, type Device } from './model/syncedLibraries';
import { secondArticleText } from './syncedArticle';

/**
 * The undo journal names tags and highlights by local id, and another device's delete or merge
 * removes the row here (SQLite then gives its id to the next one made). An undo of a step made
 * before must still mean that step: not the tag or highlight that holds the id now, and not nothing.
 */
const devices = devicesPerTest();

describe('an undo of a step whose tag or highlight another device took away', () => {
  it('of a tagging leaves alone the tag that took its id here', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    a.library.annotations.tagParagraph(a.paragraphId(0), '乙');
    a.library.annotations.tagParagraph(a.paragraphId(0), '甲');
    a.library.annotations.tagParagraph(a.paragraphId(1), '甲');
    syncAll(all);
    b.library.annotations.mergeTags('甲', '乙');
    // B's new tag, on the paragraph A tagged: on A it gets the id 甲's row had.
    b.library.annotations.tagParagraph(b.paragraphId(1), '丙');
    syncAll(all);
    for (const d of all) expect(paragraphTags(d)).toEqual({ 0: ['乙'], 1: ['丙', '乙'] });
    expect(a.library.annotations.undo()?.op).toBe('paragraph.tag');
    syncAll(all);
    expectConverged(all);
    // Before 8cf446c: B's 丙 was taken off paragraph 1 on both devices. A's use of 甲 there, carried to 乙
    // by the merge, is still A's (undoAfterMerge), so A's undo takes it off too; A's own 乙 on paragraph 0 stays.
    for (const d of all) expect(paragraphTags(d)).toEqual({ 0: ['乙'], 1: ['丙'] });
  });

  it('of a tagging stays undone when the tag comes back', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    b.library.annotations.tagParagraph(b.paragraphId(0), '甲');
    syncAll(all);
    // A uses B's new tag while B, not yet told, undoes making it: 甲 is deleted everywhere.
    a.library.annotations.tagParagraph(a.paragraphId(1), '甲');
    expect(b.library.annotations.undo()?.op).toBe('paragraph.tag');
    syncAll(all);
    for (const d of all) expect(paragraphTags(d)).toEqual({});
    expect(a.library.annotations.undo()?.op).toBe('paragraph.tag');
    syncAll(all);
    // B redoes: 甲 lives again, and A's tagging of paragraph 1 with it, undone, does not come back with it.
    expect(b.library.annotations.redo()?.op).toBe('paragraph.tag');
    syncAll(all);
    expectConverged(all);
    // Before: A's undo told the documents nothing (the tag's row was gone), and paragraph 1 showed 甲 again.
    for (const d of all) expect(paragraphTags(d)).toEqual({ 0: ['甲'] });
  });

  it('of a highlight edited here and deleted elsewhere leaves alone the highlight that took its id', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    const menu = all.map((d) => d.library.importText(secondArticleText, '菜市场').articleId!);
    syncAll(all);
    const made = a.library.annotations.createHighlight({
      paragraphId: a.paragraphId(0),
      start: 0,
      end: 3,
      color: 'yellow',
    });
    a.library.annotations.updateHighlight(made.id, 'blue');
    syncAll(all);
    b.library.annotations.deleteHighlight(b.library.getArticle(b.articleId).highlights[0]!.id);
    syncAll(all);
    // B's new highlight, in the other article: on A it gets the id A's had.
    const paragraph = b.library.getArticle(menu[1]!).paragraphs[0]!;
    b.library.annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 2, color: 'green' });
    syncAll(all);
    expect(a.library.annotations.undo()?.op).toBe('highlight.recolor');
    syncAll(all);
    expectConverged(all);
    // Before: A's undo wrote the recolour back over B's highlight's row, and A no longer showed it.
    for (const [i, d] of all.entries()) {
      expect(d.library.getArticle(d.articleId).highlights).toEqual([]);
      expect(d.library.getArticle(menu[i]!).highlights.map((h) => [h.quote, h.color])).toEqual([['清晨', 'green']]);
    }
  });
});
