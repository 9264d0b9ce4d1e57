import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartParseWorker } from '../../main/library/import/fileParser';

/** A worker thread run from its TypeScript source (the app runs the built file): tsx compiles it on load. */
function fromSource(entry: string): Worker {
  const file = path.resolve(__dirname, '../..', entry);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true });
}

export const startParseWorkerFromSource: StartParseWorker = () => fromSource('main/library/import/parseWorkerEntry.ts');
