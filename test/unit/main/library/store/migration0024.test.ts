import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { annotateForSearch, openAsSchema, searchEveryWay } from './searchMigrationCase';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { expectIndexInStep, tokenInstances } from '../../../../support/searchIndexInStep';

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

function indexBytes(db: Db): number {
  return db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name = 'search_index_data'").pluck().get() as number;
}

/** How many article tokens each row of the index holds, by row. */
function articleTokensPerRow(db: Db): Map<number, number> {
  const perRow = new Map<number, number>();
  for (const [term, doc, col] of tokenInstances(db) as Array<[string, number, string | null, number | null]>) {
    // The article column, or since migration 0035 (no columns) the article token §a<id>.
    if (col === 'article' || term.startsWith('§a')) perRow.set(doc, (perRow.get(doc) ?? 0) + 1);
  }
  return perRow;
}

describe('migration 0024: a leaner search index', () => {
  it('carries a schema-23 library over: backed up, the same hits in the same order, a smaller index in step', async () => {
    annotateForSearch(seeded.library);
    seeded.library.close();

    // The library as schema 23 has it: heading first, 20 article tokens a row.
    const old = openAsSchema(seeded.dbPath, 23);
    expect(old.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get()).toMatch(/fts5\(heading, body/);
    expect(new Set(articleTokensPerRow(old).values())).toEqual(new Set([20]));
    expectIndexInStep23(old);
    const before = searchEveryWay(old, queries);
    const oldBytes = indexBytes(old);
    old.close();

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const migrated = seeded.library;
    const db = migrated.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-23-to'))).toBe(true);
    // As migration 0035 left it since (0024 put body first; 0035 keeps no columns).
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get()).toMatch(
      /fts5\(tokens, .*detail = none/,
    );
    expect(new Set(articleTokensPerRow(db).values())).toEqual(new Set([1]));
    expectIndexInStep(db);
    expect(searchEveryWay(db, queries)).toEqual(before);
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
