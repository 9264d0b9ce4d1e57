/**
 * The Markdown export's worker thread (backgroundFileWriter): writes temporaries and puts them
 * at their names, in batches, while the main thread renders the next files. It never touches
 * the database. Built by electron-vite beside the app's main (out/main/exportWorkerEntry.js).
 */
import { parentPort } from 'node:worker_threads';
import { serveExportRequests } from './serveExportRequests';

if (parentPort) serveExportRequests(parentPort);
