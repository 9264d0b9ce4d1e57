import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { StartParseWorker } from '../../main/library/import/fileParser';
import type { StartRankingWorker } from '../../main/library/search/rankingWorker';

/** A worker thread run from its TypeScript source (the app runs the built file): tsx compiles it on load. */
function fromSource(entry: string, options: WorkerOptions = {}): Worker {
  const file = path.resolve(__dirname, '../..', entry);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { ...options, eval: true });
}

export const startRankingWorkerFromSource: StartRankingWorker = (workerData) =>
  fromSource('main/library/search/rankingWorkerEntry.ts', { workerData });

export const startParseWorkerFromSource: StartParseWorker = () => fromSource('main/library/import/parseWorkerEntry.ts');
