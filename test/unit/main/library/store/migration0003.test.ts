import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { registerSearchFunctions } from '../../../../../main/library/search/searchFunctions';
import {
  migration0003,
  searchIndexHashSize,
} from '../../../../../main/library/store/migrations/0003-search-index-buffer';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { seedsDir } from '../../../../support/seededLibrary';
import { writeOlderLibrary } from '../../../../support/olderLibrary';
import { tokenInstances } from '../../../../support/searchIndexInStep';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-migration3-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function hashSize(db: Db): unknown {
  return (db.prepare("SELECT v FROM search_index_config WHERE k = 'hashsize'").get() as { v: unknown } | undefined)?.v;
}

function seedFiles(): string[] {
  return fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(seedsDir, f));
}

describe('migration 0003: the search index keeps an import batch in memory until its commit', () => {
  it('a new library has the larger write buffer', async () => {
    const library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    try {
      expect(library.database().pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(hashSize(library.database())).toBe(searchIndexHashSize); // migration 0004 keeps it
    } finally {
      library.close();
    }
  });

  it('on a schema-2 library, changes the write buffer and nothing of the index', () => {
    const file = path.join(dir, 'library.sqlite');
    writeOlderLibrary(file, 2);
    const db = new Database(file);
    try {
      registerSearchFunctions(db);
      const instancesBefore = tokenInstances(db);
      expect(instancesBefore.length).toBeGreaterThan(0);
      db.exec(migration0003.up);
      expect(hashSize(db)).toBe(searchIndexHashSize);
      expect(tokenInstances(db)).toEqual(instancesBefore);
      expect(() =>
        db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run(),
      ).not.toThrow();
    } finally {
      db.close();
    }
  });

  it('indexes exactly the tokens that a tiny buffer (a flush every few rows) indexes', async () => {
    const large = await createLibrary({ dbPath: path.join(dir, 'large.sqlite') });
    const small = await createLibrary({ dbPath: path.join(dir, 'small.sqlite') });
    try {
      small.database().prepare("INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 1024)").run();
      for (const library of [large, small]) {
        const outcomes = await library.importPaths(seedFiles());
        expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
      }
      const segments = (library: typeof large) =>
        (library.database().prepare('SELECT count(DISTINCT segid) AS n FROM search_index_idx').get() as { n: number })
          .n;
      expect(segments(small)).toBeGreaterThan(segments(large)); // the layouts do differ
      const instances = tokenInstances(large.database());
      expect(instances.length).toBeGreaterThan(10_000);
      expect(instances).toEqual(tokenInstances(small.database()));

      // Rows written in one large flush are deleted as cleanly as rows written in many small ones.
      for (const library of [large, small]) {
        const db = library.database();
        db.prepare('DELETE FROM article WHERE id = (SELECT min(id) FROM article)').run(); // cascades to its paragraphs
        expect(() =>
          db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run(),
        ).not.toThrow();
      }
      const remaining = tokenInstances(large.database());
      expect(remaining.length).toBeLessThan(instances.length);
      expect(remaining).toEqual(tokenInstances(small.database()));
    } finally {
      large.close();
      small.close();
    }
  });

  it('writes the batch out at its commit: another connection finds it at once, and a rollback leaves nothing', async () => {
    const file = path.join(dir, 'library.sqlite');
    const library = await createLibrary({ dbPath: file });
    try {
      await library.importPaths(seedFiles());
      const db = library.database();
      const reader = new Database(file, { readonly: true });
      try {
        const count = (on: Db, term: string) =>
          (
            on.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?').get(`"${term}"`) as {
              n: number;
            }
          ).n;
        expect(count(reader, '晋江')).toBeGreaterThan(0);
        expect(count(reader, '晋江')).toBe(count(db, '晋江'));

        // The writer's own view after a rollback: nothing of the abandoned row is left pending in memory.
        const articleId = (db.prepare('SELECT min(id) AS id FROM article').get() as { id: number }).id;
        const before = count(db, '泉州湾跨海');
        expect(() =>
          db.transaction(() => {
            db.prepare(
              "INSERT INTO paragraph (article_id, ord, kind, text, raw, checksum) VALUES (?, 9999, 'body', ?, ?, 'h')",
            ).run(articleId, '泉州湾跨海大桥', '泉州湾跨海大桥');
            throw new Error('abandoned');
          })(),
        ).toThrow('abandoned');
        expect(count(db, '泉州湾跨海')).toBe(before);
        expect(() =>
          db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run(),
        ).not.toThrow();
      } finally {
        reader.close();
      }
    } finally {
      library.close();
    }
  });
});
