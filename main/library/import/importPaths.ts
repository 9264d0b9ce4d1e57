import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../../preload/contract/articleTypes';
import { LibraryError } from '../libraryError';
import { formatOf } from './prepareImport';

type ImportOne = (bytes: Uint8Array, fileName: string) => ImportOutcome;
/** Runs a batch of imports in one transaction (each article inside it is its own savepoint). */
export type RunBatch = (work: () => void) => void;

/**
 * A commit costs an fsync, and it writes the search index's entries for the batch as one new
 * segment that later writes merge again (store/migrations/0003): a folder is committed in
 * batches, not file by file, and fewer, larger segments mean less merging. Batches of 1,000 of
 * the bench's articles (a few KB each, about a second of work) took a fifth less time to store
 * than batches of 200. The byte limit keeps a batch of large files within the page cache and the
 * index's write buffer.
 */
const batchFiles = 1000;
const batchBytes = 8 * 1024 * 1024;

/**
 * Expands folders (recursively, importable files only) and imports each file, all or nothing
 * per file. Outcomes are reported (onProgress) only once their batch is committed.
 */
export function importPaths(
  paths: readonly string[],
  importOne: ImportOne,
  onProgress?: (done: number, total: number) => void,
  runBatch: RunBatch = (work) => work(),
): ImportOutcome[] {
  const files = paths.flatMap((p) => expand(p));
  const outcomes: ImportOutcome[] = [];
  let next = 0;
  while (next < files.length) {
    let bytes = 0;
    const batch: ImportOutcome[] = [];
    runBatch(() => {
      batch.length = 0;
      for (let i = next; i < files.length && batch.length < batchFiles && bytes < batchBytes; i++) {
        const file = files[i]!;
        batch.push(importFile(file, (data, name) => ((bytes += data.byteLength), importOne(data, name))));
      }
    });
    next += batch.length;
    outcomes.push(...batch);
    onProgress?.(next, files.length);
  }
  return outcomes;
}

function expand(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return [target]; // reported as a failure by importFile, with the reason
  }
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .sort()
    .flatMap((name) => {
      const child = path.join(target, name);
      const isDir = fs.statSync(child, { throwIfNoEntry: false })?.isDirectory() ?? false;
      return isDir ? expand(child) : formatOf(name) ? [child] : [];
    });
}

function importFile(file: string, importOne: ImportOne): ImportOutcome {
  const fileName = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `"${file}" does not exist (it may have been moved or deleted).`
        : code === 'EISDIR'
          ? `"${file}" is a folder.`
          : `"${file}" could not be read (${code ?? 'unknown error'}).`;
    return { fileName, status: 'failed', message };
  }
  try {
    return importOne(bytes, fileName);
  } catch (error) {
    if (error instanceof LibraryError) return { fileName, status: 'failed', message: error.message };
    throw error;
  }
}
