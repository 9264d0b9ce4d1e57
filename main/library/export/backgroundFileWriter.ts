import { Worker } from 'node:worker_threads';
import { ioError } from './writeTextFile';

/**
 * An export's temporaries written, and then put at their names, by one worker thread in
 * batches, while the main thread renders the next files. Through Node's thread pool each file
 * was five round trips (open, write, close, then the look-up and the rename), each waking a
 * pool thread and then the main thread: about 100,000 context switches for a 10,000-file
 * export, against 4,000 written in line (issue #16). Here a batch is one message each way.
 *
 * The worker's code is inline (eval), so the app, the CLI and the tests start it alike,
 * without a built entry file. It does exactly what writeTemporaryAt and publishCreated /
 * publishReplacing do on the main thread; the main thread turns its errors into LibraryErrors.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
function removeQuietly(file) { try { fs.rmSync(file, { force: true }); } catch {} }
parentPort.on('message', ({ id, op, files }) => {
  const results = [];
  try {
    for (const f of files) {
      if (op === 'write') {
        try {
          fs.writeFileSync(f.temporary, f.content, { encoding: 'utf8', flag: 'wx' });
        } catch (error) {
          // A half-written temporary is ours to remove; a file that was already there is not.
          if (error.code !== 'EEXIST') removeQuietly(f.temporary);
          throw error;
        }
        results.push(true);
      } else {
        try {
          if (f.create && fs.lstatSync(f.file, { throwIfNoEntry: false }) !== undefined) {
            fs.unlinkSync(f.temporary);
            results.push(false);
            continue;
          }
          fs.renameSync(f.temporary, f.file);
        } catch (error) {
          removeQuietly(f.temporary);
          throw error;
        }
        results.push(true);
      }
    }
    parentPort.postMessage({ id, results });
  } catch (error) {
    parentPort.postMessage({ id, results, failed: { index: results.length, code: error.code ?? String(error) } });
  }
});
`;

interface Answer {
  id: number;
  results: boolean[];
  failed?: { index: number; code: string };
}

/** A file to put at its name: created only where nothing is there, or renamed over this library's own. */
export interface Publish {
  temporary: string;
  file: string;
  create: boolean;
}

export interface BackgroundFileWriter {
  /** Queues `content` for `temporary` (created exclusively); the promise is its batch's, settled once the batch is written. */
  write(temporary: string, file: string, content: string): Promise<void>;
  /** Sends what write() queued since the last flush to the worker. */
  flush(): void;
  /** publishCreated / publishReplacing for each, in one batch: whether each was put at its name. */
  publish(files: readonly Publish[]): Promise<boolean[]>;
  /** Stops the worker once what it was sent is done; what write() queued and was never sent is dropped (nothing of it was written). */
  close(): void;
}

export function startBackgroundFileWriter(): BackgroundFileWriter {
  const worker = new Worker(workerSource, { eval: true });
  // An export that stops without close() must not keep the process alive.
  worker.unref();
  const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let broken: Error | null = null;
  let closing = false;
  worker.on('message', (answer: Answer) => {
    const w = waiting.get(answer.id);
    waiting.delete(answer.id);
    w?.resolve(answer);
    if (closing && waiting.size === 0) void worker.terminate();
  });
  const failAll = (error: Error) => {
    broken = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the export writer stopped')));

  function send(op: 'write' | 'publish', files: ReadonlyArray<object>): Promise<Answer> {
    if (broken !== null) return Promise.reject(broken);
    const id = nextId++;
    return new Promise<Answer>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, files });
    });
  }

  let queued: Array<{ temporary: string; file: string; content: string }> = [];
  let queuedDone: { promise: Promise<void>; settle: (p: Promise<void>) => void } | null = null;

  return {
    write(temporary, file, content) {
      queued.push({ temporary, file, content });
      if (queuedDone === null) {
        let settle!: (p: Promise<void>) => void;
        const promise = new Promise<void>((resolve) => (settle = resolve));
        queuedDone = { promise, settle };
      }
      return queuedDone.promise;
    },

    flush() {
      if (queuedDone === null) return;
      const batch = queued;
      const done = queuedDone;
      queued = [];
      queuedDone = null;
      done.settle(
        send(
          'write',
          batch.map(({ temporary, content }) => ({ temporary, content })),
        ).then((answer) => {
          if (answer.failed) throw ioError(batch[answer.failed.index]!.file, { code: answer.failed.code });
        }),
      );
    },

    async publish(files) {
      if (files.length === 0) return [];
      const answer = await send('publish', files);
      if (answer.failed) throw ioError(files[answer.failed.index]!.file, { code: answer.failed.code });
      return answer.results;
    },

    close() {
      queuedDone?.settle(Promise.resolve());
      queued = [];
      queuedDone = null;
      closing = true;
      if (waiting.size === 0) void worker.terminate();
    },
  };
}
