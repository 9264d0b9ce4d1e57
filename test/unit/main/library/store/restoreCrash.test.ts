import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { listBackups, verifyDatabaseFile } from '../../../../../main/library/store/backups';
import { bundleChild } from '../../../../support/bundledChild';

const repo = path.resolve(__dirname, '../../../../..');
const child = path.join(repo, 'test', 'support', 'restoreCrashChild.ts');
const seedsDir = path.join(repo, 'seeds');
const kills = 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-restore-crash-'));
const dbPath = path.join(dir, 'library.sqlite');
const backupDir = path.join(dir, 'backups');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const startChild = bundleChild(child, dir);

/** Starts the restoring app stand-in and SIGKILLs it a random moment after it has the library open. */
function runAndKill(maxDelayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = startChild([dbPath, path.join(dir, 'small.sqlite'), path.join(dir, 'large.sqlite')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('open\n')) timer ??= setTimeout(() => proc.kill('SIGKILL'), Math.random() * maxDelayMs);
    });
    proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    // 'close', not 'exit': exit can come before the last lines of stdout are read.
    proc.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`the restoring process ended without being killed: ${err}`));
      resolve(
        out
          .split('\n')
          .slice(0, -1)
          .filter((l) => l.startsWith('restored ')),
      );
    });
  });
}

describe('a restore killed at any point', () => {
  it(`leaves a library that opens as one backup or the other, whole (${kills} SIGKILLs)`, async () => {
    const seeded = await createLibrary({ dbPath });
    await seeded.seedIfNew(seedsDir);
    const small = seeded.listArticles().length;
    fs.copyFileSync((await seeded.backup('small')).path, path.join(dir, 'small.sqlite'));
    const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
    for (let i = 0; i < 40; i++) {
      seeded.importText(
        `第${i}份 ${i}\n\n${fs.readFileSync(path.join(seedsDir, seeds[i % seeds.length]!), 'utf8')}`,
        `副本 ${i}`,
      );
    }
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
