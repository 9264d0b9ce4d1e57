import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../../../support/seededLibrary';
import { runPizhu } from '../../../support/runPizhu';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-cli-paths-'));
  db = path.join(dir, 'library.sqlite');
  expect((await runPizhu(['import', seedsDir, '--db', db])).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("pizhu export and import-backup refuse the library's own files", () => {
  it.each([
    ['json', 'library.sqlite'],
    ['json', 'library.sqlite-wal'],
    ['w3c', 'library.sqlite'],
    ['json', 'backups/manual.json'],
  ])('export --format %s --out <%s> is refused and the library still opens with its articles', async (format, name) => {
    const target = path.join(dir, name);
    const refused = await runPizhu(['export', '--format', format, '--out', target, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^pizhu: Pizhu will not use .* that would damage the library or its backups/);
    const list = await runPizhu(['list', '--db', db, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toHaveLength(5);
  });

  it('the same through a relative --out and a symlink', async () => {
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(db, link);
    expect((await runPizhu(['export', '--format', 'json', '--out', link, '--db', db])).code).toBe(1);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await runPizhu(['export', '--format', 'json', '--out', 'library.sqlite', '--db', db])).code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('import-backup of the library file itself, or of a device, is refused with a message', async () => {
    const own = await runPizhu(['import-backup', db, '--db', db]);
    expect(own.code).toBe(1);
    expect(own.err).toMatch(/will not use the library's own file "library.sqlite" as the backup to import/);
    const device = await runPizhu(['import-backup', '/dev/zero', '--db', db]);
    expect(device).toMatchObject({ code: 1 });
    expect(device.err).toMatch(/"zero" is a device, not a file Pizhu can read as a backup/);
  });

  it('a backup beside the library is written and read back', async () => {
    const file = path.join(dir, 'backup.json');
    expect((await runPizhu(['export', '--format', 'json', '--out', file, '--db', db])).code).toBe(0);
    const again = await runPizhu(['import-backup', file, '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ articlesAdded: 0, articlesMerged: 5 });
  });
});
