import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launcherNode, type RunnableLauncher } from '../../e2e/fixtures/launcherNode';
import { addMemberByCli, startSyncServerProcess } from '../../e2e/fixtures/syncServerProcess';
import { syncOnceWithServer } from '../../../main/library/sync/client/serverSync';
import { memoryEndpoint } from '../sync/memoryEndpoint';

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-sync-process-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Electron's binary as the e2e tests use it, where there is none: a script that runs Node only
 * when told to run as Node, as Electron does with ELECTRON_RUN_AS_NODE (else it would open a window).
 */
function electronStandIn(): RunnableLauncher {
  const file = path.join(tempDir(), 'electron');
  fs.writeFileSync(
    file,
    `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "not run as Node" >&2; exit 9; }\nexec "${process.execPath}" "$@"\n`,
    { mode: 0o755 },
  );
  return { kind: 'electron', executablePath: file };
}

const chromium: RunnableLauncher = { kind: 'chromium', executablePath: '/usr/bin/chromium' };

describe('e2e fixtures: main’s source in a process of its own', () => {
  it('runs under Node for Chromium, and under Electron’s binary told to run as Node for Electron', () => {
    const onChromium = launcherNode(chromium, 'step.ts', ['a']);
    expect(onChromium.command).toBe(process.execPath);
    expect(onChromium.args).toEqual(['--import', 'tsx', path.resolve('step.ts'), 'a']);
    const onElectron = launcherNode({ kind: 'electron', executablePath: '/opt/electron/electron' }, 'step.ts', ['a']);
    expect(onElectron.command).toBe('/opt/electron/electron');
    expect(onElectron.env.ELECTRON_RUN_AS_NODE).toBe('1');
    expect(onElectron.args).toEqual(onChromium.args);
  });

  for (const [launcher, choice] of [
    ['Chromium', () => chromium],
    ['Electron', electronStandIn],
  ] as const) {
    it(
      `on ${launcher}: pizhu serve prints its address, members add a token the server takes, SIGTERM stops it, and it serves again on its port`,
      { timeout: 120_000 },
      async () => {
        const using = choice();
        const data = tempDir();
        const server = await startSyncServerProcess(using, data);
        expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
        const token = await addMemberByCli(using, data, '林');
        expect(token).toMatch(/^pzs_[\w-]{43}$/);
        await syncOnceWithServer(memoryEndpoint('lin'), { url: server.url, token, timeoutMs: 20_000 });
        await expect(
          syncOnceWithServer(memoryEndpoint('x'), { url: server.url, token: 'pzs_wrong', timeoutMs: 20_000 }),
        ).rejects.toMatchObject({ code: 'sync-refused' });
        await server.stop();
        await server.stop();
        const again = await startSyncServerProcess(using, data, server.port);
        try {
          expect(again.url).toBe(server.url);
          // A port taken: the clear message of `pizhu serve`, not a wait for an address.
          await expect(startSyncServerProcess(using, data, again.port)).rejects.toThrow(
            /pizhu serve ended \(exit 1\) before printing its address; stderr: pizhu: The sync server cannot listen on 127\.0\.0\.1 port \d+: another program listens there/,
          );
        } finally {
          await again.stop();
        }
        expect(fs.existsSync(path.join(data, 'pizhu-sync.sqlite'))).toBe(true);
      },
    );
  }
});
