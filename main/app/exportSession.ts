import type { MarkdownExportProgress } from '../../preload/contract/api';
import { LibraryError } from '../library/libraryError';

/**
 * The window's one running Markdown export and how far it is: the export pauses every few
 * files (exportMarkdownInSteps), and the export dialog asks for this meanwhile.
 */
export function exportSession() {
  let progress: MarkdownExportProgress | null = null;
  return {
    progress(): MarkdownExportProgress | null {
      return progress;
    },

    /** Runs `work` with a progress callback; refused (export-running) while another runs. */
    async run<T>(work: (onProgress: (done: number, total: number, phase?: 'rendering') => void) => Promise<T>): Promise<T> {
      if (progress !== null) throw new LibraryError('export-running', 'An export is running: wait for it to finish.');
      progress = { done: 0, total: 0, rendering: true };
      try {
        return await work((done, total, phase) => {
          progress = { done, total, rendering: phase === 'rendering' };
        });
      } finally {
        progress = null;
      }
    },
  };
}
