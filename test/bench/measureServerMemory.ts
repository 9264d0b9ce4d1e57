/**
 * Sync (#19): the sync server's memory per open document, as the issue asks it stated. The server
 * runs in a fresh process of its own (serverMemoryProcess) holding the bench library's documents
 * in its database; its heap is read after garbage collection with a few documents of each kind
 * open (so that the device's connection and the code run once are not counted), then with N more
 * articles' annotation documents open through that connection, then with their N texts open too.
 * Each step's growth over N is the figure: a reading after GC, of a process doing nothing else,
 * comes out the same run after run (resident memory, also given, moves with the allocator).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { registerChecksumFunction } from '../../main/library/store/contentHashes';
import { DocumentLink } from '../../main/library/sync/client/documentLink';
import { addMember } from '../../main/library/sync/server/members';
import { openServerStore } from '../../main/library/sync/server/serverStore';
import type { Figure } from './measure';
import { withTimeout } from './measureSync';
import { seededRandom } from './generateCorpus';
import { runOnGeneratedLibrary } from './onGeneratedLibrary';
import { seedAnnotations } from './seedAnnotations';
import type { ServerMemoryReply, ServerMemoryRequest } from './serverMemoryProcess';

const serverEntry = path.join(__dirname, 'serverMemoryProcess.ts');
const repo = path.resolve(__dirname, '../..');

/** Documents of each kind held open at once, at most (BENCH_SERVER_DOCS to change it). */
const defaultOpen = 1000;
/** Articles whose two documents are opened before the first reading (see below). */
const warmUp = 20;

interface Reading {
  heapUsed: number;
  rss: number;
  documentsOpen: number;
}

export async function measureServerMemory(
  benchDbPath: string,
  dir: string,
  most = Number(process.env.BENCH_SERVER_DOCS ?? defaultOpen),
): Promise<Figure[]> {
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'device.sqlite');
  fs.copyFileSync(benchDbPath, dbPath);
  // The bench wrote its highlights straight into SQLite: seeded into the documents at the next open,
  // as a library from before sync is (measureSync does the same).
  const raw = new Database(dbPath);
  registerChecksumFunction(raw);
  raw.prepare('UPDATE sync_state SET seeded = 0').run();
  raw.close();
  const device: Library = await createLibrary({ dbPath });
  const dataDir = path.join(dir, 'server');
  let server: { process: ChildProcess; url: string } | undefined;
  const links: DocumentLink[] = [];
  let socket: HocuspocusProviderWebsocket | undefined;
  try {
    const names = new Set(device.sync.docNames());
    const all = [...names]
      .filter((n) => n.startsWith('article/') && names.has(`text/${n.slice('article/'.length)}`))
      .slice(0, warmUp + most)
      .map((n) => n.slice('article/'.length));
    // Fewer when the library has fewer annotated articles (a small one measured on its own); said in the figure.
    const open = all.length - warmUp;
    if (open < 100) throw new Error(`the library has ${all.length} annotated articles: too few to measure`);
    const uids = all.slice(warmUp);
    const articleDocs = uids.map((uid) => `article/${uid}`);
    const textDocs = uids.map((uid) => `text/${uid}`);
    const warmUpDocs = all.slice(0, warmUp).flatMap((uid) => [`article/${uid}`, `text/${uid}`]);
    // The server's database holds what a device's first sync sends it: each document whole.
    const store = openServerStore(dataDir);
    const token = addMember(store.db, 'bench', false);
    const storedBytes = new Map<string, number>();
    store.db.transaction(() => {
      for (const name of [...warmUpDocs, ...articleDocs, ...textDocs]) {
        const state = device.sync.diff(name);
        storedBytes.set(name, state.length);
        store.appendUpdate(name, state);
      }
    })();
    const storedKb = (docs: string[]) => docs.reduce((n, name) => n + (storedBytes.get(name) ?? 0), 0) / 1024 / docs.length;
    store.close();

    server = await startServer(dataDir);
    const opened = socketOf(server.url);
    socket = opened;
    const openAll = async (docs: string[]) => {
      const added = docs.map((name) => new DocumentLink(name, device.sync, opened, token));
      links.push(...added);
      const failures = await withTimeout(
        Promise.all(added.map((link) => link.settled())),
        300_000,
        `the server did not open ${docs.length} documents in 300 s`,
      );
      const failed = failures.find((f) => f !== undefined);
      if (failed) throw new Error(`a document did not open: ${JSON.stringify(failed)}`);
    };
    // First a few of each kind, held open through the readings: the device's connection and the
    // code a first document runs (compiled on first use, kept on the heap) are no document's cost.
    await openAll(warmUpDocs);
    const none = await measure(server.process);
    await openAll(articleDocs);
    const withArticles = await measure(server.process);
    await openAll(textDocs);
    const withTexts = await measure(server.process);
    for (const [reading, want] of [
      [none, warmUpDocs.length],
      [withArticles, warmUpDocs.length + open],
      [withTexts, warmUpDocs.length + 2 * open],
    ] as const) {
      if (reading.documentsOpen !== want) throw new Error(`the server held ${reading.documentsOpen} documents open, not ${want}`);
    }
    const figure = (what: string, docs: string[], from: Reading, to: Reading): Figure => {
      const heapKb = (to.heapUsed - from.heapUsed) / 1024 / open;
      const rssKb = (to.rss - from.rss) / 1024 / open;
      return {
        figure: `sync server memory per open ${what} (${open} more open in a fresh server, heap after GC)`,
        p50: null,
        p95: null,
        value: `${heapKb.toFixed(1)} KB heap (resident ${rssKb.toFixed(1)} KB; heap ${mb(from.heapUsed)} → ${mb(to.heapUsed)} MB; ${storedKb(docs).toFixed(1)} KB stored a document)`,
        // Stated, not a budget: the issue asks for the figure. A document that costs no memory is a broken reading.
        budget: 'stated, > 0',
        pass: heapKb > 0,
      };
    };
    return [
      figure("article's annotations document (10 highlights an article)", articleDocs, none, withArticles),
      figure("article's text document", textDocs, withArticles, withTexts),
    ];
  } finally {
    for (const link of links) link.close();
    socket?.destroy();
    if (server) await stopServer(server.process);
    device.close();
  }
}

