import os from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { PizhuErrorCode } from '../../../preload/contract/errors';
import type { ParseAnswer, ParseJob, ParseRequest } from './parseProtocol';
import { jobName, prepareJob, type PreparedFile } from './prepareFile';

/**
 * Starts parseWorkerEntry in a worker thread with these limits. The caller knows where that file
 * is: the app and the CLI run it from their build folder, tests from source.
 */
export type StartParseWorker = (resourceLimits: ResourceLimits) => Worker;

export interface FileParser {
  /** Reads and parses files (by path) and pasted text, in order. Never rejects for a worker's sake: see below. */
  prepare(jobs: readonly ParseJob[]): Promise<PreparedFile[]>;
  /** Ends the worker thread, if there is one. */
  close(): void;
}

/** What one file may cost the worker before it is stopped and the file refused. */
export interface ParseBudget {
  timeoutMs: number;
  maxMemoryMb: number;
}

/**
 * A 20 MB text file, the largest Pizhu imports, parsed in 4 s and about 300 MB here on a busy
 * machine; 2,000 nested <div>s took 56 s before HTML parsing was bounded. A file that takes a
 * minute or 1.5 GB is stuck, not slow.
 */
export const defaultParseBudget: ParseBudget = { timeoutMs: 60_000, maxMemoryMb: 1536 };

/** Parses on the calling thread. */
export function inlineParser(): FileParser {
  // A throw (a bug) becomes the promise's rejection.
  return { prepare: (jobs) => new Promise((resolve) => resolve(jobs.map(prepareJob))), close: () => undefined };
}

interface Batch {
  id: number;
  jobs: readonly ParseJob[];
  prepared: PreparedFile[];
  resolve: (prepared: PreparedFile[]) => void;
  reject: (error: unknown) => void;
}

/**
 * How many parse workers a large import shares its files between: one per core but the one the
 * main thread stores on, as parsing is most of an import's work. On two cores a second worker
 * only competed with the storing thread: 3,000 bench articles took 9.5 s of CPU instead of 7.3
 * (its start and its own warm-up), and no less time. At most four: each may use up to the
 * budget's memory.
 */
export function parseWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/**
 * A batch with fewer files than this is parsed by one worker: a second worker costs about a
 * second of CPU to start (loading its code and tables), more than it saves on a few files.
 */
export const sharedBatchFiles = 64;

/**
 * Parses in worker threads (see singleWorkerParser): a batch of many files is shared between
 * `workers` of them, file i to worker i mod n, and the answers are put back in the files' order.
 * Each worker keeps its own budget: a file that stops one is refused alone, and the others'
 * files are not touched. Workers start only when they are first given files.
 */
export function workerParser(
  startWorker: StartParseWorker,
  budget: ParseBudget = defaultParseBudget,
  workers = parseWorkerCount(),
): FileParser {
  const parsers = Array.from({ length: Math.max(1, workers) }, () => singleWorkerParser(startWorker, budget));
  return {
    async prepare(jobs) {
      const n = jobs.length < sharedBatchFiles ? 1 : parsers.length;
      if (n === 1) return parsers[0]!.prepare(jobs);
      const shares = await Promise.all(
        parsers.slice(0, n).map((parser, k) => parser.prepare(jobs.filter((_, i) => i % n === k))),
      );
      return jobs.map((_, i) => shares[i % n]![Math.floor(i / n)]!);
    },
    close() {
      for (const parser of parsers) parser.close();
    },
  };
}

/**
 * Parses in a worker thread: the main thread (the app's window, the CLI) never waits on a
 * parse, and a folder import reads and parses the next batch while it stores this one. Each
 * file has a budget: a worker that spends longer than `timeoutMs` on one, or runs out of its
 * memory limit, is ended, that file is refused with the reason, and a fresh worker goes on with
 * the next. A worker that cannot start (or fails before it is ready) leaves everything to the
 * calling thread: the same files, parsed by the same code.
 */
