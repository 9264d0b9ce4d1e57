import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagCountsSql } from '../../../../../main/library/store/tags';
import type { TagLevelRow } from '../../../../../preload/contract/tagLevelTypes';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const shown = (rows: readonly TagLevelRow[]) => rows.map((r) => `${r.label} ${r.tag.directCount}/${r.tag.totalCount} ${r.children}/${r.nested}`);

describe('the tag pane, one level a page at a time (listTagLevel)', () => {
  it('gives a level in the pane order with the counts listTags gives, nested tags counted once per passage', () => {
    const { annotations } = seeded.library;
    const [p1, p2] = bodyParagraphs(seedArticle(seeded.library, '001'));
    // One highlight under two tags of one subtree: its parent counts it once.
    annotations.createHighlight({ paragraphId: p1!.id, start: 0, end: 3, color: 'yellow', tags: ['政策/治安', '政策/民生'] });
    annotations.createHighlight({ paragraphId: p1!.id, start: 5, end: 8, color: 'yellow', tags: ['政策/治安/基层'] });
    annotations.tagParagraph(p2!.id, '政策');
    annotations.tagParagraph(p2!.id, 'Policing/raids');
    annotations.tagParagraph(p1!.id, '人物');

    const top = annotations.listTagLevel({ parent: '', offset: 0, limit: 10 });
    expect(top.total).toBe(3);
    expect(shown(top.rows)).toEqual(['Policing 0/1 1/1', '人物 1/1 0/0', '政策 1/3 2/3']);
    const under = annotations.listTagLevel({ parent: '政策', offset: 0, limit: 10 });
    expect(shown(under.rows)).toEqual(['民生 1/1 0/0', '治安 1/2 1/1']);
    // The parent asked for in another case finds the same level.
    expect(shown(annotations.listTagLevel({ parent: 'policing', offset: 0, limit: 10 }).rows)).toEqual(['raids 1/1 0/0']);

    const all = new Map(annotations.listTags().map((t) => [t.name, t]));
    for (const row of [...top.rows, ...under.rows]) expect(row.tag).toEqual(all.get(row.tag.name));
  });

  it('pages a level of 250 tags: the pages together are the level once, in order, each counted', () => {
    const { annotations } = seeded.library;
    const [p] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const names = Array.from({ length: 250 }, (_, i) => `主题/子题${String(i).padStart(3, '0')}`);
    for (const name of names) annotations.tagParagraph(p!.id, name);

    const pages = [0, 100, 200].map((offset) => annotations.listTagLevel({ parent: '主题', offset, limit: 100 }));
    expect(pages.map((page) => [page.total, page.rows.length])).toEqual([[250, 100], [250, 100], [250, 50]]);
    const labels = pages.flatMap((page) => page.rows.map((r) => r.tag.name));
    expect(labels).toEqual(names);
    expect(pages.every((page) => page.rows.every((r) => r.tag.totalCount === 1 && r.tag.directCount === 1))).toBe(true);
    // The top: one tag, every nested tag under it, each paragraph counted once.
    expect(shown(annotations.listTagLevel({ parent: '', offset: 0, limit: 1 }).rows)).toEqual(['主题 0/1 250/250']);
    expect(annotations.listTagLevel({ parent: '主题', offset: 300, limit: 100 }).rows).toEqual([]);
  });

  it('leaves out passages of trashed articles, as listTags does', () => {
    const { annotations } = seeded.library;
    const article = seedArticle(seeded.library, '001');
    const [p] = bodyParagraphs(article);
    annotations.tagParagraph(p!.id, '临时');
    seeded.library.trashArticle(article.id);
    expect(shown(annotations.listTagLevel({ parent: '', offset: 0, limit: 10 }).rows)).toEqual(['临时 0/0 0/0']);
  });

  it('follows every change to the tree between calls: a tag added, renamed under another, deleted', () => {
    const { annotations } = seeded.library;
    const [p1] = bodyParagraphs(seedArticle(seeded.library, '001'));
    annotations.tagParagraph(p1!.id, '政策/治安');
    const level = (parent: string) => shown(annotations.listTagLevel({ parent, offset: 0, limit: 10 }).rows);
    expect(level('')).toEqual(['政策 0/1 1/1']);
    annotations.tagParagraph(p1!.id, '人物');
    expect(level('')).toEqual(['人物 1/1 0/0', '政策 0/1 1/1']);
    annotations.renameTag('政策/治安', '人物/治安');
    // One paragraph under 人物 and 人物/治安: one passage.
    expect(level('')).toEqual(['人物 1/1 1/1', '政策 0/0 0/0']);
    expect(level('人物')).toEqual(['治安 1/1 0/0']);
    expect(level('政策')).toEqual([]);
    annotations.deleteTag('人物');
    expect(level('')).toEqual(['政策 0/0 0/0']);
  });

  it("counts each tag's subtree in the tags' index, in its order: no sort of every tagged passage", () => {
    for (const trash of [true, false]) {
      const plan = (
        seeded.library.database().prepare(`EXPLAIN QUERY PLAN ${tagCountsSql(trash)}`).all('[[1, [1, 2]]]') as Array<{ detail: string }>
      )
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toMatch(/SEARCH ht USING COVERING INDEX highlight_tag_by_tag \(tag_id=\?\)/);
      expect(plan).toMatch(/SEARCH pt USING COVERING INDEX paragraph_tag_by_tag \(tag_id=\?\)/);
      // count(DISTINCT) keeps one tag's subtree at a time; no GROUP BY over all of them.
      expect(plan).not.toMatch(/TEMP B-TREE FOR GROUP BY|\bSCAN (ht|pt|h|p|a)\b/);
      // With no article in the trash, no row is tested against the trash's lists.
      expect(/trashed|article_trashed|BLOOM/.test(plan)).toBe(trash);
    }
  });
});