function socketOf(url: string): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function nextReply(child: ChildProcess): Promise<ServerMemoryReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the server process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (reply: ServerMemoryReply) => {
      child.off('exit', onExit);
      if (reply.type === 'failed') reject(new Error(`the server process failed: ${reply.message}`));
      else resolve(reply);
    });
  });
}

async function measure(child: ChildProcess): Promise<Reading> {
  const reply = nextReply(child);
  child.send({ type: 'measure' } satisfies ServerMemoryRequest);
  const memory = await withTimeout(reply, 60_000, 'the server process did not measure its memory in 60 s');
  if (memory.type !== 'memory') throw new Error(`the server process answered ${memory.type}`);
  return memory;
}

async function startServer(dataDir: string): Promise<{ process: ChildProcess; url: string }> {
  const child = fork(serverEntry, [dataDir], {
    cwd: repo,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = await withTimeout(nextReply(child), 60_000, 'the sync server did not listen within 60 s');
  if (reply.type !== 'listening') throw new Error(`the server process answered ${reply.type}`);
  return { process: child, url: reply.url };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' } satisfies ServerMemoryRequest);
  await withTimeout(exited, 30_000, 'the server process did not stop within 30 s').catch(() => child.kill('SIGKILL'));
}

// On its own: `BENCH_ARTICLES=1000 node --import tsx test/bench/measureServerMemory.ts` (the bench's ten highlights an article).
if (require.main === module) {
  void runOnGeneratedLibrary('server-memory', async (library, count) => {
    seedAnnotations(library, count * 10, seededRandom(7));
    library.database().pragma('wal_checkpoint(TRUNCATE)');
    const dir = fs.mkdtempSync(path.join(path.dirname(library.path), 'server-memory-'));
    return measureServerMemory(library.path, dir);
  });
}
