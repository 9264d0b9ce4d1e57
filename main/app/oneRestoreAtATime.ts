import { LibraryError } from '../library/libraryError';

const busy = new WeakSet<object>();

/**
 * Runs a restore or merge only when no other is under way on this library, whichever way it was
 * asked for (automatic backup, JSON restore or merge; menu or page): a restore closes the file
 * under anything else.
 */
export async function oneRestoreAtATime<T>(library: object, run: () => Promise<T>): Promise<T> {
  if (busy.has(library))
    throw new LibraryError('library-busy', 'A restore or merge is already under way; try again when it has finished.');
  busy.add(library);
  try {
    return await run();
  } finally {
    busy.delete(library);
  }
}
