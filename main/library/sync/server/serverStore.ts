import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

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
  /** The names of every document the server holds. */
  documentNames(): string[];
  close(): void;
}

/** Opens (creating when new) the server's database in dataDir. */
export function openServerStore(dataDir: string): ServerStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, serverDatabaseName));
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
  const names = db.prepare<[], { doc: string }>('SELECT DISTINCT doc FROM doc_update ORDER BY doc');
  const compact = db.transaction((name: string, state: Buffer) => {
    remove.run(name);
    insert.run(name, state);
  });

  return {
    db,
    loadUpdates: (name) => select.all(name).map((row) => new Uint8Array(row.data)),
    appendUpdate: (name, update) => {
      insert.run(name, Buffer.from(update));
    },
    // encodeStateAsUpdate holds every update appended so far: nothing runs between it and the delete.
    compact: (name, doc) => {
      compact(name, Buffer.from(Y.encodeStateAsUpdate(doc)));
    },
    documentNames: () => names.all().map((row) => row.doc),
    close: () => {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > schemaVersion) {
    db.close();
    throw new Error(`The sync server's database was made by a newer Pizhu (schema ${version}); update Pizhu to serve it`);
  }
  if (version === schemaVersion) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE doc_update (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_update_doc ON doc_update (doc, seq);
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
