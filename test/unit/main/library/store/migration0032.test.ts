import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { searchLibrary } from '../../../../../main/library/search/searchLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { annotateForSearch, openAsSchema, searchEveryWay } from './searchMigrationCase';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';

/**
 * Issue #16: migration 0032 rebuilds the character index without columns (FTS5 detail=none), a
 * row's column a token beside its characters. A library written at schema 31 is carried over:
 * backed up first, every query then finds the same hits in the same order with the same counts
 * (titles, body, notes, comments, flagged and hidden rows, the tag filter, the article filter
 * and the trash), the index takes less room, and the triggers keep it in step afterwards.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const queries = ['警', '晉', '的', '笔', '说', '国', '的 公安', '晉 说法', '记', '版', '晋江 警'];

function characterIndexSql(db: Db): string {
  return db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_characters'").pluck().get() as string;
}

/** Every query's hits in one article, as a whole page with its exact count. */
const searchLibraryIn = (db: Db, query: string, articleId: number) =>
  searchLibrary(db, query, { articleId, limit: 500, exactTotal: true });

function characterIndexBytes(db: Db): number {
  return db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_characters%'").pluck().get() as number;
}

describe('migration 0032: the character index by row', () => {
  it('carries a schema-31 library over: backed up, the same hits in the same order, smaller, in step after every write', async () => {
    annotateForSearch(seeded.library);
    // One article in the trash: its rows are left out by their article token, before and after.
    const [first, second] = seeded.library.listArticles();
    const firstArticle = first!.id;
    const trashed = second!.id;
    seeded.library.trashArticle(trashed);
    seeded.library.close();

    const old = openAsSchema(seeded.dbPath, 31);
    expect(characterIndexSql(old)).toMatch(/fts5\(heading, body.*detail = column/);
    const before = searchEveryWay(old, queries);
    const byArticle = queries.map((q) => searchLibraryIn(old, q, firstArticle));
    old.exec('VACUUM');
    const bytesBefore = characterIndexBytes(old);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const migrated = seeded.library;
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-31-to'))).toBe(true);
    expect(characterIndexSql(db)).toMatch(/fts5\(characters, .*detail = none/);
    expectIndexInStep(db);
    expect(searchEveryWay(db, queries)).toEqual(before);
    expect(queries.map((q) => searchLibraryIn(db, q, firstArticle))).toEqual(byArticle);
    expect(byArticle.some((r) => r.hits.length > 0)).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'comment'))).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'note'))).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.articleId === trashed))).toBe(false);
    // The old index's pages went back to the file system at the migration's commit (auto-vacuum, store/compactLibrary).
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(characterIndexBytes(db)).toBeLessThan(bytesBefore);

    // Every trigger afterwards: an import (its indexing deferred to the batch), a note, a comment,
    // a re-classification, an edited and a deleted note, a comment taken away, undo and redo.
    const { articleId } = migrated.importText('鼋鼍蛟龙,鱼鳖生焉。\n\n第二段写鼋鼍。', '鼋鼍');
    expect(migrated.search.find('鼍').hits.map((h) => h.articleId)).toContain(articleId);
    const inArticle = migrated.search.find('鼍', { articleId: articleId! }).hits;
    expect(inArticle.length).toBeGreaterThan(1);
    expect(inArticle).toEqual(migrated.search.find('鼍').hits.filter((x) => x.articleId === articleId));
    const article = migrated.getArticle(articleId!);
    const last = article.paragraphs[article.paragraphs.length - 1]!;
    migrated.annotations.saveNote({ paragraphId: last.id, editorState: '{}', plainText: '麒麟笔记', markdown: 'x' });
    const h = migrated.annotations.createHighlight({ paragraphId: last.id, start: 0, end: 2, color: 'green', tags: [] });
    migrated.annotations.updateHighlightComment(h.id, '獬豸的评论');
    expect(migrated.search.find('麟').hits.map((x) => x.kind)).toEqual(['note']);
    expect(migrated.search.find('豸').hits.map((x) => x.kind)).toEqual(['comment']);
    expectIndexInStep(db);
    migrated.reclassifyParagraph(last.id, 'boilerplate');
    expect(migrated.search.find('鼍').hits.map((x) => x.paragraphId)).not.toContain(last.id);
    expect(migrated.search.find('鼍', { includeHidden: true }).hits.map((x) => x.paragraphId)).toContain(last.id);
    migrated.annotations.saveNote({ paragraphId: last.id, editorState: '{}', plainText: '貔貅笔记', markdown: 'x' });
    expect(migrated.search.find('麟').hits).toEqual([]);
    migrated.annotations.updateHighlightComment(h.id, '');
    expect(migrated.search.find('豸').hits).toEqual([]);
    expectIndexInStep(db);
    migrated.annotations.undo();
    expect(migrated.search.find('豸').hits.map((x) => x.kind)).toEqual(['comment']);
    migrated.annotations.redo();
    expect(migrated.search.find('豸').hits).toEqual([]);
    migrated.trashArticle(articleId!);
    expect(migrated.search.find('鼍').hits).toEqual([]);
    expectIndexInStep(db);
  });
});
