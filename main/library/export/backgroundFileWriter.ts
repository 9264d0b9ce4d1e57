import type { Worker } from 'node:worker_threads';
import type { RenderedFile, ShareOptions } from './renderShare';
import type { ExportAnswer, ExportRequest } from './serveExportRequests';
import { ioError } from '../files/writeTextFile';

/**
 * Starts the export worker thread (exportWorkerEntry) from wherever the caller's build put it:
 * the app and the CLI from out/main, the tests from the TypeScript source.
 */
export type StartExportWorker = () => Worker;

/**
 * An export's temporaries written, and then put at their names, by one worker thread in
 * batches, while the main thread renders the next files. Through Node's thread pool each file
 * was five round trips (open, write, close, then the look-up and the rename), each waking a
 * pool thread and then the main thread: about 100,000 context switches for a 10,000-file
 * export, against 4,000 written in line (issue #16). Here a batch is one message each way.
 * The worker (serveExportRequests) does exactly what writeTemporaryAt and publishCreated /
 * publishReplacing do on the main thread; the main thread turns its errors into LibraryErrors.
 */
export interface BackgroundFileWriter {
  /**
   * Queues `content` for `temporary` (created exclusively): settled once its batch is written,
   * with the SHA-256 of the bytes written (the worker hashes them, not the thread rendering).
   */
  write(temporary: string, file: string, content: string): Promise<string>;
  /** Sends what write() queued since the last flush to the worker. */
  flush(): void;
  /** publishCreated / publishReplacing for each, in one batch: whether each was put at its name. */
  publish(files: readonly Publish[]): Promise<boolean[]>;
  /** Opens the worker's share of the rendering (renderShare): its own connection to the library. */
  openShare(options: ShareOptions): Promise<void>;
  /**
   * Begins the share's snapshot now, blocking this thread until it has (the caller holds the
   * library's writes off meanwhile), at most `timeoutMs`: whether it began.
   */
  beginShare(timeoutMs: number): boolean;
  /** Renders and writes these articles' files in the worker: each one's RenderedFile, or null when it wrote none. */
  render(files: ReadonlyArray<{ article: number; temporary: string; file: string }>): Promise<Array<RenderedFile | null>>;
  /** Ends the share's snapshot (the worker goes on writing). */
  endShare(): void;
  /** Stops the worker once what it was sent is done; what write() queued and was never sent is dropped (nothing of it was written). */
  close(): void;
}

/** A file to put at its name: created only where nothing is there, or renamed over this library's own. */
export interface Publish {
  temporary: string;
  file: string;
  create: boolean;
}

type Request = ExportRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function startBackgroundFileWriter(start: StartExportWorker): BackgroundFileWriter {
  const worker = start();
  // An export that stops without close() must not keep the process alive.
  worker.unref();
  const waiting = new Map<number, { resolve: (a: ExportAnswer) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let broken: Error | null = null;
  let closing = false;
  worker.on('message', (answer: ExportAnswer) => {
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

  function send(request: Request): Promise<ExportAnswer> {
    if (broken !== null) return Promise.reject(broken);
    const id = nextId++;
    return new Promise<ExportAnswer>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  let queued: Array<{ temporary: string; file: string; content: string }> = [];
  /** The queued batch's answer once sent: the hash of each file written, in order. */
  let queuedDone: { promise: Promise<readonly string[]>; settle: (p: Promise<readonly string[]>) => void } | null = null;

  return {
    write(temporary, file, content) {
      const index = queued.length;
      queued.push({ temporary, file, content });
      if (queuedDone === null) {
        let settle!: (p: Promise<readonly string[]>) => void;
        const promise = new Promise<readonly string[]>((resolve) => (settle = resolve));
        queuedDone = { promise, settle };
      }
      return queuedDone.promise.then((hashes) => hashes[index]!);
    },

    flush() {
      if (queuedDone === null) return;
      const batch = queued;
      const done = queuedDone;
      queued = [];
      queuedDone = null;
      done.settle(
        send({ op: 'write', files: batch.map(({ temporary, content }) => ({ temporary, content })) }).then((answer) => {
          if (answer.failed) throw ioError(batch[answer.failed.index]!.file, { code: answer.failed.code });
          return answer.results as string[];
        }),
      );
    },

    async publish(files) {
      if (files.length === 0) return [];
      const answer = await send({ op: 'publish', files: [...files] });
      if (answer.failed) throw ioError(files[answer.failed.index]!.file, { code: answer.failed.code });
      return answer.results as boolean[];
    },

    async openShare(options) {
      const answer = await send({ op: 'open', share: options });
      if (answer.failed) throw new Error(`the export worker could not open the library (${answer.failed.code})`);
    },

    beginShare(timeoutMs) {
      if (broken !== null) return false;
      const signal = new Int32Array(new SharedArrayBuffer(4));
      // Its answer (a message) is not awaited: the signal says it, while this thread waits.
      send({ op: 'begin', signal: signal.buffer }).catch(() => undefined);
      const deadline = Date.now() + timeoutMs;
      while (Atomics.load(signal, 0) === 0) {
        const left = deadline - Date.now();
        if (left <= 0 || Atomics.wait(signal, 0, 0, left) === 'timed-out') break;
      }
      return Atomics.load(signal, 0) === 1;
    },

    async render(files) {
      if (files.length === 0) return [];
      const answer = await send({
        op: 'render',
        files: files.map(({ article, temporary }) => ({ article, temporary })),
      });
      if (answer.failed) throw ioError(files[answer.failed.index]?.file ?? '', { code: answer.failed.code });
      return answer.results as Array<RenderedFile | null>;
    },

    endShare() {
      send({ op: 'end' }).catch(() => undefined);
    },

    close() {
      // Nothing of these was written: their writes settle as failed, for whoever still awaits one.
      queuedDone?.settle(Promise.reject(new Error('the export stopped before these files were written')));
      queued = [];
      queuedDone = null;
      closing = true;
      if (waiting.size === 0) void worker.terminate();
    },
  };
}
