import type { Worker } from 'node:worker_threads';
import type { ParseAnswer, ParseRequest } from './parseProtocol';
import { prepareFile, type PreparedFile } from './prepareFile';

/**
 * Starts parseWorkerEntry in a worker thread. The caller knows where that file is: the app and
 * the CLI run it from their build folder, tests from source.
 */
export type StartParseWorker = () => Worker;

export interface FileParser {
  /** Reads and parses a batch of files, in order. Never rejects for a worker's sake: see below. */
  prepare(files: readonly string[]): Promise<PreparedFile[]>;
  /** Ends the worker thread, if there is one. */
  close(): void;
}

/** Parses on the calling thread. */
export function inlineParser(): FileParser {
  // A throw (a bug) becomes the promise's rejection.
  return { prepare: (files) => new Promise((resolve) => resolve(files.map(prepareFile))), close: () => undefined };
}

/**
 * Parses in a worker thread, so that a folder import reads and parses the next batch while the
 * main thread stores this one (parsing is about a third of an import's time). A worker that
 * cannot start, fails, or exits leaves its batches to the calling thread: the same files, parsed
 * by the same code, so the import's result does not depend on the worker.
 */
export function workerParser(startWorker: StartParseWorker): FileParser {
  const inline = inlineParser();
  const waiting = new Map<number, { files: readonly string[]; resolve: (prepared: Promise<PreparedFile[]>) => void }>();
  let nextId = 0;
  let worker: Worker | undefined;
  try {
    worker = startWorker();
  } catch {
    worker = undefined;
  }

  /** Ends the thread; whatever it still says is ignored (an 'error' with no listener would throw). */
  function retire(): void {
    worker?.removeAllListeners();
    worker?.on('error', () => undefined);
    void worker?.terminate();
    worker = undefined;
  }

  function giveUp(): void {
    const left = [...waiting.values()];
    waiting.clear();
    retire();
    for (const job of left) job.resolve(inline.prepare(job.files));
  }

  worker?.on('message', (answer: ParseAnswer) => {
    const job = waiting.get(answer.id);
    if (!job) return;
    waiting.delete(answer.id);
    job.resolve('prepared' in answer ? Promise.resolve(answer.prepared) : inline.prepare(job.files));
  });
  worker?.on('error', giveUp);
  worker?.on('exit', giveUp);

  return {
    prepare(files) {
      if (!worker) return inline.prepare(files);
      const id = nextId++;
      const request: ParseRequest = { id, files };
      return new Promise((resolve) => {
        waiting.set(id, { files, resolve });
        worker!.postMessage(request);
      });
    },
    close: retire,
  };
}
