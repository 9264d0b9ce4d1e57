/**
 * The ranking worker thread (see rankingProtocol.ts): a read-only connection to the library
 * that runs one half of a search and writes the rows into shared memory. It never writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  controlBytes,
  controlSlot,
  rankingCapacity,
  workerState,
  type RankingWorkerData,
  type WorkerMessage,
} from './rankingProtocol';

const { dbPath, shared } = workerData as RankingWorkerData;
const control = new Int32Array(shared, 0, controlBytes / Int32Array.BYTES_PER_ELEMENT);
const rows = new Float64Array(shared, controlBytes, rankingCapacity * 2);

function signal(state: number): void {
  Atomics.store(control, controlSlot.state, state);
  Atomics.notify(control, controlSlot.state);
}

let db: Database.Database;
try {
  db = new Database(dbPath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32768');
} catch {
  signal(workerState.failed);
  process.exit(1);
}
const statements = new Map<string, Database.Statement>();
function prepared(sql: string): Database.Statement {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

parentPort?.on('message', (message: WorkerMessage) => {
  if (message === 'close') {
    db.close();
    signal(workerState.closed);
    parentPort?.close();
    return;
  }
  try {
    const found = prepared(message.rankSql).all(message.params) as { rowid: number; rank: number }[];
    const n = Math.min(found.length, rankingCapacity);
    for (let i = 0; i < n; i++) {
      rows[2 * i] = found[i]!.rowid;
      rows[2 * i + 1] = found[i]!.rank;
    }
    const { n: count } = prepared(message.countSql).get(message.params) as { n: number };
    control[controlSlot.rows] = n;
    control[controlSlot.count] = count;
    signal(workerState.done);
  } catch {
    // The main thread runs this half itself and reports whatever error SQLite gives there.
    signal(workerState.failed);
  }
});
signal(workerState.idle);
parentPort?.postMessage('ready');
