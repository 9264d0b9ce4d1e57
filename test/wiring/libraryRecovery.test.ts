import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibraryWithRecovery } from '../../main/app/openLibraryWithRecovery';
import { createLibrary } from '../../main/library/createLibrary';

const seedsDir = path.resolve(__dirname, '../../seeds');
let dir: string;
let dbPath: string;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-recovery-'));
  dbPath = path.join(dir, 'library.sqlite');
  const library = await createLibrary({ dbPath });
  await library.seedIfNew(seedsDir);
  await library.backup('daily');
  library.importText('备份之后的文章,损坏后会随文件一起失去。', '后来的文章');
  library.database().pragma('wal_checkpoint(TRUNCATE)');
  library.close();
  // Scribble over the middle of the file, as a failing disk would.
  const bytes = fs.readFileSync(dbPath);
  bytes.fill(0x5a, 4096 * 2, 4096 * 12);
  fs.writeFileSync(dbPath, bytes);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a damaged library at start', () => {
  it('is detected, nothing is written to it, and the newest backup is offered and restored', async () => {
    const damaged = sha(dbPath);
    const offered: string[] = [];
    const library = await openLibraryWithRecovery(
      { dbPath },
      {
        offerRestore: (message, backup) => {
          offered.push(message, backup.path);
          expect(sha(dbPath)).toBe(damaged); // still untouched while the person decides
          return Promise.resolve(true);
        },
        showError: () => {
          throw new Error('should have offered the backup');
        },
      },
    );
    expect(offered[0]).toMatch(/damaged|not a Pizhu library/);
    expect(library?.listArticles()).toHaveLength(5);
    library?.close();
    const kept = fs
      .readdirSync(path.join(dir, 'backups'))
      .filter((f) => f.startsWith('damaged-') && f.endsWith('.sqlite'));
    expect(kept).toHaveLength(1);
    expect(sha(path.join(dir, 'backups', kept[0]!))).toBe(damaged);
  });

  it('declined: the app quits with the message and the file stays exactly as it was', async () => {
    const damaged = sha(dbPath);
    const shown: string[] = [];
    const library = await openLibraryWithRecovery(
      { dbPath },
      {
        offerRestore: () => Promise.resolve(false),
        showError: (message) => shown.push(message),
      },
    );
    expect(library).toBeNull();
    expect(shown[0]).toContain(dbPath);
    expect(sha(dbPath)).toBe(damaged);
  });
});
