import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../../preload/contract/api';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { searchLibrary } from '../../../../../main/library/search/searchLibrary';
import { registerSearchFunctions } from '../../../../../main/library/search/searchFunctions';
import { registerChecksumFunction } from '../../../../../main/library/store/contentHashes';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { bodyParagraphs, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { expectIndexInStep, tokenInstances } from '../../../../support/searchIndexInStep';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * Issue #16: migration 0024 rebuilds the search index with `body` as its first column and the
 * article's token once per row instead of 20 times. A library written at schema 23 is carried
 * over: backed up first, every query then finds the same hits in the same order with the same
 * counts, the index takes less room, and the triggers keep it in step afterwards.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const queries = ['晋江', '公安', '警', '晉', '派出所 民警', '"派出所民警"', '笔记', '说法', '的 公安', 'pizhu'];
const options = [{ includeHidden: true }, {}, { tag: '要点' }];

/** Every query with every filter, each as a whole page (500) with its exact count, and its first page of 5. */
function searchAll(db: Db): SearchResult[] {
  return queries.flatMap((q) =>
    options.flatMap((o) => [
      searchLibrary(db, q, { ...o, limit: 500, exactTotal: true }),
      searchLibrary(db, q, { ...o, limit: 5 }),
    ]),
  );
}

function indexBytes(db: Db): number {
  return db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name = 'search_index_data'").pluck().get() as number;
}

/** How many article tokens each row of the index holds, by row. */
function articleTokensPerRow(db: Db): Map<number, number> {
  const perRow = new Map<number, number>();
  for (const [, doc, col] of tokenInstances(db) as Array<[string, number, string, number]>) {
    if (col === 'article') perRow.set(doc, (perRow.get(doc) ?? 0) + 1);
  }
  return perRow;
}

function annotate(library: Library): void {
  for (const summary of library.listArticles()) {
    const [p, q] = bodyParagraphs(library.getArticle(summary.id), 10);
    if (!p || !q) continue;
    const h = library.annotations.createHighlight({ paragraphId: p.id, start: 1, end: 4, color: 'yellow', tags: ['要点'] });
    library.annotations.updateHighlightComment(h.id, '警方的说法,晋江公安');
    library.annotations.saveNote({ paragraphId: q.id, editorState: '{}', plainText: '笔记:晉江 Pizhu', markdown: 'x' });
  }
}

describe('migration 0024: a leaner search index', () => {
  it('carries a schema-23 library over: backed up, the same hits in the same order, a smaller index in step', async () => {
    annotate(seeded.library);
    seeded.library.close();

    // The library as schema 23 has it: heading first, 20 article tokens a row.
    const old = new Database(seeded.dbPath);
    registerSearchFunctions(old);
    registerChecksumFunction(old);
    undoMigrationsAfter(old, 23);
    old.pragma('user_version = 23');
    expect(old.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get()).toMatch(/fts5\(heading, body/);
    expect(new Set(articleTokensPerRow(old).values())).toEqual(new Set([20]));
    expectIndexInStep23(old);
    const before = searchAll(old);
    const oldBytes = indexBytes(old);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const migrated = seeded.library;
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-23-to'))).toBe(true);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get()).toMatch(/fts5\(body, heading/);
    expect(new Set(articleTokensPerRow(db).values())).toEqual(new Set([1]));
    expectIndexInStep(db);
    expect(searchAll(db)).toEqual(before);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'comment'))).toBe(true);
    expect(before.some((r) => r.hits.some((h) => h.kind === 'note'))).toBe(true);
    expect(indexBytes(db)).toBeLessThan(oldBytes);

    // Every trigger afterwards: an import (its indexing deferred to the batch), a note, a comment, a re-classification.
    const { articleId } = migrated.importText('鼋鼍蛟龙,鱼鳖生焉。\n\n第二段写鼋鼍。', '鼋鼍');
    const article = migrated.getArticle(articleId!);
    const found = migrated.search.find('鼋鼍').hits;
    expect(found.map((h) => h.articleId)).toEqual(found.map(() => articleId));
    expect(found.map((h) => h.text)).toContain('第二段写鼋鼍。');
    const second = article.paragraphs[article.paragraphs.length - 1]!;
    migrated.annotations.saveNote({ paragraphId: second.id, editorState: '{}', plainText: '麒麟笔记', markdown: 'x' });
    const h = migrated.annotations.createHighlight({ paragraphId: second.id, start: 0, end: 2, color: 'green', tags: [] });
    migrated.annotations.updateHighlightComment(h.id, '独角兽的评论');
    expect(migrated.search.find('麒麟').hits.map((x) => x.kind)).toEqual(['note']);
    expect(migrated.search.find('独角兽').hits.map((x) => x.kind)).toEqual(['comment']);
    migrated.reclassifyParagraph(second.id, 'boilerplate');
    expect(migrated.search.find('写鼋鼍').hits).toEqual([]);
    expect(migrated.search.find('写鼋鼍', { includeHidden: true }).hits).toHaveLength(1);
    migrated.annotations.updateHighlightComment(h.id, '');
    expect(migrated.search.find('独角兽').hits).toEqual([]);
    expectIndexInStep(db);
  });
});

/** At schema 23 the index holds what 0004 and 0008 index (undoMigration0024 indexes it so): checked by the old layout's own integrity check. */
function expectIndexInStep23(db: Db): void {
  expect(() => db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run()).not.toThrow();
}