function singleWorkerParser(startWorker: StartParseWorker, budget: ParseBudget): FileParser {
  const batches: Batch[] = []; // not yet fully answered, in order; the worker is on batches[0]
  let nextId = 0;
  let worker: Worker | undefined;
  let ready = false;
  let canStart = true;
  let timer: NodeJS.Timeout | undefined;

  /** Ends the thread; whatever it still says is ignored (an 'error' with no listener would throw). */
  function retire(): void {
    clearTimeout(timer);
    timer = undefined;
    worker?.removeAllListeners();
    worker?.on('error', () => undefined);
    void worker?.terminate();
    worker = undefined;
    ready = false;
  }

  function start(): void {
    try {
      worker = startWorker({ maxOldGenerationSizeMb: budget.maxMemoryMb });
    } catch {
      parseRestInline();
      return;
    }
    const started = worker;
    started.on('message', (answer: ParseAnswer) => {
      if (started === worker) onAnswer(answer);
    });
    started.on('error', (error: Error) => {
      if (started === worker) onStopped(error);
    });
    started.on('exit', (code: number) => {
      if (started === worker) onStopped(new Error(`it exited with code ${code}`));
    });
  }

  function send(batch: Batch): void {
    const first = batch.prepared.length;
    const request: ParseRequest = { id: batch.id, first, jobs: batch.jobs.slice(first) };
    worker?.postMessage(request);
  }

  /** The clock runs for the job the worker is on: from when it became ready or answered the job before. */
  function restartClock(): void {
    clearTimeout(timer);
    timer = batches.length > 0 ? setTimeout(onTimeout, budget.timeoutMs) : undefined;
  }

  function record(batch: Batch, prepared: PreparedFile): void {
    batch.prepared.push(prepared);
    if (batch.prepared.length === batch.jobs.length) {
      batches.shift();
      batch.resolve(batch.prepared);
    }
  }

  function onAnswer(answer: ParseAnswer): void {
    if ('ready' in answer) {
      ready = true;
      batches.forEach(send);
      restartClock();
      return;
    }
    const batch = batches[0];
    if (!batch || batch.id !== answer.id || batch.prepared.length !== answer.index) return;
    const job = batch.jobs[answer.index]!;
    // A bug on one file's input refuses that file with its message, never the whole import.
    record(
      batch,
      'prepared' in answer
        ? answer.prepared
        : refused(job, `Pizhu could not read "${jobName(job)}" (${answer.error}); it was not imported.`, 'internal'),
    );
    restartClock();
  }

  /** The job the worker is on is refused with `message`, and a fresh worker takes the rest. */
  function refuseCurrent(message: (name: string) => string): void {
    const batch = batches[0];
    retire();
    if (!batch) return;
    const job = batch.jobs[batch.prepared.length]!;
    record(batch, refused(job, message(jobName(job)), 'unsupported-file'));
    if (batches.length > 0) start();
  }

  function onTimeout(): void {
    // The main thread may have been busy (storing a batch) while the worker answered: answers
    // already waiting are taken first (setImmediate runs after the poll phase delivers them),
    // and only a worker still on the same job is stopped.
    const batch = batches[0];
    const on = batch?.prepared.length;
    setImmediate(() => {
      if (batches[0] === batch && batch?.prepared.length === on && worker) stopSlowJob();
    });
  }

  function stopSlowJob(): void {
    const seconds = Math.round(budget.timeoutMs / 1000);
    refuseCurrent(
      (name) => `"${name}" took longer than ${seconds} s to read, so Pizhu stopped reading it; it was not imported.`,
    );
  }

  function onStopped(error: Error): void {
    if (!ready) {
      parseRestInline();
      return;
    }
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    refuseCurrent((name) =>
      outOfMemory
        ? `"${name}" needed more than ${budget.maxMemoryMb} MB of memory to read, so Pizhu stopped reading it; it was not imported.`
        : `Pizhu's reader stopped while reading "${name}" (${error.message}); it was not imported.`,
    );
  }

  /** No worker could start: this and later batches are parsed on the calling thread. */
  function parseRestInline(): void {
    retire();
    canStart = false;
    for (const batch of batches.splice(0)) {
      try {
        batch.resolve([...batch.prepared, ...batch.jobs.slice(batch.prepared.length).map(prepareJob)]);
      } catch (error) {
        batch.reject(error);
      }
    }
  }

  return {
    prepare(jobs) {
      if (!canStart) return inlineParser().prepare(jobs);
      if (jobs.length === 0) return Promise.resolve([]);
      return new Promise((resolve, reject) => {
        const batch: Batch = { id: nextId++, jobs, prepared: [], resolve, reject };
        batches.push(batch);
        if (!worker) start();
        else if (ready) {
          send(batch);
          if (batches.length === 1) restartClock();
        }
      });
    },
    close() {
      retire();
      canStart = false;
    },
  };
}

function refused(job: ParseJob, failed: string, code: PizhuErrorCode): PreparedFile {
  return { fileName: jobName(job), failed, code };
}
