import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartParseWorker } from '../../main/library/import/fileParser';

const entry = path.resolve(__dirname, '../../main/library/import/parseWorkerEntry.ts');

/** The import's parse worker run from its TypeScript source (the app runs the built file): tsx compiles it on load. */
export const startParseWorkerFromSource: StartParseWorker = (resourceLimits) =>
  new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits });
