import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { LibraryError } from '../../libraryError';
import * as Y from 'yjs';
import {
  listDocumentsRequest,
  parseChangedNotice,
  parseDocumentList,
  parseOnlineList,
  whoIsOnlineRequest,
  stateDigest,
  type DocumentList,
} from '../server/syncProtocol';
import type { SyncEndpoint } from '../syncEndpoint';
import { DocumentLink } from './documentLink';
import { BatchedApply } from './batchedApply';
import { refusalError } from './serverRefusal';
import { QuietWebSocket } from './quietWebSocket';

export interface ServerSyncOptions {
  /** ws:// or wss:// address of a Pizhu sync server. */
  url: string;
  /** The member's token (`pizhu members add`). */
  token: string;
  /**
   * A sync that makes no progress for this long fails with 'sync-timeout' (60 s unless given): each
   * wait is bounded, not the whole sync, since a first sync of 10,000 documents may take minutes.
   */
  timeoutMs?: number;
  /** How many documents are open on the socket at once (32 unless given): a library can hold 10,000. */
  openDocuments?: number;
  /** Called as syncOnce brings documents in step: how many of those it had to open are done. */
  onProgress?: (done: number, total: number) => void;
  /** The sync model this side speaks (this Pizhu's unless given: tests pose as another Pizhu). */
  syncModel?: number;
}

export interface ServerSyncReport {
  /** Documents in step with the server (the library's and every article's, on either side). */
  documents: number;
  /** Of those, the ones that were not already as the server has them, and so were opened. */
  opened: number;
  /** The member is read-only: the server took none of this side's changes. */
  readOnly: boolean;
  /** Changes the server answered "not applied" (only a read-only member has any). */
  refusedChanges: number;
}

/** See ServerSync.acquire. */
const reopenDelayMs = 250;

/** The control document: every endpoint holds it, and the server lists its documents on it. */
const libraryDocument = 'library';

/** A ws:// address answers, or a 'sync-unreachable' LibraryError saying why not. */
async function probe(url: string, timeoutMs: number): Promise<void> {
  let socket: WebSocket;
  try {
    socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
  } catch (error) {
    throw new LibraryError('invalid-argument', `${url} is not a sync server address (ws://host:port)`, String(error));
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve();
    });
    socket.once('error', (error) => {
      reject(new LibraryError('sync-unreachable', `No sync server answers at ${url} (${error.message})`, url));
    });
  });
}

/**
 * Keeps a SyncEndpoint in step with a sync server over one socket: every document multiplexed on it,
 * a bounded number open at a time. Local changes are sent as they happen (their document is opened
 * for them); syncOnce brings every document on either side in step and resolves when nothing waits.
 */
export class ServerSync {
  private readonly links = new Map<string, DocumentLink>();
  /** Documents changed while closed, here (to be sent) or on the server (to be fetched). */
  private readonly dirty = new Set<string>();
  private readonly unsubscribe: () => void;
  private closed = false;
  /** How many syncs wait on each open link: those are never closed. */
  private readonly inUse = new Map<string, number>();
  private slotsTaken = 0;
  private readonly slotWaiters: (() => void)[] = [];
  /** When each document was last closed here. */
  private readonly closedAt = new Map<string, number>();
  private flushing: Promise<void> | undefined;

  private constructor(
    private readonly endpoint: SyncEndpoint,
    private readonly options: ServerSyncOptions,
    private readonly socket: HocuspocusProviderWebsocket,
    private readonly library: DocumentLink,
    private readonly batch: BatchedApply,
  ) {
    this.links.set(libraryDocument, library);
    // Another device changed a document this side has closed: fetch it as a local change would be sent.
    library.provider.on('stateless', ({ payload }: { payload: string }) => {
      const name = parseChangedNotice(payload);
      if (name === undefined || this.links.has(name)) return;
      this.dirty.add(name);
      this.flushSoon();
    });
    this.unsubscribe = endpoint.onUpdate((name, update) => {
      const link = this.links.get(name);
      if (link) link.applyLocal(update);
      else {
        this.dirty.add(name);
        this.flushSoon();
      }
    });
  }

