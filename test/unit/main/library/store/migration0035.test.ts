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
 * Issue #16: migration 0035 rebuilds the search index without positions or columns (FTS5
 * detail=none), a row's column and article as tokens beside its text's, phrases checked in each
 * candidate's text. A library written at schema 34 is carried over: backed up first, every query
 * (words, phrases, a quoted phrase, Latin, both scripts, two terms, a character beside a word)
 * then finds the same hits in the same order with the same counts (titles, body, notes, comments,
 * flagged and hidden rows, the tag filter, the article filter and the trash), the index takes
 * less room, and the triggers keep it in step afterwards.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const queries = ['晋江', '晉江公安', '公安局', '"警方 的"', '警方的说法', 'pizhu', '的 公安', '晋江 警', '派出所民警', '軟件'];

function searchIndexSql(db: Db): string {
  return db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get() as string;
}

const searchLibraryIn = (db: Db, query: string, articleId: number) =>
  searchLibrary(db, query, { articleId, limit: 500, exactTotal: true });

function searchIndexBytes(db: Db): number {
  return db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'").pluck().get() as number;
}

describe('migration 0035: the search index by row', () => {
  it('carries a schema-34 library over: backed up, the same hits in the same order, smaller, in step after every write', async () => {
    annotateForSearch(seeded.library);
    const [first, second] = seeded.library.listArticles();
    const firstArticle = first!.id;
    const trashed = second!.id;
    seeded.library.trashArticle(trashed);
    seeded.library.close();

    const old = openAsSchema(seeded.dbPath, 34);
    expect(searchIndexSql(old)).toMatch(/fts5\(body, heading, weak, hidden, note, article, .*columnsize = 0\)/);
    const before = searchEveryWay(old, queries);
    const byArticle = queries.map((q) => searchLibraryIn(old, q, firstArticle));
    old.exec('VACUUM');
    const bytesBefore = searchIndexBytes(old);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const migrated = seeded.library;
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-34-to'))).toBe(true);
    expect(searchIndexSql(db)).toMatch(/fts5\(tokens, .*detail = none/);
    expectIndexInStep(db);
    expect(searchEveryWay(db, queries)).toEqual(before);
    expect(queries.map((q) => searchLibraryIn(db, q, firstArticle))).toEqual(byArticle);
    expect(byArticle.some((r) => r.hits.length > 0)).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'comment'))).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'note'))).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.articleId === trashed))).toBe(false);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(searchIndexBytes(db)).toBeLessThan(bytesBefore);

    // Every trigger afterwards: an import (its indexing deferred to the batch), a note, a comment,
    // a re-classification, an edited note, a comment taken away, undo and redo, the trash.
    const { articleId } = migrated.importText('鼋鼍蛟龙,鱼鳖生焉。\n\n第二段写鼋鼍蛟龙。', '鼋鼍');
    expect(migrated.search.find('鼋鼍蛟').hits.map((h) => h.articleId)).toEqual([articleId, articleId]);
    expect(migrated.search.find('鼍蛟龙', { articleId: articleId! }).hits).toHaveLength(2);
    expect(migrated.search.find('"鼋鼍 蛟龙"').hits).toEqual([]);
    const article = migrated.getArticle(articleId!);
    const last = article.paragraphs[article.paragraphs.length - 1]!;
    migrated.annotations.saveNote({ paragraphId: last.id, editorState: '{}', plainText: '麒麟笔记 note a1', markdown: 'x' });
    const h = migrated.annotations.createHighlight({ paragraphId: last.id, start: 0, end: 2, color: 'green', tags: [] });
    migrated.annotations.updateHighlightComment(h.id, '獬豸的评论');
    expect(migrated.search.find('麒麟笔记').hits.map((x) => x.kind)).toEqual(['note']);
    // Words that are also the index's column and article names are only words.
    expect(migrated.search.find('note a1').hits.map((x) => x.kind)).toEqual(['note']);
    expect(migrated.search.find('獬豸的').hits.map((x) => x.kind)).toEqual(['comment']);
    expectIndexInStep(db);
    migrated.reclassifyParagraph(last.id, 'boilerplate');
    expect(migrated.search.find('写鼋鼍').hits).toEqual([]);
    expect(migrated.search.find('写鼋鼍', { includeHidden: true }).hits.map((x) => x.paragraphId)).toEqual([last.id]);
    migrated.annotations.saveNote({ paragraphId: last.id, editorState: '{}', plainText: '貔貅笔记', markdown: 'x' });
    expect(migrated.search.find('麒麟笔记').hits).toEqual([]);
    migrated.annotations.updateHighlightComment(h.id, '');
    expect(migrated.search.find('獬豸的').hits).toEqual([]);
    expectIndexInStep(db);
    migrated.annotations.undo();
    expect(migrated.search.find('獬豸的').hits.map((x) => x.kind)).toEqual(['comment']);
    migrated.annotations.redo();
    expect(migrated.search.find('獬豸的').hits).toEqual([]);
    migrated.trashArticle(articleId!);
    expect(migrated.search.find('鼋鼍蛟').hits).toEqual([]);
    expectIndexInStep(db);
  });
});
