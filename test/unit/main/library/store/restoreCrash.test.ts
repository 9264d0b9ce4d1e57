import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { listBackups, verifyDatabaseFile } from '../../../../../main/library/store/backups';
import { bundleChild } from '../../../../support/bundledChild';
import { killAtRandomPoint } from '../../../../support/killAtRandomPoint';
import { importSeedCopies, seedsDir } from '../../../../support/seededLibrary';

const child = path.resolve(__dirname, '../../../../support/restoreCrashChild.ts');
const kills = 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-restore-crash-'));
const dbPath = path.join(dir, 'library.sqlite');
const backupDir = path.join(dir, 'backups');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const startChild = bundleChild(child, dir);

/** Starts the restoring app stand-in and SIGKILLs it a random moment after it has the library open. */
async function runAndKill(maxDelayMs: number): Promise<string[]> {
  const proc = startChild([dbPath, path.join(dir, 'small.sqlite'), path.join(dir, 'large.sqlite')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = await killAtRandomPoint(proc, {
    name: 'the restoring process',
    armedWhen: /open\n/,
    delayMs: () => Math.random() * maxDelayMs,
  });
  return lines.filter((l) => l.startsWith('restored '));
}

describe('a restore killed at any point', () => {
  it(`leaves a library that opens as one backup or the other, whole (${kills} SIGKILLs)`, async () => {
    const seeded = await createLibrary({ dbPath });
    await seeded.seedIfNew(seedsDir);
    const small = seeded.listArticles().length;
    fs.copyFileSync((await seeded.backup('small')).path, path.join(dir, 'small.sqlite'));
    importSeedCopies(seeded, 40);
    const large = seeded.listArticles().length;
    fs.copyFileSync((await seeded.backup('large')).path, path.join(dir, 'large.sqlite'));
    seeded.close();

    let acknowledged = 0;
    for (let run = 0; run < kills; run++) {
      const acked = await runAndKill(1500);
      acknowledged += acked.length;
      const library = await createLibrary({ dbPath });
      expect([small, large], `run ${run}`).toContain(library.listArticles().length);
      library.close();
      // No staging file survives the open, and every copy kept of a replaced library is whole.
      expect(
        fs.readdirSync(dir).filter((n) => n.startsWith('.restore-')),
        `run ${run}`,
      ).toEqual([]);
      for (const b of listBackups(backupDir))
        expect(verifyDatabaseFile(b.path), `run ${run}: ${b.name}`).toBeUndefined();
    }
    expect(acknowledged).toBeGreaterThan(0);
  }, 600_000);
});
