import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { runPizhu } from '../../../../support/runPizhu';

const seed = path.resolve(__dirname, '../../../../../seeds/000_f55bb140083bc2ab.txt');
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-rofs-'));

/** A real read-only file system (tmpfs remounted ro): needs root and a mount the sandbox allows. */
function tryMount(): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
}
const cannotMount = tryMount();
if (cannotMount) console.warn(`skipped: a read-only file system could not be mounted here (${cannotMount})`);

beforeAll(async () => {
  if (cannotMount) return;
  const library = await createLibrary({ dbPath: path.join(mountPoint, 'library.sqlite') });
  await library.importPaths([seed]);
  library.close();
  execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
});
afterAll(() => {
  if (!cannotMount) execFileSync('umount', [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(cannotMount)('a library on a read-only file system', () => {
  it('a new library in a folder that cannot be made is reported as read-only (EROFS), not as missing (ENOENT)', async () => {
    const result = await runPizhu(['import', seed, '--db', path.join(mountPoint, 'new', 'library.sqlite')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/read-only.*EROFS/);
    expect(result.err).not.toMatch(/ENOENT/);
  });

  it('writing and reading commands both say read-only (EROFS), never "damaged"', async () => {
    const db = path.join(mountPoint, 'library.sqlite');
    // A WAL library cannot be read where its -shm cannot be made: a read-only open must say so too.
    for (const command of ['backup', 'list']) {
      const result = await runPizhu([command, '--db', db]);
      expect(result.code, command).toBe(1);
      expect(result.err, command).toMatch(/read-only.*EROFS/);
      expect(result.err, command).not.toMatch(/damaged/);
    }
  });
});
