import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSyncServer } from '../../../main/library/sync/server/syncServer';
import { seedsDir } from '../../support/seededLibrary';
import { runPizhu } from '../../support/runPizhu';
import { memberToken, tempDirs } from './syncFixtures';

const seed = path.join(seedsDir, '000_f55bb140083bc2ab.txt');
const tempDir = tempDirs('pizhu-library-sync-');

/** A library with the seed article, as a person's device would have it. */
async function device(dir: string, name: string): Promise<string> {
  const db = path.join(dir, `${name}.sqlite`);
  expect((await runPizhu(['import', seed, '--db', db])).code).toBe(0);
  return db;
}

async function stats(db: string): Promise<{ highlights: number; tags: number }> {
  return JSON.parse((await runPizhu(['stats', '--db', db, '--json'])).out) as { highlights: number; tags: number };
}

describe('pizhu sync with real libraries', () => {
  it(
    'a highlight made on one device reaches the others through the server; a read-only member’s does not',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const data = path.join(dir, 'server');
      const server = await startSyncServer({ dataDir: data, port: 0 });
      try {
        const [a, b, c] = [await device(dir, 'a'), await device(dir, 'b'), await device(dir, 'c')];
        expect((await runPizhu(['autocode', '平安', '--tag', '平安', '--span', '--db', a])).code).toBe(0);
        expect((await runPizhu(['autocode', '刑警', '--tag', '刑警', '--span', '--db', b])).code).toBe(0);
        const sync = (db: string, member: string) =>
          runPizhu(['sync', '--server', server.url, '--token', member, '--db', db]);

        const first = await sync(a, memberToken(data, 'a'));
        expect(first.code).toBe(0);
        expect(first.out).toMatch(/^Synced \d+ document\(s\) with ws:\/\/127\.0\.0\.1:\d+\.$/);
        const reader = await sync(b, memberToken(data, 'b', true));
        expect(reader.code).toBe(0);
        expect(reader.out).toContain("This member is read-only: the server kept none of this library's changes");
        expect(await stats(b)).toMatchObject({ tags: 2 });
        expect((await sync(c, memberToken(data, 'c'))).code).toBe(0);
        // c has a's highlight and tag, not b's.
        expect(await stats(c)).toEqual(await stats(a));
        expect(await stats(c)).toMatchObject({ tags: 1 });
      } finally {
        await server.close();
      }
    },
  );

  it('the same through a sync folder', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Sync');
    fs.mkdirSync(folder);
    const [a, b] = [await device(dir, 'a'), await device(dir, 'b')];
    expect((await runPizhu(['autocode', '平安', '--tag', '平安', '--span', '--db', a])).code).toBe(0);
    expect((await runPizhu(['autocode', '刑警', '--tag', '刑警', '--span', '--db', b])).code).toBe(0);
    for (const db of [a, b, a]) expect((await runPizhu(['sync', '--folder', folder, '--db', db])).code).toBe(0);
    expect(await stats(a)).toMatchObject({ tags: 2 });
    expect(await stats(b)).toEqual(await stats(a));
    // Only files of the two devices, none half written.
    expect(fs.readdirSync(folder).every((file) => /^[\w-]+\.\d{8}\.[0-9a-f]{16}\.yupd$/.test(file))).toBe(true);
  });
});
