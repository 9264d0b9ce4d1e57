import { deflateSync, inflateSync } from 'fflate';
import * as Y from 'yjs';
import type { Db } from '../../store/openDatabase';
import { purgedContentOnly } from '../purge/purgedContent';

/** The origin of updates that came from another device: not persisted by the local listener, not sent back out. */
export const remoteOrigin = Symbol('remote');

/** Document names: the library's own and one per article (by the article's uid). */
export const libraryDoc = 'library';
export const articleDocName = (articleUid: string): string => `article/${articleUid}`;
/** The article's uid in a document's name (a content hash, or a uuid for older rows), or undefined for any other name. */
export const articleUidOf = (name: string): string | undefined =>
  /^article\/[0-9a-f-]{8,128}$/.test(name) ? name.slice('article/'.length) : undefined;

/** Above this many stored updates, a document's rows are merged into one when it is loaded. */
const compactAbove = 200;

/**
 * The library's Yjs documents, each kept in SQLite as the updates it took (sync_update) and
 * loaded once per connection. Every local change a document makes is appended in the caller's
 * transaction and queued for the transports until that transaction commits; a rolled-back
 * transaction drops the loaded documents, so none keeps a change its rows do not have.
 */
export interface DocStore {
  names(): string[];
  /** The document, loaded from its stored updates (empty when it has none). */
  get(name: string): Y.Doc;
  /** Whether the file holds any update of the document. */
  has(name: string): boolean;
  /**
   * Applies another device's update to the document (origin remoteOrigin); whether it integrated
   * anything. The local listener, which stores and sends only local changes, is off meanwhile:
   * Yjs encodes every transaction again for an 'update' listener, a twentieth of a first sync.
   */
  applyRemote(name: string, update: Uint8Array): boolean;
  /** Stores an update from another device as it came (it may wait on updates still to come). */
  storeRemote(name: string, update: Uint8Array): void;
  /** Local updates stored since the last commit, for the transports; cleared. */
  takeCommitted(): Array<{ name: string; update: Uint8Array }>;
  /** The transaction failed: local updates and loaded documents are dropped. */
  rolledBack(): void;
  /** Between transactions: unloads the least recently used documents when many are loaded (a first sync of every article), to be read again when asked for. */
  trim(): void;
  /** Replaces the document's stored updates with its current state as one (a purge: what it dropped leaves the file). */
  rewrite(name: string): void;
}

/** More loaded documents than this are unloaded between transactions: each is in the file. */
const keepLoaded = 256;

/** Updates shorter than this are stored as they are: deflate gains little on them. */
const deflateFrom = 128;

/**
 * An update as stored (migration 0033): deflated when that is smaller (issue #16: a library's
 * documents were 76 MB of updates for the bench's 100,000 highlights, 26 MB deflated), else as is.
 */
function storedForm(update: Uint8Array): [Uint8Array, 0 | 1] {
  if (update.byteLength < deflateFrom) return [update, 0];
  const deflated = deflateSync(update);
  return deflated.byteLength < update.byteLength ? [deflated, 1] : [update, 0];
}

interface StoredRow {
  id: number;
  data: Buffer;
  deflated: number;
}

const updateOf = (row: StoredRow): Uint8Array => (row.deflated === 1 ? inflateSync(row.data) : row.data);

