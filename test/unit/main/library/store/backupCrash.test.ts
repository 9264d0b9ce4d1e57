import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { listBackups, verifyDatabaseFile } from '../../../../../main/library/store/backups';
import { restoreBackup } from '../../../../../main/library/store/restoreBackup';
import { bundleChild } from '../../../../support/bundledChild';
import { killAtRandomPoint } from '../../../../support/killAtRandomPoint';
import { importSeedCopies, seedsDir } from '../../../../support/seededLibrary';

const child = path.resolve(__dirname, '../../../../support/backupCrashChild.ts');
const kills = 50;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-backup-crash-'));
const dbPath = path.join(dir, 'library.sqlite');
const backupDir = path.join(dir, 'backups');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const startChild = bundleChild(child, dir);

/** Starts the backup writer and SIGKILLs it a random moment after it has the library open. */
async function runAndKill(maxDelayMs: number): Promise<string[]> {
  const lines = await killAtRandomPoint(startChild([dbPath], { stdio: ['ignore', 'pipe', 'pipe'] }), {
    name: 'the backup writer',
    armedWhen: /open\n/,
    delayMs: () => Math.random() * maxDelayMs,
  });
  return lines.filter((l) => l.startsWith('backup ')).map((l) => l.slice('backup '.length));
}

describe('a backup killed at any point', () => {
  it(`leaves only complete, verified backups and always recovers (${kills} SIGKILLs)`, async () => {
    // A library big enough that a backup takes a while: the kills land inside it.
    const seeded = await createLibrary({ dbPath });
    await seeded.seedIfNew(seedsDir);
    importSeedCopies(seeded, 60);
    const articles = seeded.listArticles().length;
    const started = performance.now();
    await seeded.backup('timing');
    const oneBackupMs = performance.now() - started;
    seeded.close();

    const scratch = path.join(dir, 'scratch.sqlite');
    let acknowledged = 0;
    let interrupted = 0;
    // A backup is never written again under its name, so each is checked in full once.
    const verified = new Set<string>();
    for (let run = 0; run < kills; run++) {
      const acked = await runAndKill(Math.max(50, oneBackupMs * 3));
      acknowledged += acked.length;

      if (fs.existsSync(backupDir) && fs.readdirSync(backupDir).some((n) => n.endsWith('.sqlite.tmp'))) interrupted++;
      // The library opens (which also clears what the kill left) …
      const library = await createLibrary({ dbPath });
      expect(library.listArticles()).toHaveLength(articles);
      library.close();
      // … the backups folder holds only complete backups, every one passing integrity_check …
      const backups = listBackups(backupDir);
      expect(fs.readdirSync(backupDir).sort(), `run ${run}`).toEqual(backups.map((b) => b.name).sort());
      for (const b of backups.filter((b) => !verified.has(b.name))) {
        expect(verifyDatabaseFile(b.path), `run ${run}: ${b.name}`).toBeUndefined();
        verified.add(b.name);
      }
      // … every acknowledged backup still there (or pruned by a newer one) …
      const newestAcked = acked.at(-1);
      if (newestAcked) expect(backups.map((b) => b.name)).toContain(newestAcked);
      // … and the newest restores into a library that opens whole.
      const newest = backups[0];
      expect(newest, `run ${run}: no backup at all`).toBeDefined();
      for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('scratch'))) fs.rmSync(path.join(dir, f));
      await restoreBackup(scratch, newest!.path, path.join(dir, 'scratch-backups'));
      const restored = await createLibrary({ dbPath: scratch, backupDir: path.join(dir, 'scratch-backups') });
      expect(restored.listArticles()).toHaveLength(articles);
      restored.close();
    }
    // The kills landed while backups were being written (a partial copy was left), not only between them.
    expect(interrupted).toBeGreaterThanOrEqual(10);
    expect(acknowledged).toBeGreaterThan(0);
  }, 600_000);
});
