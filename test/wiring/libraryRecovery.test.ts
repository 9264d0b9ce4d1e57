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
        chooseBackup: (message, backups) => {
          offered.push(message, ...backups.map((b) => b.path));
          expect(sha(dbPath)).toBe(damaged); // still untouched while the person decides
          return Promise.resolve(backups[0] ?? null);
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
        chooseBackup: () => Promise.resolve(null),
        showError: (message) => shown.push(message),
      },
    );
    expect(library).toBeNull();
    expect(shown[0]).toContain(dbPath);
    expect(sha(dbPath)).toBe(damaged);
  });
});

describe('backups that recover (issue #12 item 6)', () => {
  const backupDir = () => path.join(dir, 'backups');
  const good = () => fs.readdirSync(backupDir()).find((f) => f.endsWith('-daily.sqlite'))!;

  it('a partial file under a newer backup name is never offered; the good one below it is, with date and size', async () => {
    // What the old code left when a backup was cut short: the first pages under a real name.
    const partialName = 'library-29990101T000000000Z-daily.sqlite';
    const whole = fs.readFileSync(path.join(backupDir(), good()));
    fs.writeFileSync(path.join(backupDir(), partialName), whole.subarray(0, whole.length / 2));
    const offers: string[][] = [];
    const library = await openLibraryWithRecovery(
      { dbPath },
      {
        chooseBackup: (_message, backups) => {
          offers.push(backups.map((b) => `${b.name} ${b.createdAt} ${b.bytes}`));
          return Promise.resolve(backups[0] ?? null);
        },
        showError: (message) => {
          throw new Error(`quit instead of recovering: ${message}`);
        },
      },
    );
    expect(offers).toEqual([
      [
        `${good()} ${good().replace(/^library-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z.*$/, '$1-$2-$3T$4:$5:$6.$7Z')} ${whole.length}`,
      ],
    ]);
    expect(library?.listArticles()).toHaveLength(5);
    library?.close();
    // Cleaned at the open that followed, so it never counts toward the seven kept.
    expect(fs.existsSync(path.join(backupDir(), partialName))).toBe(false);
  });

  it('a chosen backup that fails its check is reported and the next one is offered, never a silent quit', async () => {
    // Whole-looking (right size and header) but scribbled inside: only integrity_check finds it.
    const bad = path.join(backupDir(), 'library-29990101T000000000Z-manual.sqlite');
    const bytes = fs.readFileSync(path.join(backupDir(), good()));
    bytes.fill(0x5a, 16384 * 2, 16384 * 4);
    fs.writeFileSync(bad, bytes);
    const asked: Array<{ message: string; names: string[] }> = [];
    const library = await openLibraryWithRecovery(
      { dbPath },
      {
        chooseBackup: (message, backups) => {
          asked.push({ message, names: backups.map((b) => b.name) });
          return Promise.resolve(backups[0] ?? null);
        },
        showError: (message) => {
          throw new Error(`quit instead of recovering: ${message}`);
        },
      },
    );
    expect(asked[0]!.names).toEqual([path.basename(bad), good()]);
    expect(asked[1]!.message).toMatch(/backup from 2999-01-01T00:00:00.000Z is damaged too/);
    expect(asked[1]!.names).toEqual([good()]);
    expect(library?.listArticles()).toHaveLength(5);
    library?.close();
  });

  it('every backup bad: one clear message and the damaged file untouched', async () => {
    const damaged = sha(dbPath);
    const goodPath = path.join(backupDir(), good());
    const bytes = fs.readFileSync(goodPath);
    bytes.fill(0x5a, 16384 * 2, 16384 * 4);
    fs.writeFileSync(goodPath, bytes);
    const shown: string[] = [];
    const library = await openLibraryWithRecovery(
      { dbPath },
      { chooseBackup: (_m, backups) => Promise.resolve(backups[0] ?? null), showError: (m) => shown.push(m) },
    );
    expect(library).toBeNull();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/is damaged too/);
    expect(sha(dbPath)).toBe(damaged);
  });

  it('the app already has the library open: the second one is told so, nothing offered', async () => {
    fs.rmSync(dbPath);
    const first = await createLibrary({ dbPath });
    const shown: string[] = [];
    const second = await openLibraryWithRecovery(
      { dbPath },
      {
        chooseBackup: () => {
          throw new Error('a busy library is not damaged');
        },
        showError: (m) => shown.push(m),
      },
    );
    expect(second).toBeNull();
    expect(shown[0]).toMatch(/Pizhu is open on this library; close it first/);
    first.close();
  });
});
