import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartExportWorker } from '../../main/library/export/backgroundFileWriter';

const entry = path.resolve(__dirname, '../../main/library/export/exportWorkerEntry.ts');

/** The Markdown export's worker run from its TypeScript source (the app runs the built file): tsx compiles it on load. */
export const startExportWorkerFromSource: StartExportWorker = () =>
  new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true });
