import path from 'node:path';
import { readRegularFile } from '../files/readRegularFile';
import { LibraryError } from '../libraryError';
import type { NewArticle } from '../store/articles';
import { maxImportBytes, prepareFileImport } from './prepareImport';

/** One file of a folder import, read and parsed, ready for the store; or why it cannot be imported. */
export type PreparedFile = { fileName: string; article: NewArticle } | { fileName: string; failed: string };

/**
 * Reads and parses one file: everything an import does before the database. A file that cannot
 * be read or imported becomes a message naming it; anything else (a bug) throws. Runs in the
 * import's worker thread (parseWorkerEntry.ts) or, without one, on the calling thread.
 */
export function prepareFile(file: string): PreparedFile {
  const fileName = path.basename(file);
  try {
    // Opened without blocking and checked on the open handle: a FIFO, a device (a symlink to
    // /dev/zero) or a file over the limit is refused before a byte is read.
    const bytes = readRegularFile(file, { maxBytes: maxImportBytes, what: 'document' });
    return { fileName, article: prepareFileImport(bytes, fileName) };
  } catch (error) {
    if (error instanceof LibraryError) return { fileName, failed: error.message };
    throw error;
  }
}
