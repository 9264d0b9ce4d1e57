import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningSyncServer } from '../../../main/library/sync/server/syncServer';
import { createSyncSession, type SyncSession, type SyncSessionStatus } from '../../../main/library/sync/session/syncSession';
import { openDevices, type Device } from './model/syncedLibraries';
import { memberToken, tempDirs } from './syncFixtures';

const tempDir = tempDirs('pizhu-sync-session-');
const running: { sessions: SyncSession[]; servers: RunningSyncServer[] } = { sessions: [], servers: [] };
afterEach(async () => {
  for (const session of running.sessions.splice(0)) await session.close();
  for (const server of running.servers.splice(0)) await server.close();
});

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function session(device: Device, changed: string[] = []): SyncSession & { seen: SyncSessionStatus[] } {
  const seen: SyncSessionStatus[] = [];
  const made = createSyncSession({
    endpoint: device.library.sync,
    heartbeatMs: 200,
    backoffMs: 100,
    maxBackoffMs: 400,
    stepTimeoutMs: 3_000,
    onlineMs: 200,
    onStatus: (status) => seen.push(status),
    onRemoteChange: (names) => changed.push(...names),
  });
  running.sessions.push(made);
  return Object.assign(made, { seen });
}

const highlightCount = (device: Device) =>
  device.library.database().prepare('SELECT count(*) FROM highlight').pluck().get() as number;

describe('the app’s sync session', () => {
  it(
    'keeps two libraries in step through a server; edits made while it is down are queued and sent on reconnect',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const data = path.join(dir, 'server');
      let server = await startSyncServer({ dataDir: data, port: 0 });
      running.servers.push(server);
      const { devices, dispose } = await openDevices(2);
      try {
        const [a, b] = devices as [Device, Device];
        const changedOnB: string[] = [];
        const sa = session(a);
        const sb = session(b, changedOnB);
        sa.start({ kind: 'server', url: server.url, token: memberToken(data, 'a') });
        sb.start({ kind: 'server', url: server.url, token: memberToken(data, 'b') });
        await until('both synced', () => sa.status().phase === 'synced' && sb.status().phase === 'synced');
        expect(sa.seen.some((s) => s.phase === 'connecting')).toBe(true);
        expect(sa.status().lastSyncAt).not.toBeNull();
        // The server says who syncs now, by member name.
        await until('both online', () => JSON.stringify(sa.status().online) === '["a","b"]');

        a.library.annotations.createHighlight({ paragraphId: a.paragraphId(0), start: 0, end: 3, color: 'yellow' });
        await until('the highlight on b', () => highlightCount(b) === 1);
        await until('a confirmed', () => sa.status().pending === 0 && sa.status().phase === 'synced');
        // The app hears which document changed (it then refreshes that article).
        await until('b told of the article', () => changedOnB.some((name) => name.startsWith('article/')));

        // The server goes away: a goes offline, and its edit waits.
        const port = server.port;
        running.servers.splice(running.servers.indexOf(server), 1);
        await server.close();
        a.library.annotations.createHighlight({ paragraphId: a.paragraphId(1), start: 0, end: 3, color: 'blue' });
        await until('a offline', () => sa.status().phase === 'offline');
        expect(sa.status().pending).toBeGreaterThan(0);
        expect(sa.status().problem?.retryAt).not.toBeNull();
        expect(highlightCount(b)).toBe(1);

        // Back on the same address: the queued edit goes out without anyone asking.
        server = await startSyncServer({ dataDir: data, port });
        running.servers.push(server);
        await until('the queued highlight on b', () => highlightCount(b) === 2, 30_000);
        await until('a synced again', () => sa.status().phase === 'synced' && sa.status().pending === 0, 30_000);
      } finally {
        for (const s of running.sessions.splice(0)) await s.close();
        dispose();
      }
    },
  );

  it('a refused token stops the session with the reason, and tries no more', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const server = await startSyncServer({ dataDir: path.join(dir, 'server'), port: 0 });
    running.servers.push(server);
    const { devices, dispose } = await openDevices(1);
    try {
      const s = session(devices[0]!);
      s.start({ kind: 'server', url: server.url, token: 'not-a-member' });
      await until('refused', () => s.status().phase === 'error');
      expect(s.status().problem).toMatchObject({ code: 'sync-refused', retryAt: null });
      await s.stop();
      expect(s.status().phase).toBe('off');
    } finally {
      for (const s of running.sessions.splice(0)) await s.close();
      dispose();
    }
  });

  it('syncs through a sync folder, and is offline while the folder is missing', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Sync');
    const { devices, dispose } = await openDevices(2);
    try {
      const [a, b] = devices as [Device, Device];
      const sa = session(a);
      const sb = session(b);
      sa.start({ kind: 'folder', folder, memoryPath: path.join(dir, 'a.json') });
      await until('a offline', () => sa.status().phase === 'offline');
      expect(sa.status().problem?.code).toBe('sync-unreachable');
      fs.mkdirSync(folder);
      sb.start({ kind: 'folder', folder, memoryPath: path.join(dir, 'b.json') });
      a.library.annotations.createHighlight({ paragraphId: a.paragraphId(0), start: 0, end: 3, color: 'yellow' });
      await until('the highlight on b', () => highlightCount(b) === 1);
      await until('a synced', () => sa.status().phase === 'synced' && sa.status().pending === 0);
    } finally {
      for (const s of running.sessions.splice(0)) await s.close();
      dispose();
    }
  });
});
