import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ServerSync, syncOnceWithServer } from '../../../main/library/sync/client/serverSync';
import { openServerStore } from '../../../main/library/sync/server/serverStore';
import { startSyncServer, type RunningSyncServer } from '../../../main/library/sync/server/syncServer';
import { LibraryError } from '../../../main/library/libraryError';
import { dumpEndpoint, memoryEndpoint, refusing, type MemoryEndpoint } from './memoryEndpoint';
import { memberToken, tempDirs } from './syncFixtures';

const dataDir = tempDirs('pizhu-sync-server-');
const servers: RunningSyncServer[] = [];
const clients: ServerSync[] = [];

async function serve(dir: string): Promise<RunningSyncServer> {
  const server = await startSyncServer({ dataDir: dir, host: '127.0.0.1', port: 0 });
  servers.push(server);
  return server;
}

async function connect(endpoint: MemoryEndpoint, url: string, token: string): Promise<ServerSync> {
  const client = await ServerSync.connect(endpoint, { url, token, timeoutMs: 10_000 });
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

describe('sync server', () => {
  it('listens on the loopback address and port it was given (0: a free one) and says where', async () => {
    const server = await serve(dataDir());
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    // Only there: another address of this machine (127.0.0.2 is one on Linux) finds nobody at the port.
    const elsewhere = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(elsewhere).not.toBe('connected');
  });

  it('brings three devices to the same state: edits made on each, before and while connected, in several documents', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const tokens = ['lin', 'wang', 'chen'].map((name) => memberToken(dir, name));
    const devices = ['a', 'b', 'c'].map((id) => memoryEndpoint(id));
    // Offline edits: the same field on two devices, one note typed on all three, articles only one device has.
    devices.forEach((device, i) => {
      device.doc('library').getMap('m').set('title', `title from ${device.deviceId}`);
      device.doc('library').getMap('m').set(`only-${device.deviceId}`, i);
      device.doc('article/shared').getText('t').insert(0, `note ${device.deviceId}. `);
      for (let n = 0; n < 5; n += 1) device.doc(`article/${device.deviceId}-${n}`).getMap('m').set('colour', n);
    });
    const syncs = await Promise.all(devices.map((device, i) => connect(device, server.url, tokens[i] ?? '')));
    for (const sync of syncs) await sync.syncOnce();
    // A live edit after connecting, on a document the other devices never opened.
    devices[1]?.doc('article/a-3').getMap('m').set('colour', 'red');
    devices[2]?.doc('article/new').getText('t').insert(0, '新的笔记');
    for (const sync of syncs) await sync.syncOnce();
    for (const sync of syncs) await sync.syncOnce();
    // In step now: a sync opens only the library's document, every other one is as the server has it.
    for (const sync of syncs)
      expect(await sync.syncOnce()).toEqual({ documents: 18, opened: 1, readOnly: false, refusedChanges: 0 });

    const dumps = devices.map((device) => dumpEndpoint(device));
    expect(Object.keys(dumps[0] ?? {})).toHaveLength(1 + 1 + 15 + 1);
    expect(dumps[1]).toEqual(dumps[0]);
    expect(dumps[2]).toEqual(dumps[0]);
    const shared = devices[0]?.doc('article/shared').getText('t').toJSON() ?? '';
    for (const id of ['a', 'b', 'c']) expect(shared).toContain(`note ${id}. `);
    expect(devices[0]?.doc('article/a-3').getMap('m').get('colour')).toBe('red');
    expect(devices[0]?.doc('article/new').getText('t').toJSON()).toBe('新的笔记');
  });

  it('sends a live change to a device that has the document open, without another sync', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const [one, two] = [memoryEndpoint('one'), memoryEndpoint('two')];
    await connect(one, server.url, memberToken(dir, 'one'));
    await connect(two, server.url, memberToken(dir, 'two'));
    one.doc('library').getMap('m').set('tag', '经济');
    await expect.poll(() => two.doc('library').getMap('m').get('tag'), { timeout: 10_000 }).toBe('经济');
  });

  it('brings a change to a device that has the document closed, without another sync', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const [one, two] = [memoryEndpoint('one'), memoryEndpoint('two')];
    const first = await connect(one, server.url, memberToken(dir, 'one'));
    await connect(two, server.url, memberToken(dir, 'two'));
    one.doc('article/x').getMap('m').set('colour', 'yellow');
    await first.syncOnce();
    await expect.poll(() => two.doc('article/x').getMap('m').get('colour'), { timeout: 10_000 }).toBe('yellow');
    one.doc('article/x').getText('t').insert(0, '笔记');
    await expect.poll(() => two.doc('article/x').getText('t').toJSON(), { timeout: 10_000 }).toBe('笔记');
  });

  it('syncs many documents over one socket, a bounded number open at a time', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    const writer = memoryEndpoint('writer');
    for (let n = 0; n < 300; n += 1) writer.doc(`article/${n}`).getMap('m').set('n', n);
    const options = { url: server.url, token, timeoutMs: 10_000, openDocuments: 8 };
    const reader = memoryEndpoint('reader');
    const progress: [number, number][] = [];
    const syncs = [
      await ServerSync.connect(writer, { ...options, onProgress: (done, total) => progress.push([done, total]) }),
      await ServerSync.connect(reader, options),
    ];
    clients.push(...syncs);
    let client = 0;
    let onServer = 0;
    const watch = setInterval(() => {
      client = Math.max(client, ...syncs.map((sync) => sync.documentsOpen()));
      onServer = Math.max(onServer, server.documentsOpen());
    }, 1);
    try {
      expect(await syncs[0]?.syncOnce()).toMatchObject({ documents: 301, opened: 301 });
      expect(progress[0]).toEqual([0, 300]);
      expect(progress.at(-1)).toEqual([300, 300]);
      expect(progress).toHaveLength(301);
      // The reader was connected: it fetched most of them as the server announced them.
      expect(await syncs[1]?.syncOnce()).toMatchObject({ documents: 301 });
      expect(dumpEndpoint(reader)).toEqual(dumpEndpoint(writer));
    } finally {
      clearInterval(watch);
    }
    // The library's document and at most 8 others on each device; far from all 301 on the server.
    expect(client).toBeGreaterThan(1);
    expect(client).toBeLessThanOrEqual(8 + 1);
    expect(onServer).toBeLessThan(60);
  });

  it('sends an edit made while the server was down once it is back, without another sync', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    const device = memoryEndpoint('d');
    const sync = await connect(device, server.url, token);
    device.doc('article/x').getMap('m').set('colour', 'blue');
    await sync.syncOnce();
    await server.close();
    device.doc('article/x').getMap('m').set('colour', 'green');
    const again = await startSyncServer({ dataDir: dir, host: '127.0.0.1', port: server.port });
    servers.push(again);
    const reader = memoryEndpoint('reader');
    await expect
      .poll(
        async () => {
          await syncOnceWithServer(reader, { url: again.url, token, timeoutMs: 10_000 });
          return reader.doc('article/x').getMap('m').get('colour');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('green');
  });

  it("reports an update the library refuses as the library's error; the next sync brings it", async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    const writer = memoryEndpoint('writer');
    writer.doc('article/good').getMap('m').set('colour', 'red');
    writer.doc('article/bad').getMap('m').set('colour', 'blue');
    await syncOnceWithServer(writer, { url: server.url, token, timeoutMs: 10_000 });
    const reader = memoryEndpoint('reader');
    const options = { url: server.url, token, timeoutMs: 10_000 };
    await expect(syncOnceWithServer(refusing(reader, 'article/bad'), options)).rejects.toMatchObject({
      code: 'invalid-argument',
      detail: 'article/bad',
    });
    expect(reader.docNames()).not.toContain('article/bad');
    // Once the library takes it, the next sync brings it.
    await syncOnceWithServer(reader, options);
    expect(dumpEndpoint(reader)).toEqual(dumpEndpoint(writer));
  });

  it('refuses a token that is not a member, with a sync-refused error, and changes nothing', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const device = memoryEndpoint('x');
    device.doc('library').getMap('m').set('secret', 1);
    const error = await syncOnceWithServer(device, {
      url: server.url,
      token: 'pzs_not-a-token',
      timeoutMs: 10_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'sync-refused' });
    const reader = memoryEndpoint('reader');
    await syncOnceWithServer(reader, { url: server.url, token: memberToken(dir, 'reader'), timeoutMs: 10_000 });
    expect(reader.doc('library').getMap('m').toJSON()).toEqual({});
  });

  it('says the server is unreachable, quickly, when nothing listens at the address', async () => {
    const server = await serve(dataDir());
    const url = server.url;
    await server.close();
    const started = Date.now();
    const error = await syncOnceWithServer(memoryEndpoint('x'), { url, token: 'pzs_x', timeoutMs: 10_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'sync-unreachable', detail: url });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses a read-only member's changes: they reach neither the server nor the other members, and the member still reads", async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const writer = memoryEndpoint('writer');
    const reader = memoryEndpoint('reader');
    const other = memoryEndpoint('other');
    writer.doc('library').getMap('m').set('title', 'from the writer');
    writer.doc('library').getMap('m').set('writer', 1);
    await syncOnceWithServer(writer, { url: server.url, token: memberToken(dir, 'writer'), timeoutMs: 10_000 });
    const otherSync = await connect(other, server.url, memberToken(dir, 'other'));

    reader.doc('library').getMap('m').set('title', 'from the reader');
    reader.doc('article/r').getText('t').insert(0, 'reader note');
    const readerSync = await connect(reader, server.url, memberToken(dir, 'reader', true));
    reader.doc('library').getMap('m').set('live', 'reader live edit');
    const report = await readerSync.syncOnce();
    expect(report.readOnly).toBe(true);
    expect(report.refusedChanges).toBeGreaterThan(0);
    // The reader got the writer's changes; its own stay local only.
    expect(reader.doc('library').getMap('m').get('writer')).toBe(1);
    expect(reader.doc('library').getMap('m').get('live')).toBe('reader live edit');

    await otherSync.syncOnce();
    expect(other.doc('library').getMap('m').toJSON()).toEqual({ title: 'from the writer', writer: 1 });
    expect(other.docNames()).not.toContain('article/r');
    // And the server's own persistence has none of it.
    await server.close();
    const restarted = await serve(dir);
    const fresh = memoryEndpoint('fresh');
    await syncOnceWithServer(fresh, { url: restarted.url, token: memberToken(dir, 'fresh'), timeoutMs: 10_000 });
    expect(fresh.doc('library').getMap('m').toJSON()).toEqual({ title: 'from the writer', writer: 1 });
    expect(fresh.docNames()).not.toContain('article/r');
  });

  it('restarts from its persistence with nothing lost, including changes acknowledged just before it stopped', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    const device = memoryEndpoint('d');
    for (let n = 0; n < 20; n += 1) device.doc(`article/${n}`).getText('t').insert(0, `段落 ${n}`);
    const sync = await connect(device, server.url, token);
    await sync.syncOnce();
    device.doc('article/7').getText('t').insert(0, '最后的修改 ');
    device.doc('library').getMap('m').delete('nothing');
    device.doc('library').getMap('m').set('last', true);
    await sync.syncOnce();
    // Acknowledged means on disk already, before any store or shutdown (a crash now loses nothing).
    const onDisk = new Y.Doc();
    const reading = openServerStore(dir);
    for (const update of reading.loadUpdates('article/7')) Y.applyUpdate(onDisk, update);
    reading.close();
    expect(onDisk.getText('t').toJSON()).toBe('最后的修改 段落 7');
    sync.close();
    await server.close();

    const restarted = await serve(dir);
    const fresh = memoryEndpoint('fresh');
    await syncOnceWithServer(fresh, { url: restarted.url, token, timeoutMs: 10_000 });
    expect(dumpEndpoint(fresh)).toEqual(dumpEndpoint(device));
    expect(fresh.doc('article/7').getText('t').toJSON()).toBe('最后的修改 段落 7');
  });
});
