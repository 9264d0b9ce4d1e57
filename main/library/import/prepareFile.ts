import fs from 'node:fs';
import path from 'node:path';
import { LibraryError } from '../libraryError';
import type { NewArticle } from '../store/articles';
import { prepareFileImport } from './prepareImport';

/** One file of a folder import, read and parsed, ready for the store; or why it cannot be imported. */
export type PreparedFile = { fileName: string; article: NewArticle } | { fileName: string; failed: string };

/**
 * Reads and parses one file: everything an import does before the database. A file that cannot
 * be read or imported becomes a message naming it; anything else (a bug) throws. Runs in the
 * import's worker thread (parseWorkerEntry.ts) or, without one, on the calling thread.
 */
export function prepareFile(file: string): PreparedFile {
  const fileName = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const failed =
      code === 'ENOENT'
        ? `"${file}" does not exist (it may have been moved or deleted).`
        : code === 'EISDIR'
          ? `"${file}" is a folder.`
          : `"${file}" could not be read (${code ?? 'unknown error'}).`;
    return { fileName, failed };
  }
  try {
    return { fileName, article: prepareFileImport(bytes, fileName) };
  } catch (error) {
    if (error instanceof LibraryError) return { fileName, failed: error.message };
    throw error;
  }
}
