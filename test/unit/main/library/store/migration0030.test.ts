import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { listSyncConflicts } from '../../../../../main/library/sync/session/syncConflicts';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * Issue #19: since 0030 a superseded value records who wrote the one that won. A value recorded
 * before is carried over as it was, naming nobody: the notice says "another device".
 */
let dir: string | undefined;
let library: Library | undefined;
afterEach(() => {
  library?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 0030: superseded values record who wrote the winner', () => {
  it('carries a schema-29 record over unchanged, naming nobody', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-migration-0030-'));
    const dbPath = path.join(dir, 'library.sqlite');
    (await createLibrary({ dbPath })).close();
    const old = new Database(dbPath);
    undoMigrationsAfter(old, 29);
    old.pragma('user_version = 29');
    old
      .prepare(
        `INSERT INTO sync_superseded (doc, path, field, lost, kept, recorded_at)
         VALUES ('library', 'tags/0f0e', 'name', '"城市"', '"都市"', '2026-11-30T08:00:00.000Z')`,
      )
      .run();
    old.close();

    library = await createLibrary({ dbPath });
    const db = library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(listSyncConflicts(db, new Set())).toEqual([
      expect.objectContaining({
        field: 'name',
        mine: '城市',
        theirs: '都市',
        changedBy: null,
        recordedAt: '2026-11-30T08:00:00.000Z',
      }),
    ]);
    expect(library.sync.superseded()).toEqual([expect.objectContaining({ lost: '城市', kept: '都市', keptBy: null })]);
  });
});