  /**
   * Connects and authenticates; fails with 'sync-unreachable', 'sync-refused' or 'sync-timeout', or
   * before any document is exchanged when the server speaks another sync model ('library-too-new'
   * when it is newer, 'sync-server-too-old' when it is older).
   */
  static async connect(endpoint: SyncEndpoint, options: ServerSyncOptions): Promise<ServerSync> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    await probe(options.url, timeoutMs);
    const socket = new HocuspocusProviderWebsocket({ url: options.url, WebSocketPolyfill: QuietWebSocket });
    const batch = new BatchedApply(endpoint);
    const library = new DocumentLink(libraryDocument, endpoint, socket, options.token, batch, options.syncModel);
    const sync = new ServerSync(endpoint, options, socket, library, batch);
    try {
      await sync.settle(library, timeoutMs);
    } catch (error) {
      sync.close();
      throw error;
    }
    return sync;
  }

  /** Brings every document on either side in step with the server; resolves when quiescent. */
  async syncOnce(): Promise<ServerSyncReport> {
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    await this.settle(this.library, timeoutMs);
    const server = await this.listServerDocuments(timeoutMs);
    const local = new Set(this.endpoint.docNames());
    const names = new Set([...local, ...server.names]);
    names.delete(libraryDocument);
    let refused = this.library.refusedChanges;
    // Opening a document costs a round trip and a load on the server: only those that differ are opened.
    const queue = [...names]
      .filter((name) => !local.has(name) || server.digests[name] !== this.localDigest(name))
      .sort((x, y) => (articleOrder(x) < articleOrder(y) ? -1 : 1));
    const opened = queue.length + 1;
    let done = 0;
    this.options.onProgress?.(done, queue.length);
    // A document the server refused (its update, or its name) is left out and the others go on: the
    // sync fails with the refusal only once everything else is in step.
    const refusals: LibraryError[] = [];
    const worker = async (): Promise<void> => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        this.dirty.delete(name);
        try {
          refused += await this.syncDocument(name, timeoutMs);
        } catch (error) {
          if (!(error instanceof LibraryError && error.code === 'sync-refused-update')) throw error;
          refusals.push(error);
        }
        done += 1;
        this.options.onProgress?.(done, opened - 1);
      }
    };
    await Promise.all(Array.from({ length: this.options.openDocuments ?? 32 }, worker));
    // Changes made while the documents were going by.
    while (this.dirty.size > 0 || this.flushing) {
      await this.flush(timeoutMs);
    }
    await this.settle(this.library, timeoutMs);
    const [first, ...more] = refusals;
    if (first) {
      throw more.length === 0
        ? first
        : new LibraryError(
            'sync-refused-update',
            `${first.message} (and ${more.length} other document${more.length === 1 ? '' : 's'}; everything else is in step)`,
            first.detail,
          );
    }
    return { documents: names.size + 1, opened, readOnly: this.library.readOnly, refusedChanges: refused };
  }

  /** The socket is open now (the app's sync treats a dropped one as offline and connects again). */
  connected(): boolean {
    return !this.closed && this.socket.status === WebSocketStatus.Connected;
  }

  /**
   * Resolves when every local change made so far has been answered by the server, without listing
   * every document as syncOnce does: after each burst of edits, the app's sync waits on this alone.
   */
  async sendPending(): Promise<void> {
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    while (this.dirty.size > 0 || this.flushing) await this.flush(timeoutMs);
    for (const link of [...this.links.values()]) await this.settle(link, timeoutMs);
  }

  /** Documents open on the socket now (the library's included). */
  documentsOpen(): number {
    return this.links.size;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // What the server sent is the library's before the links go (a refusal is the next sync's to report).
    this.batch.flush();
    this.unsubscribe();
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.socket.destroy();
  }

  /** Opens a document (unless open) and waits until it is quiescent; returns its refused changes. */
  private async syncDocument(name: string, timeoutMs: number): Promise<number> {
    // One slot per document waited on, shared by syncOnce and live changes: never more open than the limit.
    while (this.slotsTaken >= (this.options.openDocuments ?? 32))
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    this.slotsTaken += 1;
    try {
      const link = await this.acquire(name);
      try {
        await this.settle(link, timeoutMs);
        return link.refusedChanges;
      } finally {
        this.inUse.set(name, (this.inUse.get(name) ?? 1) - 1);
      }
    } finally {
      this.slotsTaken -= 1;
      this.slotWaiters.shift()?.();
    }
  }

  /**
   * The open link of a document, opening it when closed. Links stay open, least recently used
   * closed first beyond the limit, and a document is not opened again within a moment of its
   * close: Hocuspocus finishes a close on the server after the client has sent it, and keys a
   * socket's connections by document name, so an immediate reopen could be dropped with it.
   */
  private async acquire(name: string): Promise<DocumentLink> {
    const closedAt = this.closedAt.get(name);
    if (closedAt !== undefined && Date.now() - closedAt < reopenDelayMs) {
      await new Promise((resolve) => setTimeout(resolve, reopenDelayMs - (Date.now() - closedAt)));
    }
    let link = this.links.get(name);
    if (link) this.links.delete(name);
    else {
      this.evictIdle();
      link = new DocumentLink(name, this.endpoint, this.socket, this.options.token, this.batch, this.options.syncModel);
    }
    // Map order is use order: the first idle one is the least recently used.
    this.links.set(name, link);
    this.inUse.set(name, (this.inUse.get(name) ?? 0) + 1);
    return link;
  }

  private evictIdle(): void {
    const limit = this.options.openDocuments ?? 32;
    for (const [name, link] of this.links) {
      if (this.links.size < limit) return;
      if (name === libraryDocument || (this.inUse.get(name) ?? 0) > 0) continue;
      this.links.delete(name);
      this.inUse.delete(name);
      link.close();
      this.closedAt.set(name, Date.now());
    }
  }

  private flushSoon(): void {
    if (this.flushing || this.closed) return;
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    // A live change that fails to go out stays in the endpoint: the next sync sends it.
    this.flush(timeoutMs).catch(() => undefined);
  }

  private flush(timeoutMs: number): Promise<void> {
    this.flushing ??= (async () => {
      try {
        while (this.dirty.size > 0 && !this.closed) {
          const batch = [...this.dirty].slice(0, this.options.openDocuments ?? 32);
          for (const name of batch) this.dirty.delete(name);
          await Promise.all(batch.map((name) => this.syncDocument(name, timeoutMs)));
        }
      } finally {
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  private async settle(link: DocumentLink, timeoutMs: number): Promise<void> {
    const failure = await withTimeout(link.settled(), timeoutMs, this.options.url);
    if (failure?.kind === 'rejected') {
      // Open again from the endpoint's own state next time, not from a mirror holding what it refused.
      if (link !== this.library && this.links.get(link.name) === link) {
        this.links.delete(link.name);
        link.close();
        this.closedAt.set(link.name, Date.now());
      }
      if (failure.error instanceof LibraryError) throw failure.error;
      throw new LibraryError(
        'internal',
        `This library could not take a change from ${this.options.url}`,
        String(failure.error),
      );
    }
    if (failure) {
      // A document the server closed over a refused update is opened afresh next time.
      if (link !== this.library && this.links.get(link.name) === link) {
        this.links.delete(link.name);
        link.close();
        this.closedAt.set(link.name, Date.now());
      }
      throw refusalError(this.options.url, failure.reason, this.options.syncModel);
    }
  }

  private localDigest(name: string): string {
    const doc = new Y.Doc({ gc: false, guid: name });
    Y.applyUpdate(doc, this.endpoint.diff(name));
    const digest = stateDigest(doc);
    doc.destroy();
    return digest;
  }

  /** The members syncing with the server now (this one included), each once. */
  whoIsOnline(): Promise<string[]> {
    const provider = this.library.provider;
    const answer = new Promise<string[]>((resolve) => {
      const listener = ({ payload }: { payload: string }): void => {
        const members = parseOnlineList(payload);
        if (!members) return;
        provider.off('stateless', listener);
        resolve(members);
      };
      provider.on('stateless', listener);
    });
    provider.sendStateless(whoIsOnlineRequest);
    return withTimeout(answer, this.options.timeoutMs ?? 60_000, this.options.url);
  }

  private listServerDocuments(timeoutMs: number): Promise<DocumentList> {
    const provider = this.library.provider;
    const answer = new Promise<DocumentList>((resolve) => {
      const listener = ({ payload }: { payload: string }): void => {
        const list = parseDocumentList(payload);
        if (!list) return;
        provider.off('stateless', listener);
        resolve(list);
      };
      provider.on('stateless', listener);
    });
    provider.sendStateless(listDocumentsRequest);
    return withTimeout(answer, timeoutMs, this.options.url);
  }
}

/**
 * The order a sync opens documents in: each article's text just before its annotations, the
 * article by article. The server lists every 'article/' name before every 'text/' one, so a new
 * device held all the annotations first, unprojected, and then read each article's document back
 * from its file to project it once the text came (10,000 reads in a first sync of the bench).
 */
function articleOrder(name: string): string {
  const text = /^text\/([^/]+)(\/.*)?$/.exec(name);
  if (text) return `${text[1]}\u0000${0}${text[2] ?? ''}`;
  const article = /^article\/(.+)$/.exec(name);
  return article ? `${article[1]}\u0000${1}` : name;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(
        new LibraryError(
          'sync-timeout',
          `The sync with ${url} made no progress for ${Math.round(timeoutMs / 1000)} s`,
          url,
        ),
      );
    }, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Connects, syncs once until quiescent and disconnects. */
export async function syncOnceWithServer(
  endpoint: SyncEndpoint,
  options: ServerSyncOptions,
): Promise<ServerSyncReport> {
  const sync = await ServerSync.connect(endpoint, options);
  try {
    return await sync.syncOnce();
  } finally {
    sync.close();
  }
}