export function createDocStore(db: Db): DocStore {
  const docs = new Map<string, Y.Doc>();
  /** Each loaded document's listener that stores and queues its local changes. */
  const persisting = new WeakMap<Y.Doc, (update: Uint8Array, origin: unknown) => void>();
  let queued: Array<{ name: string; update: Uint8Array }> = [];
  const insertRow = db.prepare<[string, Uint8Array, number]>('INSERT INTO sync_update (doc, data, deflated) VALUES (?, ?, ?)');
  const insert = { run: (name: string, update: Uint8Array) => insertRow.run(name, ...storedForm(update)) };
  const rowsOf = db.prepare<[string], StoredRow>('SELECT id, data, deflated FROM sync_update WHERE doc = ? ORDER BY id');
  // Asked for every article imported (does another device's document wait for it?).
  const stored = db.prepare<[string]>('SELECT 1 FROM sync_update WHERE doc = ? LIMIT 1');

  function load(name: string): Y.Doc {
    // gc only of purged entries (sync/purge): any other deleted or overwritten value stays in the document, so it can be shown and restored.
    // A guid given: Yjs draws a random one a character at a time (0.2 ms a document), and these are never subdocuments.
    const doc = new Y.Doc({ gc: true, gcFilter: purgedContentOnly, guid: name });
    const rows = rowsOf.all(name);
    if (rows.length > compactAbove && !db.readonly) {
      try {
        compact(name, rows);
      } catch {
        // Not writable just now (the start-up check holds writes): a later load compacts it.
      }
    }
    for (const row of rows) Y.applyUpdate(doc, updateOf(row), remoteOrigin);
    const persist = (update: Uint8Array, origin: unknown) => {
      if (origin === remoteOrigin) return;
      insert.run(name, update);
      queued.push({ name, update });
    };
    doc.on('update', persist);
    persisting.set(doc, persist);
    return doc;
  }

  function applyRemote(name: string, update: Uint8Array): boolean {
    const doc = get(name);
    const persist = persisting.get(doc);
    let integrated = false;
    let localBefore: Map<number, number> | undefined;
    // Yjs's own test of whether a transaction has an update to give.
    const onTransaction = (t: Y.Transaction) => {
      const changed = t.deleteSet.clients.size > 0 || [...t.afterState].some(([client, clock]) => t.beforeState.get(client) !== clock);
      if (!changed) return;
      if (t.origin === remoteOrigin) integrated = true;
      else localBefore ??= t.beforeState;
    };
    if (persist) doc.off('update', persist);
    doc.on('afterTransaction', onTransaction);
    try {
      Y.applyUpdate(doc, update, remoteOrigin);
    } finally {
      doc.off('afterTransaction', onTransaction);
      if (persist) doc.on('update', persist);
    }
    // A local write made meanwhile (an observer's: none writes today) is stored and sent whole, not lost.
    if (localBefore && persist) persist(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(localBefore)), undefined);
    return integrated;
  }

  function get(name: string): Y.Doc {
    let doc = docs.get(name);
    if (!doc) doc = load(name);
    // Map order is use order: trim unloads the least recently used first.
    else docs.delete(name);
    docs.set(name, doc);
    return doc;
  }

  /** Many small rows into one, keeping whatever is still waiting on missing updates (mergeUpdates keeps it). */
  function compact(name: string, rows: StoredRow[]): void {
    const merged = Y.mergeUpdates(rows.map(updateOf));
    const last = rows[rows.length - 1]!.id;
    db.transaction(() => {
      db.prepare('DELETE FROM sync_update WHERE doc = ? AND id <= ?').run(name, last);
      insert.run(name, merged);
    })();
  }

  function unload(): void {
    for (const doc of docs.values()) doc.destroy();
    docs.clear();
  }

  return {
    names() {
      const stored = (db.prepare('SELECT DISTINCT doc FROM sync_update').pluck().all() as string[]).filter(
        (n) => n.length > 0,
      );
      return [...new Set([...stored, ...docs.keys()])].sort();
    },
    get,
    applyRemote,
    has(name) {
      return docs.has(name) || stored.get(name) !== undefined;
    },
    storeRemote(name, update) {
      insert.run(name, update);
    },
    takeCommitted() {
      const out = queued;
      queued = [];
      return out;
    },
    rolledBack() {
      queued = [];
      unload();
    },
    trim() {
      // The least recently used only: the library document, used by every apply, is never read again from the file
      // (it was, with its word data projected whole, after every trim of a first sync).
      for (const [name, doc] of docs) {
        if (docs.size <= keepLoaded) break;
        doc.destroy();
        docs.delete(name);
      }
    },
    rewrite(name) {
      const doc = docs.get(name);
      if (!doc) return;
      // The state with what still waits on missing updates (encodeStateAsUpdate keeps it).
      const state = Y.encodeStateAsUpdate(doc);
      db.prepare('DELETE FROM sync_update WHERE doc = ?').run(name);
      insert.run(name, state);
    },
  };
}
