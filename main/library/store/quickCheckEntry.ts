/**
 * The start-up integrity check's worker thread (store/deferredQuickCheck): checks the file named
 * in workerData on its own read-only connection and posts what it found (null: whole).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { quickCheckFile } from './quickCheck';

parentPort?.postMessage(quickCheckFile((workerData as { filePath: string }).filePath));
