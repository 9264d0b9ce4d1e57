import { createHash } from 'node:crypto';
import path from 'node:path';
import { format } from 'node:util';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import { syncOnceWithServer } from '../../../main/library/sync/client/serverSync';
import { openServerStore } from '../../../main/library/sync/server/serverStore';
import { startSyncServer, type RunningSyncServer } from '../../../main/library/sync/server/syncServer';
import { authPayload, parseRefusal } from '../../../main/library/sync/server/syncProtocol';
import {
  readTextUpdate,
  textDocName,
  textDocUpdate,
  type ArticleText,
} from '../../../main/library/sync/text/articleText';
import { memoryEndpoint, type MemoryEndpoint } from './memoryEndpoint';
import { memberToken, tempDirs } from './syncFixtures';

const dataDir = tempDirs('pizhu-sync-refusals-');
const servers: RunningSyncServer[] = [];
const libraries: Library[] = [];

const rawText = ['第一段：河水从山里流下来，穿过整座城市。', '第二段：到了晚上，桥上的灯亮起来。'].join('\n\n');
const text: ArticleText = { format: 'txt', encoding: 'utf-8', fileName: '河流.txt', rawText };
const uid = createHash('sha256').update(Buffer.from(rawText, 'utf8')).digest('hex');
const name = textDocName(uid);

async function serve(dir: string, maxMessageBytes?: number): Promise<RunningSyncServer> {
  const server = await startSyncServer({
    dataDir: dir,
    port: 0,
    ...(maxMessageBytes !== undefined && { maxMessageBytes }),
  });
  servers.push(server);
  return server;
}

/** Every document the server keeps, with its whole state, read from its database (the server closed first). */
async function stored(server: RunningSyncServer, dir: string): Promise<Map<string, Uint8Array>> {
  await server.close();
  const store = openServerStore(dir);
  try {
    const docs = new Map<string, Uint8Array>();
    for (const doc of store.documentDigests().keys()) docs.set(doc, Y.mergeUpdates(store.loadUpdates(doc)));
    return docs;
  } finally {
    store.close();
  }
}

/** A device holding an article text document made of these bytes (a memory endpoint takes any). */
function holding(deviceId: string, update: Uint8Array): MemoryEndpoint {
  const device = memoryEndpoint(deviceId);
  Y.applyUpdate(device.doc(name), update);
  return device;
}

/** Sends one raw message on a document, as a hostile or broken client would, and resolves with the server's close reason. */
async function sendRaw(
  url: string,
  token: string,
  docName: string,
  message: (provider: HocuspocusProvider) => void,
): Promise<{ closed?: string; refused?: string }> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  let provider: HocuspocusProvider | undefined;
  try {
    return await new Promise((resolve) => {
      provider = new HocuspocusProvider({
        name: docName,
        document: new Y.Doc(),
        websocketProvider: socket,
        token: authPayload(token),
        awareness: null,
        onAuthenticationFailed: ({ reason }) => resolve({ refused: reason }),
        onSynced: () => message(provider!),
        onClose: ({ event }) => {
          if (parseRefusal(event.reason)) resolve({ closed: event.reason });
        },
      });
      provider.attach();
    });
  } finally {
    provider?.destroy();
    socket.destroy();
  }
}

/** A Hocuspocus sync message (y-protocols Update) for a document with these update bytes. */
function updateMessage(docName: string, update: Uint8Array): Uint8Array {
  const parts: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      parts.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    parts.push(n);
  };
  const bytes = Buffer.from(docName, 'utf8');
  varUint(bytes.length);
  parts.push(...bytes);
  varUint(0); // Sync
  varUint(2); // y-protocols Update
  varUint(update.length);
  return Uint8Array.from([...parts, ...update]);
}

/** A Hocuspocus message of this type whose body is one string (BroadcastStateless; any other type as bytes to refuse). */
function statelessMessage(docName: string, type: number, payload: string): Uint8Array {
  const strings = [docName, payload].map((part) => Buffer.from(part, 'utf8'));
  const length = (n: number) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, n >>> 7]);
  return Uint8Array.from([
    ...length(strings[0]!.length),
    ...strings[0]!,
    type,
    ...length(strings[1]!.length),
    ...strings[1]!,
  ]);
}

/** Sends the message bytes on the provider's socket as they are. */
function sendBytes(provider: HocuspocusProvider, bytes: Uint8Array): void {
  provider.configuration.websocketProvider.send(bytes);
}

afterEach(async () => {
  for (const library of libraries.splice(0)) library.close();
  for (const server of servers.splice(0)) await server.close();
});

describe('the sync server refuses article texts that are not their name’s', () => {
  it(
    'a tampered text is refused to its sender by name, never stored, and every other device syncs on',
    { timeout: 60_000 },
    async () => {
      const dir = dataDir();
      const server = await serve(dir);
      const tampered = textDocUpdate(uid, { ...text, rawText: `${rawText}\n\n伪造的一段。` });
      const sender = holding('mallory', tampered);
      sender.doc('library').getMap('m').set('from mallory', 1);
      sender.doc('article/0a1b2c3d4e5f').getText('t').insert(0, '另一篇的笔记');

      const error = await syncOnceWithServer(sender, {
        url: server.url,
        token: memberToken(dir, 'mallory'),
        timeoutMs: 10_000,
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'sync-refused-update', detail: server.url });
      expect((error as Error).message).toBe(
        `The sync server at ${server.url} refused: The text sent for "${name}" does not hash to its name (SHA-256); it was refused and nothing was stored.`,
      );

      // A real library syncs with the server afterwards, with no refusal, and holds no such article.
      const library = await createLibrary({ dbPath: path.join(dataDir(), 'lin.sqlite') });
      libraries.push(library);
      await syncOnceWithServer(library.sync, { url: server.url, token: memberToken(dir, 'lin'), timeoutMs: 10_000 });
      expect(library.listArticles()).toEqual([]);
      expect(library.sync.docNames()).not.toContain(name);
      // The sender's other documents went on: only the refused one is left out.
      const kept = [...(await stored(server, dir)).keys()];
      expect(kept).not.toContain(name);
      expect(kept).toContain('article/0a1b2c3d4e5f');
    },
  );

  it(
    'a true text is stored and reaches a library; a change of it, or another text under its name, is refused and the text stays; a copy of it is taken',
    { timeout: 60_000 },
    async () => {
      const dir = dataDir();
      const server = await serve(dir);
      const honest = holding('lin', textDocUpdate(uid, text));
      await syncOnceWithServer(honest, { url: server.url, token: memberToken(dir, 'lin'), timeoutMs: 10_000 });
      // Sent again by a second device that imported the same file: the same document, taken as it is.
      const twin = holding('wang', textDocUpdate(uid, text));
      await syncOnceWithServer(twin, { url: server.url, token: memberToken(dir, 'wang'), timeoutMs: 10_000 });

      // A device that edits the immutable text after it is complete.
      const editor = holding('mallory', textDocUpdate(uid, text));
      editor.doc(name).getMap('text').set('raw_text', '改写的全文');
      const mallory = memberToken(dir, 'mallory');
      const error = await syncOnceWithServer(editor, { url: server.url, token: mallory, timeoutMs: 10_000 }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ code: 'sync-refused-update' });
      expect((error as Error).message).toContain(
        `"${name}" is an article text, which never changes once sent; this change of it was refused and nothing was stored.`,
      );
      // A field no text has, added to it.
      const adder = holding('adder', textDocUpdate(uid, text));
      adder.doc(name).getMap('text').set('note', '附加的字段');
      await expect(
        syncOnceWithServer(adder, { url: server.url, token: mallory, timeoutMs: 10_000 }),
      ).rejects.toMatchObject({ code: 'sync-refused-update' });
      // Another complete text under the name, from a fresh document whose Yjs ids win every field.
      const forger = memoryEndpoint('forger', 0xfffffffe);
      const forged = forger.doc(name).getMap('text');
      forger.doc(name).transact(() => {
        forged.set('version', 1);
        forged.set('format', 'txt');
        forged.set('encoding', 'utf-8');
        forged.set('file_name', null);
        forged.set('raw_text', '另一篇文章');
      });
      await expect(
        syncOnceWithServer(forger, { url: server.url, token: mallory, timeoutMs: 10_000 }),
      ).rejects.toMatchObject({ code: 'sync-refused-update' });

      // The same text under other Yjs ids (as a device that built it otherwise would hold it) reads the same: taken.
      const copy = memoryEndpoint('copy', 0xfffffffd);
      const copied = copy.doc(name).getMap('text');
      copy.doc(name).transact(() => {
        copied.set('version', 1);
        copied.set('format', text.format);
        copied.set('encoding', text.encoding);
        copied.set('file_name', text.fileName);
        copied.set('raw_text', text.rawText);
      });
      await syncOnceWithServer(copy, { url: server.url, token: memberToken(dir, 'copy'), timeoutMs: 10_000 });

      const library = await createLibrary({ dbPath: path.join(dataDir(), 'reader.sqlite') });
      libraries.push(library);
      await syncOnceWithServer(library.sync, { url: server.url, token: memberToken(dir, 'reader'), timeoutMs: 10_000 });
      expect(library.listArticles()).toHaveLength(1);
      const kept = (await stored(server, dir)).get(name);
      expect(kept && readTextUpdate(name, kept)).toEqual(text);
    },
  );
});

