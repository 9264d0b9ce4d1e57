import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncOnceWithServer } from '../../../main/library/sync/client/serverSync';
import { memoryEndpoint } from './memoryEndpoint';
import { tempDirs } from './syncFixtures';

const repo = path.resolve(__dirname, '..', '..', '..');
const tempDir = tempDirs('pizhu-sync-bin-');
const children: ChildProcess[] = [];
/** The package's bin as npx runs it, with the built CLI it requires resolved to the source (cliFromSource.ts). */
const bin: string = (
  JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> }
).bin['pizhu-sync-server']!;
const nodeArgs = ['--import', 'tsx', '--import', path.join(__dirname, 'cliFromSource.ts'), path.join(repo, bin)];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function runBin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [...nodeArgs, ...args], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
}

describe('npx pizhu-sync-server', () => {
  it(
    'adds a member, serves on 127.0.0.1 port 0, takes a sync with that token, and stops on SIGTERM with everything stored',
    { timeout: 90_000 },
    async () => {
      expect(bin).toBe('bin/pizhu-sync-server.cjs');
      const data = tempDir();
      const added = runBin('members', 'add', '林', '--data', data);
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      const token = added.stdout.trim();
      expect(token).toMatch(/^pzs_[\w-]{43}$/);

      const child = spawn(process.execPath, [...nodeArgs, '--port', '0', '--data', data], {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address within 30 s: ${out}${err}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const found = /^Pizhu sync server listening on (ws:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        child.once('exit', () => reject(new Error(`pizhu-sync-server ended: ${out}${err}`)));
      });

      const writer = memoryEndpoint('writer');
      writer.doc('library').getMap('m').set('title', '河流');
      writer.doc('article/a1').getText('t').insert(0, '第一段的笔记');
      await syncOnceWithServer(writer, { url, token, timeoutMs: 20_000 });
      const reader = memoryEndpoint('reader');
      await syncOnceWithServer(reader, { url, token, timeoutMs: 20_000 });
      expect(reader.doc('library').getMap('m').toJSON()).toEqual({ title: '河流' });
      expect(reader.doc('article/a1').getText('t').toJSON()).toBe('第一段的笔记');
      await expect(
        syncOnceWithServer(memoryEndpoint('x'), { url, token: 'pzs_wrong', timeoutMs: 20_000 }),
      ).rejects.toMatchObject({
        code: 'sync-refused',
      });

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('Pizhu sync server stopped; every document is stored.');
      expect(fs.existsSync(path.join(data, 'pizhu-sync.sqlite'))).toBe(true);
    },
  );

  it('prints its usage with --help, and exits 2 with it when given nothing', () => {
    const help = runBin('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('pizhu-sync-server --port P --data DIR [--host H]');
    expect(help.stdout).toContain('pizhu-sync-server members add NAME [--read-only] --data DIR');
    const nothing = runBin();
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('pizhu-sync-server --port P --data DIR');
    const noData = runBin('--port', '0');
    expect(noData.status).toBe(2);
    expect(noData.stderr).toContain('pizhu: serve needs --data DIR');
  });
});
