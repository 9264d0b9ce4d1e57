import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../../../main/library/export/backupFormat';
import { readArticleAnnotations } from '../../../../../main/library/export/readArticleAnnotations';
import { LibraryError } from '../../../../../main/library/libraryError';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
let clock: number;
beforeEach(async () => {
  clock = Date.parse('2026-12-06T10:00:00.000Z');
  seeded = await openSeededLibrary(() => new Date((clock += 60_000)));
});
afterEach(() => seeded.dispose());

function twoParagraphGroup() {
  const article = seedArticle(seeded.library, '001');
  const [p1, p2, p3] = bodyParagraphs(article);
  const { annotations } = seeded.library;
  // Given out of order: the group comes back in reading order.
  const group = annotations.createHighlightGroup({
    ranges: [
      { paragraphId: p3!.id, start: 0, end: 4 },
      { paragraphId: p2!.id, start: 5, end: p2!.text.length },
    ],
    color: 'green',
    tags: ['引文'],
  });
  return { article, p1: p1!, p2: p2!, p3: p3!, group };
}

describe('highlight groups (a selection over several paragraphs)', () => {
  it('make one highlight per paragraph, in reading order, sharing a group id, tagged and coloured alike', () => {
    const { article, p2, p3, group } = twoParagraphGroup();
    expect(group.map((h) => h.paragraphId)).toEqual([p2.id, p3.id]);
    expect(group.map((h) => h.quote)).toEqual([p2.text.slice(5), p3.text.slice(0, 4)]);
    expect(group[0]!.groupId).toMatch(/\S/u);
    expect(group[1]!.groupId).toBe(group[0]!.groupId);
    expect(group.map((h) => [h.color, h.tags])).toEqual([
      ['green', ['引文']],
      ['green', ['引文']],
    ]);
    expect(seeded.library.getArticle(article.id).highlights).toEqual(group);
  });

  it('a single highlight has no group', () => {
    const article = seedArticle(seeded.library, '001');
    const [p] = bodyParagraphs(article);
    const h = seeded.library.annotations.createHighlight({ paragraphId: p!.id, start: 0, end: 2, color: 'yellow' });
    expect(h.groupId).toBeNull();
  });

  it('recolour, tag and untag one member and every member changes', () => {
    const { article, group } = twoParagraphGroup();
    const { annotations } = seeded.library;
    annotations.updateHighlight(group[1]!.id, 'pink');
    annotations.tagHighlight(group[0]!.id, '翻译/难点');
    annotations.untagHighlight(group[1]!.id, '引文');
    const after = seeded.library.getArticle(article.id).highlights;
    expect(after.map((h) => [h.color, h.tags])).toEqual([
      ['pink', ['翻译/难点']],
      ['pink', ['翻译/难点']],
    ]);
  });

  it('deleting one member deletes the group; one undo brings both back with their tags, redo deletes both', () => {
    const { article, group } = twoParagraphGroup();
    const { annotations } = seeded.library;
    const full = seeded.library.getArticle(article.id).highlights;
    annotations.deleteHighlight(group[1]!.id);
    expect(seeded.library.getArticle(article.id).highlights).toEqual([]);
    expect(annotations.undo()).toMatchObject({ op: 'highlight.delete', articleIds: [article.id] });
    expect(seeded.library.getArticle(article.id).highlights).toEqual(full);
    annotations.redo();
    expect(seeded.library.getArticle(article.id).highlights).toEqual([]);
  });

  it('creating the group is one undo step', () => {
    const { article } = twoParagraphGroup();
    expect(seeded.library.annotations.undo()).toMatchObject({ op: 'highlight.create' });
    expect(seeded.library.getArticle(article.id).highlights).toEqual([]);
  });

  it('refuses a group of one paragraph, a paragraph twice, two articles or a bad range, and writes nothing', () => {
    const a = seedArticle(seeded.library, '001');
    const b = seedArticle(seeded.library, '003');
    const [p1, p2] = bodyParagraphs(a);
    const [q1] = bodyParagraphs(b);
    const { annotations } = seeded.library;
    const attempts = [
      [{ paragraphId: p1!.id, start: 0, end: 2 }],
      [
        { paragraphId: p1!.id, start: 0, end: 2 },
        { paragraphId: p1!.id, start: 3, end: 4 },
      ],
      [
        { paragraphId: p1!.id, start: 0, end: 2 },
        { paragraphId: q1!.id, start: 0, end: 2 },
      ],
      [
        { paragraphId: p1!.id, start: 0, end: 2 },
        { paragraphId: p2!.id, start: 0, end: 9_000_000 },
      ],
    ];
    for (const ranges of attempts) {
      expect(() => annotations.createHighlightGroup({ ranges, color: 'blue' })).toThrow(LibraryError);
    }
    expect(seeded.library.getArticle(a.id).highlights).toEqual([]);
    expect(seeded.library.getArticle(b.id).highlights).toEqual([]);
    expect(annotations.undo()).toBeNull();
  });
});

describe('highlight groups in exports', () => {
  it('a JSON backup carries the group; imported into another library the members are one group again', async () => {
    const { group } = twoParagraphGroup();
    const file = path.join(seeded.dir, 'backup.json');
    seeded.library.exportBackup(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    const written = backup.articles.flatMap((a) => a.highlights);
    expect(written.map((h) => h.group)).toEqual([group[0]!.groupId, group[0]!.groupId]);

    const other = await openSeededLibrary();
    try {
      other.library.importBackup(file);
      // The same seed is in the other library: the backup's article merges into it.
      const copy = seedArticle(other.library, '001');
      const highlights = other.library.getArticle(copy.id).highlights;
      expect(highlights.map((h) => [h.quote, h.groupId])).toEqual(group.map((h) => [h.quote, h.groupId]));
      // Deleting one member there deletes the other too: they are one group, not two strays.
      other.library.annotations.deleteHighlight(highlights[0]!.id);
      expect(other.library.getArticle(copy.id).highlights).toEqual([]);
    } finally {
      other.dispose();
    }
  });

  it('a backup written before groups (no group field) still imports, each highlight alone', async () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '001'));
    seeded.library.annotations.createHighlight({ paragraphId: p!.id, start: 0, end: 3, color: 'blue' });
    const file = path.join(seeded.dir, 'old.json');
    seeded.library.exportBackup(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    expect(backup.articles.flatMap((a) => a.highlights).some((h) => 'group' in h)).toBe(false);
    const other = await openSeededLibrary();
    try {
      expect(other.library.importBackup(file)).toMatchObject({ highlightsAdded: 1 });
      const copy = seedArticle(other.library, '001');
      expect(other.library.getArticle(copy.id).highlights.map((h) => h.groupId)).toEqual([null]);
    } finally {
      other.dispose();
    }
  });

  it('the Markdown export data marks the members of a group with its id', () => {
    const { article, group } = twoParagraphGroup();
    const [annotated] = readArticleAnnotations(seeded.library.database(), article.id);
    const members = annotated!.paragraphs.flatMap((p) => p.highlights);
    expect(members.map((h) => h.groupId)).toEqual([group[0]!.groupId, group[0]!.groupId]);
  });
});
