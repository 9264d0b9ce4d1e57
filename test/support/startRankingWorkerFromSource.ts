import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartRankingWorker } from '../../main/library/search/rankingWorker';

const entry = path.resolve(__dirname, '../../main/library/search/rankingWorkerEntry.ts');

/** The ranking worker run from its TypeScript source (the app runs the built file): tsx compiles it on load. */
export const startRankingWorkerFromSource: StartRankingWorker = (workerData) =>
  new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData });
