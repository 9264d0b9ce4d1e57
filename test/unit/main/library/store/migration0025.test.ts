import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { annotateForSearch, openAsSchema, searchEveryWay } from './searchMigrationCase';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';

/**
 * Issue #16: migration 0025 rebuilds the character index (0018) without its per-row sizes, so
 * rows leave it by the 'delete' command with the characters they went in with. A library
 * written at schema 24 is carried over: backed up first, every query then finds the same hits in
 * the same order with the same counts, the sizes table is gone, and the triggers keep the index
 * in step afterwards (the in-step check compares every token with the index built afresh).
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const queries = ['警', '晉', '的', '笔', '说', '国', '的 公安', '晉 说法', '记'];

function hasSizes(db: Db): boolean {
  return db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_characters_docsize'").pluck().get() === 1;
}

describe('migration 0025: the character index without row sizes', () => {
  it('carries a schema-24 library over: backed up, the same hits in the same order, no sizes, in step after every write', async () => {
    annotateForSearch(seeded.library);
    seeded.library.close();

    // The library as schema 24 has it: sizes kept, rows deleted by rowid.
    const old = openAsSchema(seeded.dbPath, 24);
    expect(hasSizes(old)).toBe(true);
    const before = searchEveryWay(old, queries);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const migrated = seeded.library;
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-24-to'))).toBe(true);
    expect(hasSizes(db)).toBe(false);
    expectIndexInStep(db);
    expect(searchEveryWay(db, queries)).toEqual(before);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'comment'))).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'note'))).toBe(true);

    // Every trigger afterwards: an import (its indexing deferred to the batch), a note, a comment,
    // a re-classification, an edited and a deleted note, a comment taken away, undo and redo.
    const { articleId } = migrated.importText('鼋鼍蛟龙,鱼鳖生焉。\n\n第二段写鼋鼍。', '鼋鼍');
    expect(migrated.search.find('鼍').hits.map((h) => h.articleId)).toContain(articleId);
    const article = migrated.getArticle(articleId!);
    const second = article.paragraphs[article.paragraphs.length - 1]!;
    migrated.annotations.saveNote({ paragraphId: second.id, editorState: '{}', plainText: '麒麟笔记', markdown: 'x' });
    const h = migrated.annotations.createHighlight({
      paragraphId: second.id,
      start: 0,
      end: 2,
      color: 'green',
      tags: [],
    });
    migrated.annotations.updateHighlightComment(h.id, '獬豸的评论');
    expect(migrated.search.find('麟').hits.map((x) => x.kind)).toEqual(['note']);
    expect(migrated.search.find('豸').hits.map((x) => x.kind)).toEqual(['comment']);
    expectIndexInStep(db);
    migrated.reclassifyParagraph(second.id, 'boilerplate');
    expect(migrated.search.find('鼍').hits.map((x) => x.paragraphId)).not.toContain(second.id);
    expect(migrated.search.find('鼍', { includeHidden: true }).hits.map((x) => x.paragraphId)).toContain(second.id);
    migrated.annotations.saveNote({ paragraphId: second.id, editorState: '{}', plainText: '貔貅笔记', markdown: 'x' });
    expect(migrated.search.find('麟').hits).toEqual([]);
    migrated.annotations.updateHighlightComment(h.id, '');
    expect(migrated.search.find('豸').hits).toEqual([]);
    expectIndexInStep(db);
    migrated.annotations.undo();
    expect(migrated.search.find('豸').hits.map((x) => x.kind)).toEqual(['comment']);
    migrated.annotations.redo();
    expect(migrated.search.find('豸').hits).toEqual([]);
    expectIndexInStep(db);
  });
});
