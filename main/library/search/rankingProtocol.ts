/**
 * What the main thread and the ranking worker share. A search over a large library ranks the
 * two halves of the index at once: the main thread one half, the worker the other (bm25 costs
 * about 0.13 µs per matching row, and a common bigram matches tens of thousands of rows). The
 * worker answers through shared memory so that the main thread can wait for it synchronously
 * (Atomics.wait): the library's API stays synchronous, like every other SQLite call in it.
 */

/** The most rows one half returns: a deeper page is ranked on the main thread alone. */
export const rankingCapacity = 1000;

/** Slots of the Int32 control block at the start of the shared buffer. */
export const controlSlot = { state: 0, count: 1, rows: 2 } as const;
const controlSlots = 4;
export const controlBytes = controlSlots * Int32Array.BYTES_PER_ELEMENT;

/** The bytes to share: the control block, then (rowid, rank) pairs as float64. */
export const sharedBytes = controlBytes + rankingCapacity * 2 * Float64Array.BYTES_PER_ELEMENT;

export const workerState = {
  starting: 0,
  idle: 1,
  busy: 2,
  done: 3,
  failed: 4,
  closed: 5,
} as const;

export interface RankingWorkerData {
  dbPath: string;
  shared: SharedArrayBuffer;
}

/** One half of one search: the SQL of searchQuery.ts, with its parameters. */
export interface RankJob {
  rankSql: string;
  countSql: string;
  params: Record<string, string | number>;
}

export type WorkerMessage = RankJob | 'close';
