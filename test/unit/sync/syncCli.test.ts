import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runSync } from '../../../main/cli/syncCommand';
import { ServerSync, syncOnceWithServer } from '../../../main/library/sync/client/serverSync';
import { startSyncServer } from '../../../main/library/sync/server/syncServer';
import { runPizhu } from '../../support/runPizhu';
import { dumpEndpoint, memoryEndpoint } from './memoryEndpoint';
import { tempDirs } from './syncFixtures';

const repo = path.resolve(__dirname, '..', '..', '..');
const tempDir = tempDirs('pizhu-sync-cli-');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** `pizhu serve` as its own process; resolves with its address once it prints it. */
function serve(
  dataDir: string,
): Promise<{ url: string; child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'pizhuProcess.ts'), 'serve', '--port', '0', '--data', dataDir],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ url, child, output: () => out, exited });
    });
    child.once('exit', () => reject(new Error(`pizhu serve ended: ${out}${err}`)));
  });
}

describe('pizhu serve, members and sync', () => {
  it(
    'serves on the address it prints, takes members added while it runs, and stops on SIGTERM with everything stored',
    { timeout: 60_000 },
    async () => {
      const data = tempDir();
      const server = await serve(data);
      const added = await runPizhu(['members', 'add', '林', '--data', data]);
      expect(added.code).toBe(0);
      const token = added.out.trim();
      expect(token).toMatch(/^pzs_[\w-]{43}$/);
      expect(fs.readFileSync(path.join(data, 'pizhu-sync.sqlite')).includes(Buffer.from(token))).toBe(false);

      const device = memoryEndpoint('d');
      device.doc('library').getMap('m').set('tag', '经济');
      await syncOnceWithServer(device, { url: server.url, token, timeoutMs: 10_000 });
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('Pizhu sync server stopped; every document is stored.');

      const again = await serve(data);
      const fresh = memoryEndpoint('fresh');
      await syncOnceWithServer(fresh, { url: again.url, token, timeoutMs: 10_000 });
      expect(fresh.doc('library').getMap('m').get('tag')).toBe('经济');
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
    },
  );

  it(
    'keeps every acknowledged change when the server process is killed (kill -9) and started again',
    { timeout: 60_000 },
    async () => {
      const data = tempDir();
      const server = await serve(data);
      const token = (await runPizhu(['members', 'add', 'lin', '--data', data])).out.trim();
      const device = memoryEndpoint('d');
      const sync = await ServerSync.connect(device, { url: server.url, token, timeoutMs: 10_000 });
      try {
        for (let n = 0; n < 30; n += 1) device.doc(`article/${n}`).getText('t').insert(0, `第${n}段`);
        await sync.syncOnce();
        device.doc('article/3').getText('t').insert(0, '改 ');
        await sync.syncOnce();
        // Killed with the documents still open: nothing was stored on a close or a debounce.
        server.child.kill('SIGKILL');
        await server.exited;
      } finally {
        sync.close();
      }

      const again = await serve(data);
      const fresh = memoryEndpoint('fresh');
      await syncOnceWithServer(fresh, { url: again.url, token, timeoutMs: 10_000 });
      expect(dumpEndpoint(fresh)).toEqual(dumpEndpoint(device));
      expect(fresh.doc('article/3').getText('t').toJSON()).toBe('改 第3段');
    },
  );

  it('members add refuses a name used already and asks for --data', async () => {
    const data = tempDir();
    expect((await runPizhu(['members', 'add', 'lin', '--read-only', '--data', data])).code).toBe(0);
    const twice = await runPizhu(['members', 'add', 'lin', '--data', data]);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('A member named lin exists already');
    const noData = await runPizhu(['members', 'add', 'wang']);
    expect(noData).toMatchObject({ code: 2 });
    expect(noData.err).toContain('members needs --data DIR');
  });

  it('serve and members refuse a server database from a newer Pizhu with a clear line, and leave it as it was', async () => {
    const data = tempDir();
    expect((await runPizhu(['members', 'add', 'lin', '--data', data])).code).toBe(0);
    const file = path.join(data, 'pizhu-sync.sqlite');
    const db = new Database(file);
    // Not in WAL mode, which this Pizhu would set were it to write.
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 2');
    db.close();
    const before = fs.readFileSync(file);
    for (const args of [
      ['members', 'add', 'wang', '--data', data],
      ['serve', '--port', '0', '--data', data],
    ]) {
      const refused = await runPizhu(args);
      expect(refused).toMatchObject({ code: 1, out: '' });
      expect(refused.err).toBe(
        "pizhu: The sync server's database was made by a newer Pizhu (schema 2); update Pizhu to serve it. The database was not changed.\n",
      );
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('serve exits 1 with a clear line when its port is taken', async () => {
    const taken = await startSyncServer({ dataDir: tempDir(), port: 0 });
    try {
      const refused = await runPizhu(['serve', '--port', String(taken.port), '--data', tempDir()]);
      expect(refused).toMatchObject({ code: 1, out: '' });
      expect(refused.err).toBe(
        `pizhu: The sync server cannot listen on 127.0.0.1 port ${taken.port}: another program listens there.\n`,
      );
    } finally {
      await taken.close();
    }
  });

  it(
    'sync exits 1 with a clear line when the server is unreachable or refuses the token',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const db = path.join(dir, 'library.sqlite');
      const unreachable = await runPizhu(['sync', '--server', 'ws://127.0.0.1:9', '--token', 'pzs_x', '--db', db]);
      expect(unreachable.code).toBe(1);
      expect(unreachable.err).toMatch(/^pizhu: No sync server answers at ws:\/\/127\.0\.0\.1:9 \(connect ECONNREFUSED/);

      const server = await serve(tempDir());
      const refused = await runPizhu(['sync', '--server', server.url, '--token', 'pzs_wrong', '--db', db]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`pizhu: The sync server at ${server.url} refused the token`);
      const noToken = await runPizhu(['sync', '--server', server.url, '--db', db]);
      expect(noToken.code).toBe(2);
      const missingFolder = await runPizhu(['sync', '--folder', path.join(dir, 'nowhere'), '--db', db]);
      expect(missingFolder.code).toBe(1);
      expect(missingFolder.err).toContain('does not exist or is not a folder');
    },
  );

  it('sync --folder reports what it applied and wrote, and writes only under this device', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Sync');
    fs.mkdirSync(folder);
    const [one, two] = [memoryEndpoint('one'), memoryEndpoint('two')];
    one.doc('library').getMap('m').set('colour', 'yellow');
    const lines: string[] = [];
    const io = { out: (text: string) => lines.push(text) };
    await runSync(one, path.join(dir, 'one.sqlite'), [], { folder }, io);
    await runSync(two, path.join(dir, 'two.sqlite'), [], { folder }, io);
    expect(lines[0]).toMatch(
      /: 0 file\(s\) from other devices applied, this device's changes written to one\.00000001\.[0-9a-f]{16}\.yupd\.$/,
    );
    expect(lines[1]).toMatch(/: 1 file\(s\) from other devices applied, nothing new to write\.$/);
    expect(two.doc('library').getMap('m').get('colour')).toBe('yellow');
  });
});
