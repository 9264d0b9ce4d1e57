import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncOnceWithServer } from '../../../main/library/sync/client/serverSync';
import { createSyncSession, type SyncSessionStatus } from '../../../main/library/sync/session/syncSession';
import { openServerStore } from '../../../main/library/sync/server/serverStore';
import { startSyncServer, type RunningSyncServer } from '../../../main/library/sync/server/syncServer';
import { parseRefusal, syncModelVersion } from '../../../main/library/sync/server/syncProtocol';
import { runPizhu } from '../../support/runPizhu';
import { dumpEndpoint, memoryEndpoint } from './memoryEndpoint';
import { memberToken, tempDirs } from './syncFixtures';

const dataDir = tempDirs('pizhu-sync-handshake-');
const servers: RunningSyncServer[] = [];
const newer = syncModelVersion + 1;

async function serve(dir: string, syncModel?: number): Promise<RunningSyncServer> {
  const server = await startSyncServer({ dataDir: dir, port: 0, ...(syncModel !== undefined && { syncModel }) });
  servers.push(server);
  return server;
}

/** What the server keeps, read from its database once it is closed: every document name. */
async function storedDocuments(server: RunningSyncServer, dir: string): Promise<string[]> {
  await server.close();
  const store = openServerStore(dir);
  try {
    return [...store.documentDigests().keys()];
  } finally {
    store.close();
  }
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('the sync handshake: a device and a server of different sync models', () => {
  it('an older Pizhu against a newer server is told to update itself, before any document is exchanged', async () => {
    const dir = dataDir();
    const token = memberToken(dir, 'lin');
    const server = await serve(dir, newer);
    const device = memoryEndpoint('old');
    device.doc('library').getMap('m').set('kept here', 1);
    device.doc('article/a1').getText('t').insert(0, '本地的笔记');
    const before = dumpEndpoint(device);

    const error = await syncOnceWithServer(device, { url: server.url, token, timeoutMs: 10_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'library-too-new', detail: server.url });
    expect((error as Error).message).toBe(
      `The sync server at ${server.url} is from a newer Pizhu (sync model ${newer}; this Pizhu speaks ${syncModelVersion}): update Pizhu on this computer to sync with it. Nothing was exchanged and this library is unchanged.`,
    );
    expect(dumpEndpoint(device)).toEqual(before);
    expect(await storedDocuments(server, dir)).toEqual([]);
  });

  it('a newer Pizhu against an older server is told the server must be updated, before any document is exchanged', async () => {
    const dir = dataDir();
    const token = memberToken(dir, 'lin');
    const server = await serve(dir);
    // The server holds a document already: the newer device must get none of it.
    const other = memoryEndpoint('other');
    other.doc('library').getMap('m').set('from the server', 1);
    await syncOnceWithServer(other, { url: server.url, token, timeoutMs: 10_000 });

    const device = memoryEndpoint('new');
    device.doc('library').getMap('m').set('kept here', 1);
    const before = dumpEndpoint(device);
    const error = await syncOnceWithServer(device, {
      url: server.url,
      token,
      timeoutMs: 10_000,
      syncModel: newer,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'sync-server-too-old', detail: server.url });
    expect((error as Error).message).toContain(
      `is from an older Pizhu (sync model ${syncModelVersion}; this Pizhu speaks ${newer}): whoever runs it must update it`,
    );
    expect(dumpEndpoint(device)).toEqual(before);

    const reader = memoryEndpoint('reader');
    await syncOnceWithServer(reader, { url: server.url, token, timeoutMs: 10_000 });
    expect(reader.doc('library').getMap('m').toJSON()).toEqual({ 'from the server': 1 });
  });

  it('a Pizhu from before the handshake (its token alone) hears the reason as a sentence from a newer server', async () => {
    const dir = dataDir();
    const token = memberToken(dir, 'lin');
    const server = await serve(dir, newer);
    const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket });
    const doc = new Y.Doc();
    doc.getMap('m').set('old', 1);
    let provider: HocuspocusProvider | undefined;
    const reason = await new Promise<string>((resolve) => {
      provider = new HocuspocusProvider({
        name: 'library',
        document: doc,
        websocketProvider: socket,
        token,
        onAuthenticationFailed: ({ reason: sent }) => resolve(sent),
      });
      provider.attach();
    });
    provider?.destroy();
    socket.destroy();
    expect(reason).toMatch(
      /^pizhu:model:\d+ This sync server speaks sync model \d+ and the device sync model 1: update Pizhu on that device\./,
    );
    expect(parseRefusal(reason)).toMatchObject({ kind: 'model', server: newer });
    expect(await storedDocuments(server, dir)).toEqual([]);
  });

  it('the Sync pane hears the reason and the session stops (no retry); nothing reaches the library', async () => {
    const dir = dataDir();
    const token = memberToken(dir, 'lin');
    const server = await serve(dir, newer);
    const device = memoryEndpoint('app');
    device.doc('library').getMap('m').set('kept here', 1);
    const before = dumpEndpoint(device);
    const statuses: SyncSessionStatus[] = [];
    const session = createSyncSession({ endpoint: device, onStatus: (status) => statuses.push(status), backoffMs: 50 });
    session.start({ kind: 'server', url: server.url, token });
    const deadline = Date.now() + 15_000;
    while (session.status().phase !== 'error' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(session.status()).toMatchObject({
      phase: 'error',
      problem: { code: 'library-too-new', retryAt: null },
    });
    expect(session.status().problem?.message).toContain('update Pizhu on this computer');
    // Stopped: it does not try again.
    const tries = statuses.filter((status) => status.phase === 'connecting').length;
    await new Promise((r) => setTimeout(r, 300));
    expect(statuses.filter((status) => status.phase === 'connecting').length).toBe(tries);
    await session.close();
    expect(dumpEndpoint(device)).toEqual(before);
  });

  it(
    'pizhu sync exits 1 with the reason against a newer server, and leaves the library file as it was',
    { timeout: 60_000 },
    async () => {
      const dir = dataDir();
      const db = path.join(dir, 'library.sqlite');
      const article = path.join(__dirname, '..', '..', '..', '..', 'shared', 'seeds', '000_f55bb140083bc2ab.txt');
      expect((await runPizhu(['import', article, '--db', db])).code).toBe(0);
      const serverDir = dataDir();
      const token = memberToken(serverDir, 'lin');
      const server = await serve(serverDir, newer);
      const rows = (): unknown => {
        const open = new Database(db, { readonly: true });
        try {
          return {
            updates: open.prepare('SELECT count(*) AS n, group_concat(doc) AS docs FROM sync_update').get(),
            articles: open.prepare('SELECT id, uid, title FROM article ORDER BY id').all(),
          };
        } finally {
          open.close();
        }
      };
      // A first sync command writes the library's documents as it opens it: taken before, through a sync folder.
      expect((await runPizhu(['sync', '--folder', dataDir(), '--db', db])).code).toBe(0);
      const before = rows();
      const digest = createHash('sha256').update(JSON.stringify(before)).digest('hex');

      const run = await runPizhu(['sync', '--server', server.url, '--token', token, '--db', db]);
      expect(run.code).toBe(1);
      expect(run.err).toBe(
        `pizhu: The sync server at ${server.url} is from a newer Pizhu (sync model ${newer}; this Pizhu speaks ${syncModelVersion}): update Pizhu on this computer to sync with it. Nothing was exchanged and this library is unchanged.\n`,
      );
      expect(createHash('sha256').update(JSON.stringify(rows())).digest('hex')).toBe(digest);
      expect(await storedDocuments(server, serverDir)).toEqual([]);
      expect(fs.existsSync(db)).toBe(true);
    },
  );
});
