import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleView } from '../../../../../preload/contract/articleTypes';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * Issue #13: an article in the trash is out of every library-wide view of annotations (tag
 * counts, the per-tag view, tag reports, search, auto-coding); an archived one is in all of
 * them. Restoring it, or undoing the trash, brings everything back.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const counts = () =>
  Object.fromEntries(seeded.library.annotations.listTags().map((t) => [t.name, [t.directCount, t.totalCount]]));

/** One tagged highlight and one tagged paragraph in each of two articles, under 主题/…. */
function annotateTwo(): { kept: ArticleView; other: ArticleView } {
  const kept = seedArticle(seeded.library, '001');
  const other = seedArticle(seeded.library, '002');
  const { annotations } = seeded.library;
  for (const article of [kept, other]) {
    const [first, second] = bodyParagraphs(article);
    annotations.createHighlight({ paragraphId: first!.id, start: 0, end: 4, color: 'yellow', tags: ['主题/甲'] });
    annotations.tagParagraph(second!.id, '主题/乙');
  }
  return { kept, other };
}

describe('an article in the trash', () => {
  it('is not counted in the tag pane; restoring it, or undoing the trash, counts it again', () => {
    const { other } = annotateTwo();
    const all = { 主题: [0, 4], '主题/甲': [2, 2], '主题/乙': [2, 2] };
    expect(counts()).toEqual(all);

    seeded.library.trashArticle(other.id);
    // The tags stay (the trash keeps the annotations), counted without the trashed article.
    expect(counts()).toEqual({ 主题: [0, 2], '主题/甲': [1, 1], '主题/乙': [1, 1] });

    seeded.library.restoreArticle(other.id);
    expect(counts()).toEqual(all);

    seeded.library.trashArticle(other.id);
    expect(seeded.library.annotations.undo()).toMatchObject({ op: 'article.trash' });
    expect(counts()).toEqual(all);
  });

  it('a tag only a trashed article carries is listed with nothing counted', () => {
    const article = seedArticle(seeded.library, '003');
    seeded.library.annotations.tagParagraph(bodyParagraphs(article)[0]!.id, '只在废纸篓');
    seeded.library.trashArticle(article.id);
    expect(counts()).toEqual({ 只在废纸篓: [0, 0] });
    expect(seeded.library.annotations.listTaggedPassages('只在废纸篓')).toEqual([]);
  });

  it('is found by its tag in the trash alone, for the trash view\'s tag filter', () => {
    const { kept, other } = annotateTwo();
    seeded.library.trashArticle(other.id);
    const inTrash = seeded.library.annotations.listTaggedPassages('主题', { inTrash: true });
    expect(new Set(inTrash.map((p) => p.articleId))).toEqual(new Set([other.id]));
    expect(inTrash).toHaveLength(2);
    seeded.library.restoreArticle(other.id);
    expect(seeded.library.annotations.listTaggedPassages('主题', { inTrash: true })).toEqual([]);
    expect(new Set(seeded.library.annotations.listTaggedPassages('主题').map((p) => p.articleId))).toEqual(
      new Set([kept.id, other.id]),
    );
  });

  it('is left out of the per-tag view and the tag report', () => {
    const { kept, other } = annotateTwo();
    seeded.library.trashArticle(other.id);
    expect(new Set(seeded.library.annotations.listTaggedPassages('主题').map((p) => p.articleId))).toEqual(
      new Set([kept.id]),
    );
    const outDir = path.join(seeded.dir, 'report');
    const { files } = seeded.library.exportMarkdown({ scope: { tag: '主题' }, outDir });
    const report = files.map((f) => fs.readFileSync(path.resolve(outDir, f), 'utf8')).join('\n');
    expect(report).toContain(kept.metadata.title);
    expect(report).not.toContain(other.metadata.title);
  });

  it('is neither found by search nor auto-coded; restored, it is both', () => {
    const article = seedArticle(seeded.library, '001');
    const word = bodyParagraphs(article)[0]!.text.slice(0, 4);
    const found = () => seeded.library.search.find(word, { limit: 500 }).hits.filter((h) => h.articleId === article.id);
    expect(found().length).toBeGreaterThan(0);

    seeded.library.trashArticle(article.id);
    expect(found()).toEqual([]);
    const coded = seeded.library.search.autocode(word, { tag: '自动', span: true });
    expect(coded.articleIds).not.toContain(article.id);
    expect(counts()['自动']?.[1] ?? 0).toBe(coded.highlights);

    seeded.library.restoreArticle(article.id);
    expect(found().length).toBeGreaterThan(0);
    expect(seeded.library.search.autocode(word, { tag: '自动', span: true }).articleIds).toContain(article.id);
  });

  it('opened from the trash view, is still searched within; auto-coding it asks for a restore first', () => {
    const article = seedArticle(seeded.library, '001');
    const word = bodyParagraphs(article)[0]!.text.slice(0, 4);
    seeded.library.trashArticle(article.id);
    const inArticle = seeded.library.search.find(word, { articleId: article.id }).hits;
    expect(inArticle.length).toBeGreaterThan(0);
    expect(inArticle.every((h) => h.articleId === article.id)).toBe(true);

    const rowsBefore = seeded.library.database().prepare('SELECT count(*) FROM highlight').pluck().get();
    const autocode = () => seeded.library.search.autocode(word, { tag: '自动', span: true, articleId: article.id });
    expect(autocode).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(autocode).toThrow(`"${article.metadata.title}" is in the trash; restore it first. Nothing changed.`);
    expect(seeded.library.database().prepare('SELECT count(*) FROM highlight').pluck().get()).toBe(rowsBefore);
  });
});

describe('an archived article', () => {
  it('still counts in the tag pane, the per-tag view, the tag report and search', () => {
    const { other } = annotateTwo();
    const before = counts();
    seeded.library.setArchived(other.id, true);
    expect(counts()).toEqual(before);
    const passages = seeded.library.annotations.listTaggedPassages('主题');
    expect(passages.map((p) => p.articleId)).toContain(other.id);
    // Marked, so the tag view can say where they come from.
    for (const p of passages) expect(p.articleArchived).toBe(p.articleId === other.id);
    const outDir = path.join(seeded.dir, 'report');
    const { files } = seeded.library.exportMarkdown({ scope: { tag: '主题' }, outDir });
    const report = files.map((f) => fs.readFileSync(path.resolve(outDir, f), 'utf8')).join('\n');
    expect(report).toContain(other.metadata.title);
    const word = bodyParagraphs(other)[0]!.text.slice(0, 4);
    expect(seeded.library.search.find(word, { limit: 500 }).hits.map((h) => h.articleId)).toContain(other.id);
  });

  it('is marked archived in search hits (it is out of the default list), other articles are not', () => {
    const article = seedArticle(seeded.library, '002');
    seeded.library.setArchived(article.id, true);
    const hits = seeded.library.search.find('的', { limit: 500 }).hits;
    expect(hits.some((h) => h.articleId === article.id)).toBe(true);
    expect(hits.some((h) => h.articleId !== article.id)).toBe(true);
    for (const hit of hits) expect(hit.articleArchived, hit.articleTitle).toBe(hit.articleId === article.id);
    seeded.library.annotations.undo();
    expect(seeded.library.search.find('的', { limit: 500 }).hits.every((h) => !h.articleArchived)).toBe(true);
  });
});
