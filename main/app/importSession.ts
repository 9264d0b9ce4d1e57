import type { ImportOutcome } from '../../preload/contract/articleTypes';
import type { ImportProgress } from '../../preload/contract/importTypes';
import type { Library } from '../library/createLibrary';
import type { ImportSource } from '../library/import/importPaths';
import { LibraryError } from '../library/libraryError';

/**
 * Files per stored batch in the app: progress is reported and cancel heard once a batch, so a
 * batch is a fraction of a second of work, not the thousand files the CLI commits at once.
 */
export const appImportBatchFiles = 10;

/**
 * The app's imports, one at a time: each runs in small batches, tells the window how far it is
 * (`announce`; the page then asks `progress`), can be cancelled between batches, and holds the
 * duplicates it skipped so the report can offer "Keep both".
 */
export function importSession(library: Library, announce: () => void = () => undefined) {
  let running: { cancel: AbortController; progress: ImportProgress | null } | null = null;

  const refuseWhileRunning = (): void => {
    if (running) {
      throw new LibraryError('import-running', 'Another import is still running; wait for it to end or cancel it first.');
    }
  };

  return {
    /** Before a dialog opens for a new import: none may while one runs. */
    refuseWhileRunning,
    async run(sources: readonly ImportSource[]): Promise<ImportOutcome[]> {
      refuseWhileRunning();
      const current = { cancel: new AbortController(), progress: null as ImportProgress | null };
      running = current;
      try {
        return await library.importPaths(
          sources,
          (done, total) => {
            current.progress = { done, total };
            announce();
          },
          'skip',
          { signal: current.cancel.signal, batchFiles: appImportBatchFiles, holdDuplicates: true },
        );
      } finally {
        running = null;
        announce();
      }
    },
    progress: (): ImportProgress | null => running?.progress ?? null,
    cancel(): boolean {
      if (!running) return false;
      running.cancel.abort();
      return true;
    },
  };
}
