import type { Worker } from 'node:worker_threads';
import {
  controlBytes,
  controlSlot,
  rankingCapacity,
  sharedBytes,
  workerState,
  type RankJob,
  type RankingWorkerData,
  type WorkerMessage,
} from './rankingProtocol';

/**
 * Starts rankingWorkerEntry in a worker thread. The caller knows where that file is: the
 * app and the CLI run it from their build folder, tests from source.
 */
export type StartRankingWorker = (data: RankingWorkerData) => Worker;

export interface RankedRow {
  rowid: number;
  rank: number;
}

export interface RankedHalf {
  rows: RankedRow[];
  count: number;
}

export interface RankingWorker {
  /** Resolves true once the worker has its connection open, false if it never will. */
  readonly ready: Promise<boolean>;
  /**
   * Hands the worker one half of a search. Returns a function that waits for the answer, or
   * undefined when the worker cannot take it now; either way, a missing answer means: rank
   * that half on this thread.
   */
  start(job: RankJob): (() => RankedHalf | undefined) | undefined;
  /** Closes the worker's connection (waiting for it, so the file is free afterwards) and ends the thread. */
  close(): void;
}

/** Far beyond any half's work: past it the worker is presumed stuck and is let go. */
const answerTimeoutMs = 10_000;
const closeTimeoutMs = 2_000;

export function createRankingWorker(dbPath: string, startWorker: StartRankingWorker): RankingWorker {
  const shared = new SharedArrayBuffer(sharedBytes);
  const control = new Int32Array(shared, 0, controlBytes / Int32Array.BYTES_PER_ELEMENT);
  const rows = new Float64Array(shared, controlBytes, rankingCapacity * 2);
  let worker: Worker | undefined;
  try {
    worker = startWorker({ dbPath, shared });
    // A CLI command must be able to exit with the worker still idle.
    worker.unref();
  } catch {
    worker = undefined;
  }
  let usable = worker !== undefined;
  // Ended (an error at start, or closed): nothing left to wait for.
  let ended = worker === undefined;

  const ready = new Promise<boolean>((resolve) => {
    if (!worker) return resolve(false);
    worker.on('message', (message) => resolve(message === 'ready'));
    worker.on('error', () => {
      usable = false;
      ended = true;
      resolve(false);
    });
    worker.on('exit', () => {
      usable = false;
      ended = true;
      resolve(false);
    });
  });

  const state = () => Atomics.load(control, controlSlot.state);

  function letGo(): void {
    usable = false;
    void worker?.terminate();
    worker = undefined;
  }

  function collect(): RankedHalf | undefined {
    try {
      Atomics.wait(control, controlSlot.state, workerState.busy, answerTimeoutMs);
    } catch {
      // Atomics.wait is not allowed on this thread: no parallel ranking here.
      letGo();
      return undefined;
    }
    const settled = state();
    if (settled === workerState.busy) {
      letGo();
      return undefined;
    }
    Atomics.store(control, controlSlot.state, workerState.idle);
    if (settled !== workerState.done) return undefined;
    const n = control[controlSlot.rows] ?? 0;
    const half: RankedHalf = { rows: new Array<RankedRow>(n), count: control[controlSlot.count] ?? 0 };
    for (let i = 0; i < n; i++) half.rows[i] = { rowid: rows[2 * i] ?? 0, rank: rows[2 * i + 1] ?? 0 };
    return half;
  }

  return {
    ready,

    start(job) {
      if (!usable || !worker || state() !== workerState.idle) return undefined;
      Atomics.store(control, controlSlot.state, workerState.busy);
      worker.postMessage(job satisfies WorkerMessage);
      return collect;
    },

    close() {
      if (!worker) return;
      usable = false;
      if (ended) {
        worker = undefined;
        return;
      }
      worker.postMessage('close' satisfies WorkerMessage);
      const deadline = Date.now() + closeTimeoutMs;
      for (let s = state(); s === workerState.starting || s === workerState.idle; s = state()) {
        const left = deadline - Date.now();
        if (left <= 0) break;
        try {
          Atomics.wait(control, controlSlot.state, s, left);
        } catch {
          break;
        }
      }
      void worker.terminate();
      worker = undefined;
    },
  };
}
