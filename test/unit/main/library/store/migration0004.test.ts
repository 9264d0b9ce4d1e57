import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { listBackups } from '../../../../../main/library/store/backups';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { writeOlderLibrary } from '../../../../support/olderLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-migration4-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function hitsOf(library: Awaited<ReturnType<typeof createLibrary>>, term: string, includeHidden = false) {
  return library.search.find(term, { includeHidden }).hits.map((h) => [h.paragraphId, h.kind]);
}

describe('migration 0004: the search index without row sizes', () => {
  it('a schema-3 library is backed up, re-indexed (and loses its folded column, 0005), and finds what it found before', async () => {
    const file = path.join(dir, 'library.sqlite');
    const backupDir = path.join(dir, 'backups');
    writeOlderLibrary(file, 3);

    const library = await createLibrary({ dbPath: file, backupDir });
    try {
      const db = library.database();
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      // Migration 0005: the folded copy of each paragraph's text is gone, the paragraphs are not.
      const columns = (db.pragma('table_info(paragraph)') as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('folded');
      expect(db.prepare('SELECT id, text FROM paragraph ORDER BY id').raw().all()).toEqual([
        [1, '晉江出入境'],
        [2, '出入境管理大隊為晉江市民辦理業務。'],
        [3, '版權所有 晉江網'],
      ]);
      // The table that held each row's size is gone, with the option that kept it.
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'search_index_docsize'").get()).toEqual({
        n: 0,
      });
      expectIndexInStep(db);
      expect(hitsOf(library, '晋江')).toEqual([
        [1, 'paragraph'], // the title ranks first
        [2, 'paragraph'],
      ]);
      expect(hitsOf(library, '晋江', true)).toHaveLength(3);
      expect(hitsOf(library, '发型')).toEqual([[2, 'note']]);
      // Every trigger, after the migration: a new note, an edited one, a deleted one, an edited paragraph.
      library.annotations.saveNote({ paragraphId: 1, editorState: '{}', plainText: '新的批註', markdown: 'x' });
      library.annotations.saveNote({ paragraphId: 2, editorState: '{}', plainText: '改過的筆記', markdown: 'x' });
      expect(hitsOf(library, '批注')).toEqual([[1, 'note']]);
      expect(hitsOf(library, '发型')).toEqual([]);
      db.prepare("UPDATE paragraph SET kind = 'boilerplate' WHERE id = 2").run();
      expect(hitsOf(library, '晋江')).toEqual([[1, 'paragraph']]);
      expectIndexInStep(db);
    } finally {
      library.close();
    }

    const [backup, ...more] = listBackups(backupDir);
    expect(more).toEqual([]);
    expect(backup!.reason).toBe(`before-migration-3-to-${latestSchemaVersion}`);
    const old = new Database(backup!.path, { readonly: true });
    try {
      expect(old.pragma('user_version', { simple: true })).toBe(3);
    } finally {
      old.close();
    }
  });

  it('ranks (bm25 in the index) by how often a term matches, headings weighted up; search lists them in reading order', async () => {
    const library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    try {
      // Short paragraphs: the average row is short, which is when bm25 without sizes could turn over.
      const { articleId } = library.importText('晋江\n\n晋江。\n\n晋江晋江晋江。\n\n晋江晋江。\n\n别的。', '标题');
      const article = library.getArticle(articleId!);
      const idOf = (text: string) => article.paragraphs.find((p) => p.text === text)!.id;
      // Migration 0024 dropped the ranking from the index (nothing ranks since searches page in
      // library order): the index as 0004 made it, as a schema-23 library holds it.
      const db = library.database();
      undoMigrationsAfter(db, 23);
      const ranked = db
        .prepare(`SELECT rowid / 2 FROM search_index WHERE search_index MATCH '"晋江"' ORDER BY rank, rowid`)
        .pluck()
        .all();
      expect(ranked).toEqual([
        idOf('晋江晋江晋江。'),
        idOf('晋江晋江。'),
        idOf('晋江'), // a heading: one match weighs 1.5
        idOf('晋江。'),
      ]);
      // Since issue #16 a search reads a page in rowid order instead of ranking every match (searchPages).
      expect(library.search.find('晋江').hits.map((h) => h.paragraphId)).toEqual([
        idOf('晋江'),
        idOf('晋江。'),
        idOf('晋江晋江晋江。'),
        idOf('晋江晋江。'),
      ]);
    } finally {
      library.close();
    }
  });
});
