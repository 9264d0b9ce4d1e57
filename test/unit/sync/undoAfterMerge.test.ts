import { describe, expect, it } from 'vitest';
import { madeBySql } from '../../../main/library/store/madeHere';
import { devicesPerTest, expectConverged, expectRebuildSame, paragraphTags, syncAll, type Device } from './model/syncedLibraries';

/**
 * A merge of tags on one device while another's person had used the merged tag (#19): the merge
 * carries their uses to the tag it went into, and those uses stay theirs. Their later undo of
 * such a use takes it off (as the tag it is shown as now), unless someone else tagged the
 * paragraph with that tag on their own; and agreement counts each use as its maker's.
 */
const devices = devicesPerTest();

const me = (d: Device) => d.library.team.members().find((m) => m.me)!.uid;

/** Who made each paragraph's tag assignment (what the coder filter and agreement read), by position and tag. */
const makers = (d: Device): string[] =>
  (
    d.library
      .database()
      .prepare(
        `SELECT p.ord || ' ' || t.name || ' ' || ${madeBySql('pt')} FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id JOIN tag t ON t.id = pt.tag_id`,
      )
      .pluck()
      .all() as string[]
  ).sort();

describe('an undo of a tagging after another device merged its tag away', () => {
  it('takes the tag off the paragraph, shown now as the tag it went into, on both devices', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    a.library.annotations.tagParagraph(a.paragraphId(0), '甲');
    b.library.annotations.tagParagraph(b.paragraphId(1), '乙');
    syncAll(all);
    b.library.annotations.mergeTags('甲', '乙');
    syncAll(all);
    for (const d of all) expect(paragraphTags(d)).toEqual({ 0: ['乙'], 1: ['乙'] });

    expect(a.library.annotations.undo()?.op).toBe('paragraph.tag');
    expectConverged(all);
    // Before: 乙 stayed on paragraph 0 (the merge had made A's use B's, and A's undo did nothing to it).
    for (const d of all) expect(paragraphTags(d)).toEqual({ 1: ['乙'] });

    // Its redo makes again what the step made, the tag 甲 too (a replayed tag is made again as it was), on both.
    expect(a.library.annotations.redo()?.op).toBe('paragraph.tag');
    expectConverged(all);
    for (const d of all) expect(paragraphTags(d)).toEqual({ 0: ['甲'], 1: ['乙'] });
  });

  it('takes it off a highlight too', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    const made = a.library.annotations.createHighlight({
      paragraphId: a.paragraphId(0),
      start: 0,
      end: 2,
      color: 'yellow',
      tags: [],
    });
    a.library.annotations.tagHighlight(made.id, '甲');
    b.library.annotations.tagParagraph(b.paragraphId(1), '乙');
    syncAll(all);
    b.library.annotations.mergeTags('甲', '乙');
    syncAll(all);
    const tagsOf = (d: Device) => d.library.getArticle(d.articleId).highlights.map((h) => h.tags);
    for (const d of all) expect(tagsOf(d)).toEqual([['乙']]);
    expect(a.library.annotations.undo()?.op).toBe('highlight.tag');
    expectConverged(all);
    for (const d of all) expect(tagsOf(d)).toEqual([[]]);
  });

  it('leaves the tag on a paragraph someone else tagged with it on their own', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    a.library.annotations.tagParagraph(a.paragraphId(0), '甲');
    syncAll(all);
    b.library.annotations.tagParagraph(b.paragraphId(0), '乙');
    b.library.annotations.mergeTags('甲', '乙');
    syncAll(all);
    expect(a.library.annotations.undo()?.op).toBe('paragraph.tag');
    expectConverged(all);
    for (const d of all) {
      expect(paragraphTags(d)).toEqual({ 0: ['乙'] });
      expect(makers(d)).toEqual([`0 乙 ${me(b)}`]);
    }
  });
});

describe('a merge keeps who made each assignment', () => {
  it('the uses it carries stay their makers’, on both devices, and agreement counts them so', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    a.library.team.setMe({ name: 'Lin', color: '#1c7ed6' });
    b.library.team.setMe({ name: 'Wang', color: '#2f9e44' });
    const lin = me(a);
    const wang = me(b);
    a.library.annotations.tagParagraph(a.paragraphId(0), '甲');
    const made = a.library.annotations.createHighlight({
      paragraphId: a.paragraphId(2),
      start: 0,
      end: 2,
      color: 'yellow',
      tags: ['甲'],
    });
    b.library.annotations.tagParagraph(b.paragraphId(1), '乙');
    syncAll(all);
    b.library.annotations.mergeTags('甲', '乙');
    expectConverged(all);
    for (const d of all) {
      // Before: both of Lin's uses read as Wang's after Wang's merge.
      expect(makers(d)).toEqual([`0 乙 ${lin}`, `1 乙 ${wang}`].sort());
      const highlight = d.library.getArticle(d.articleId).highlights[0]!;
      expect(highlight.tags).toEqual(['乙']);
      expect(
        d.library
          .database()
          .prepare(`SELECT ${madeBySql('highlight_tag')} FROM highlight_tag`)
          .pluck()
          .all(),
      ).toEqual([lin]);
    }
    expect(made.madeBy).toBe(lin);
    // Paragraph level: Lin coded paragraph 0 (and 2, by the highlight), Wang paragraph 1; they agree on none.
    const report = b.library.team.agreement({ coders: [lin, wang], articleIds: [b.articleId], level: 'paragraph' });
    expect(report.perCode.map((c) => c.tag)).toEqual(['乙']);
    expect(
      report.disagreements.map((x) => [
        b.library.getArticle(b.articleId).paragraphs.find((p) => p.id === x.paragraphId)?.order,
        x.codedBy,
      ]),
    ).toEqual([
      [0, [lin]],
      [1, [wang]],
      [2, [lin]],
    ]);
    // Rebuilding B's rows from the documents alone gives the same makers.
    expectRebuildSame([b]);
  });
});
