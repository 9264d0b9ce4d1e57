import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { LibraryError } from '../../libraryError';
import { stateDigest } from './syncProtocol';

/** The sync server's own SQLite file in its data directory (not a library: no rows, only Yjs updates and members). */
export const serverDatabaseName = 'pizhu-sync.sqlite';

const schemaVersion = 1;

/**
 * The server's persistence: every document's updates, appended as they arrive (so an update the
 * server acknowledged is on disk), compacted into one state update when the document is stored.
 */
export interface ServerStore {
  readonly db: Database.Database;
  /** Every update stored for a document, oldest first (empty for a new document). */
  loadUpdates(name: string): Uint8Array[];
  /** Appends one update (one transaction, durable before it returns). */
  appendUpdate(name: string, update: Uint8Array): void;
  /** Replaces a document's stored updates by its whole state, in one transaction. */
  compact(name: string, doc: Y.Doc): void;
  /** Every document the server holds, with the digest of its stored state. */
  documentDigests(): Map<string, string>;
  close(): void;
}

/** Opens (creating when new) the server's database in dataDir. */
export function openServerStore(dataDir: string): ServerStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, serverDatabaseName));
  // Before any pragma that writes (WAL mode): a newer Pizhu's database is left as it was.
  refuseNewer(db);
  db.pragma('journal_mode = WAL');
  // In WAL, NORMAL keeps every committed update through a crash or kill of the server; only a power
  // loss can drop the last few, and the sync protocol compares whole states, so the next sync of the
  // device that made them sends them again. FULL cost an fsync per update (12 ms a document here).
  db.pragma('synchronous = NORMAL');
  // `pizhu members add` writes while the server runs.
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const select = db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_update WHERE doc = ? ORDER BY seq');
  const insert = db.prepare<[string, Buffer]>('INSERT INTO doc_update (doc, data) VALUES (?, ?)');
  const remove = db.prepare<[string]>('DELETE FROM doc_update WHERE doc = ?');
  // A digest holds for the updates up to its seq: a later update makes it stale, computed again when asked.
  const latest = db.prepare<[], { doc: string; last: number; digest: string | null; upto: number | null }>(
    `SELECT u.doc, MAX(u.seq) AS last, d.digest, d.upto
       FROM doc_update u LEFT JOIN doc_digest d ON d.doc = u.doc
      GROUP BY u.doc ORDER BY u.doc`,
  );
  const saveDigest = db.prepare<[string, string, number]>(
    'INSERT OR REPLACE INTO doc_digest (doc, digest, upto) VALUES (?, ?, ?)',
  );
  const compact = db.transaction((name: string, state: Buffer, digest: string) => {
    remove.run(name);
    const { lastInsertRowid } = insert.run(name, state);
    saveDigest.run(name, digest, Number(lastInsertRowid));
  });
  const loadUpdates = (name: string): Uint8Array[] => select.all(name).map((row) => new Uint8Array(row.data));

  return {
    db,
    loadUpdates,
    appendUpdate: (name, update) => {
      insert.run(name, Buffer.from(update));
    },
    // encodeStateAsUpdate holds every update appended so far: nothing runs between it and the delete.
    compact: (name, doc) => {
      compact(name, Buffer.from(Y.encodeStateAsUpdate(doc)), stateDigest(doc));
    },
    documentDigests: () => {
      const digests = new Map<string, string>();
      for (const { doc: name, last, digest, upto } of latest.all()) {
        if (digest !== null && upto === last) {
          digests.set(name, digest);
          continue;
        }
        // A guid given, not drawn at random (see DocumentLink).
        const doc = new Y.Doc({ guid: name });
        for (const update of loadUpdates(name)) Y.applyUpdate(doc, update);
        const fresh = stateDigest(doc);
        doc.destroy();
        saveDigest.run(name, fresh, last);
        digests.set(name, fresh);
      }
      return digests;
    },
    close: () => {
      db.close();
    },
  };
}

function refuseNewer(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > schemaVersion) {
    db.close();
    throw new LibraryError(
      'library-too-new',
      `The sync server's database was made by a newer Pizhu (schema ${version}); update Pizhu to serve it. The database was not changed.`,
    );
  }
}

function migrate(db: Database.Database): void {
  if (db.pragma('user_version', { simple: true }) === schemaVersion) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE doc_update (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_update_doc ON doc_update (doc, seq);
      CREATE TABLE doc_digest (
        doc TEXT PRIMARY KEY,
        digest TEXT NOT NULL,
        upto INTEGER NOT NULL
      );
      CREATE TABLE member (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL UNIQUE,
        read_only INTEGER NOT NULL CHECK (read_only IN (0, 1)),
        created_at TEXT NOT NULL
      );
    `);
    db.pragma(`user_version = ${schemaVersion}`);
  })();
}