describe('the sync server refuses hostile input by name and changes nothing', () => {
  it('a document name outside the shapes a library has is refused at authentication, and nothing is stored under it', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    for (const bad of ['../../etc/passwd', 'notes', 'article/a/b', 'text/not-a-hash', `article/${'x'.repeat(200)}`]) {
      const answer = await sendRaw(server.url, token, bad, () => undefined);
      expect(answer.refused, bad).toMatch(/^pizhu:document No Pizhu library has a document named "/);
    }
    // The client's own message for it names the document.
    const device = memoryEndpoint('d');
    device.doc('notes').getMap('m').set('x', 1);
    const error = await syncOnceWithServer(device, { url: server.url, token, timeoutMs: 10_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'sync-refused-update' });
    expect((error as Error).message).toContain('No Pizhu library has a document named "notes"');
    expect([...(await stored(server, dir)).keys()].filter((doc) => doc !== 'library')).toEqual([]);
  });

  it('a malformed update is refused by name (the document closed with the reason) and nothing of it is applied', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    const good = memoryEndpoint('good');
    good.doc('library').getMap('m').set('kept', 1);
    await syncOnceWithServer(good, { url: server.url, token, timeoutMs: 10_000 });
    const before = (await stored(server, dir)).get('library');

    const again = await serve(dir);
    // Structs that decode, then a delete set cut short: Yjs would integrate the structs and then fail.
    const doc = new Y.Doc();
    doc.getMap('m').set('injected', 'x'.repeat(100));
    const whole = Y.encodeStateAsUpdate(doc);
    const cut = whole.slice(0, whole.length - 1);
    for (const update of [cut, Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3)]) {
      const answer = await sendRaw(again.url, token, 'library', (provider) =>
        sendBytes(provider, updateMessage('library', update)),
      );
      expect(answer.closed).toMatch(
        /^pizhu:update An update of "library" could not be read \(.+\); nothing of it was stored\.$/,
      );
    }
    const after = (await stored(again, dir)).get('library');
    expect(after).toBeDefined();
    const read = new Y.Doc();
    Y.applyUpdate(read, after!);
    expect(read.getMap('m').toJSON()).toEqual({ kept: 1 });
    expect(Y.encodeStateVector(read)).toEqual(
      Y.encodeStateVector(
        (() => {
          const was = new Y.Doc();
          Y.applyUpdate(was, before!);
          return was;
        })(),
      ),
    );
  });

  it('the server logs each refusal as one line, its reason code and document named, no stack', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(format(...args));
    });
    try {
      const malformed = await sendRaw(server.url, token, 'library', (provider) =>
        sendBytes(provider, updateMessage('library', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3))),
      );
      expect(malformed.closed).toMatch(/^pizhu:update /);
      const unknownToken = await sendRaw(server.url, 'not-a-member', 'library', () => undefined);
      expect(unknownToken.refused).toMatch(/^pizhu:token /);
    } finally {
      spy.mockRestore();
    }
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/refused pizhu:update "library": An update of "library" could not be read \(.+\); nothing of it was stored\.$/);
    expect(logged[1]).toBe('refused pizhu:token "library": This token is not a member of this server.');
    for (const line of logged) expect(line).not.toContain('\n');
  });

  it('a broadcast or awareness message is refused and reaches no other device (a forged document list would make them skip changes)', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const token = memberToken(dir, 'lin');
    const heard: string[] = [];
    const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket });
    const listener = new HocuspocusProvider({
      name: 'library',
      document: new Y.Doc(),
      websocketProvider: socket,
      token: authPayload(token),
      awareness: null,
      onStateless: ({ payload }) => heard.push(payload),
    });
    listener.attach();
    await new Promise<void>((resolve) => listener.on('synced', () => resolve()));
    try {
      const forged = JSON.stringify({ type: 'pizhu:documents', names: [], digests: {} });
      const broadcast = await sendRaw(server.url, memberToken(dir, 'reader', true), 'library', (provider) =>
        sendBytes(provider, statelessMessage('library', 6, forged)),
      );
      expect(broadcast.closed).toBe(
        'pizhu:update Pizhu passes no broadcast messages between devices ("library"); it was not sent on.',
      );
      const awareness = await sendRaw(server.url, token, 'library', (provider) =>
        sendBytes(provider, statelessMessage('library', 1, 'x')),
      );
      expect(awareness.closed).toMatch(/^pizhu:update Pizhu passes no awareness messages/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual([]);
    } finally {
      listener.destroy();
      socket.destroy();
    }
  });

  it('an update over the size limit is refused by name and nothing of it is stored', async () => {
    const dir = dataDir();
    const server = await serve(dir, 64 * 1024);
    const token = memberToken(dir, 'lin');
    const device = memoryEndpoint('big');
    device
      .doc('article/big')
      .getText('t')
      .insert(0, '长'.repeat(40 * 1024));
    const error = await syncOnceWithServer(device, { url: server.url, token, timeoutMs: 10_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'sync-refused-update' });
    expect((error as Error).message).toMatch(
      /refused: An update of "article\/big" of 1\d\d KB is over this server's limit of 64 KB; nothing of it was stored\.$/,
    );
    expect([...(await stored(server, dir)).keys()]).not.toContain('article/big');
  });

  it("a read-only member's write is answered not applied, and the server keeps none of it", async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const reader = memoryEndpoint('reader');
    reader.doc('library').getMap('m').set('from the reader', 1);
    reader.doc('article/r1').getText('t').insert(0, '读者的笔记');
    const report = await syncOnceWithServer(reader, {
      url: server.url,
      token: memberToken(dir, 'reader', true),
      timeoutMs: 10_000,
    });
    expect(report).toMatchObject({ readOnly: true });
    expect(report.refusedChanges).toBeGreaterThan(0);
    const kept = await stored(server, dir);
    expect([...kept.keys()]).not.toContain('article/r1');
    const library = kept.get('library');
    if (library) {
      const read = new Y.Doc();
      Y.applyUpdate(read, library);
      expect(read.getMap('m').toJSON()).toEqual({});
    }
  });
});
