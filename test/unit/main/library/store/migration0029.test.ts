import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { openAsSchema } from './searchMigrationCase';

/**
 * Team work (#19): migration 0029 gives every highlight, assignment, note and memo a maker. Those
 * made before it have none anyone recorded ('': they are nobody's in agreement and the coder
 * filter), and what is made after is this library's member's.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

describe('migration 0029: who made each annotation', () => {
  it('marks a schema-28 library’s annotations as made by nobody recorded, and new ones as this member’s', async () => {
    const article = seedArticle(seeded.library, '001');
    const [first, second] = bodyParagraphs(article, 20);
    const { annotations } = seeded.library;
    annotations.createHighlight({ paragraphId: first!.id, start: 0, end: 4, color: 'green', tags: ['旧标签'] });
    annotations.tagParagraph(second!.id, '段落标签');
    annotations.saveNote({ paragraphId: second!.id, editorState: '{}', plainText: '旧笔记', markdown: '旧笔记' });
    seeded.library.close();
    openAsSchema(seeded.dbPath, 28).close();

    seeded.library = await createLibrary({ dbPath: seeded.dbPath });
    const db = seeded.library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const makers = () =>
      db
        .prepare(
          `SELECT made_by FROM highlight UNION ALL SELECT made_by FROM highlight_tag
           UNION ALL SELECT made_by FROM paragraph_tag UNION ALL SELECT made_by FROM note`,
        )
        .pluck()
        .all();
    expect(makers()).toEqual(['', '', '', '']);
    const me = seeded.library.team.members().find((m) => m.me)!;
    expect(me.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const made = seeded.library.annotations.createHighlight({ paragraphId: second!.id, start: 0, end: 2, color: 'blue', tags: ['新标签'] });
    expect(made.madeBy).toBe(me.uid);
    // An edit of an old one keeps it nobody's: an edit never changes the maker.
    const old = seeded.library.getArticle(article.id).highlights.find((h) => h.color === 'green')!;
    seeded.library.annotations.updateHighlight(old.id, 'pink');
    expect(seeded.library.getArticle(article.id).highlights.map((h) => [h.color, h.madeBy]).sort()).toEqual(
      [
        ['blue', me.uid],
        ['pink', ''],
      ].sort(),
    );
  });
});
