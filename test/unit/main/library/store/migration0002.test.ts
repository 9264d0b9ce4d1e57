import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { registerSearchFunctions } from '../../../../../main/library/search/searchFunctions';
import { listBackups } from '../../../../../main/library/store/backups';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { migration0001 } from '../../../../../main/library/store/migrations/0001-initial';
import { migration0002 } from '../../../../../main/library/store/migrations/0002-search-index';
import { writeOlderLibrary } from '../../../../support/olderLibrary';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-migration2-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));


describe('migration 0002: the search index', () => {
  it('a schema-1 library opens, is backed up first, migrates through 2 and finds the text it already held', async () => {
    const file = path.join(dir, 'library.sqlite');
    const backupDir = path.join(dir, 'backups');
    writeOlderLibrary(file, 1);

    const library = await createLibrary({ dbPath: file, backupDir });
    try {
      // Through 2 to the latest schema, in one migration transaction.
      expect(library.database().pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const hits = library.search.find('晋江').hits;
      expect(hits.map((h) => [h.paragraphId, h.kind, h.paragraphKind])).toEqual([
        [1, 'paragraph', 'title'], // headings rank first
        [2, 'paragraph', 'body'],
      ]);
      expect(library.search.find('晋江', { includeHidden: true }).total).toBe(3);
      expect(library.search.find('发型').hits).toMatchObject([{ paragraphId: 2, kind: 'note', text: '記得核對髮型照片' }]);
      // Writes after the migration keep it in step.
      library.annotations.saveNote({ paragraphId: 1, editorState: '{}', plainText: '新的批註', markdown: 'x' });
      expect(library.search.find('批注').hits.map((h) => h.paragraphId)).toEqual([1]);
    } finally {
      library.close();
    }

    const [backup, ...more] = listBackups(backupDir);
    expect(more).toEqual([]);
    expect(backup!.reason).toBe(`before-migration-1-to-${latestSchemaVersion}`);
    const old = new Database(backup!.path, { readonly: true });
    try {
      expect(old.pragma('user_version', { simple: true })).toBe(1);
      expect(old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'search_index'").get()).toEqual({ n: 0 });
      expect(old.prepare('SELECT count(*) AS n FROM paragraph').get()).toEqual({ n: 3 });
    } finally {
      old.close();
    }
  });

  it('runs in one transaction: without the tokenizer it fails and leaves schema 1 untouched', () => {
    const file = path.join(dir, 'library.sqlite');
    writeOlderLibrary(file, 1);
    const db = new Database(file);
    try {
      const migrate = db.transaction(() => {
        db.exec(migration0002.up);
        db.pragma('user_version = 2');
      });
      expect(() => migrate.immediate()).toThrow(/no such function: pizhu_search_tokens/);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '%search%'").get()).toEqual({ n: 0 });

      registerSearchFunctions(db);
      migrate.immediate();
      expect(db.prepare("SELECT rowid FROM search_index WHERE search_index MATCH '\"晋江\"' ORDER BY rowid").all()).toEqual([
        { rowid: 2 },
        { rowid: 4 },
        { rowid: 6 },
      ]);
    } finally {
      db.close();
    }
  });

  it('indexes through triggers: rows come and go with paragraphs and notes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    registerSearchFunctions(db);
    db.exec(migration0001.up);
    db.exec(migration0002.up);
    const count = (term: string) =>
      (db.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?').get(`"${term}"`) as { n: number }).n;
    db.prepare(
      "INSERT INTO article (id, content_hash, format, encoding, raw_text, title, script, imported_at) VALUES (1, 'h', 'txt', 'utf-8', 'x', 't', 'simplified', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO paragraph (id, article_id, ord, kind, text, raw, folded, text_hash) VALUES (1, 1, 0, 'body', '晉江', 'x', 'x', 'h')",
    ).run();
    expect(count('晋江')).toBe(1);
    db.prepare("UPDATE paragraph SET text = '泉州' WHERE id = 1").run();
    expect([count('晋江'), count('泉州')]).toEqual([0, 1]);
    db.prepare("INSERT INTO note (paragraph_id, editor_state, plain_text, markdown, updated_at) VALUES (1, '{}', '廈門', 'x', 'now')").run();
    expect(count('厦门')).toBe(1);
    db.prepare('DELETE FROM note').run();
    db.prepare('DELETE FROM article').run(); // cascades to the paragraph
    expect([count('泉州'), count('厦门')]).toEqual([0, 0]);
    db.close();
  });
});
