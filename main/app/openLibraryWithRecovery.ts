import path from 'node:path';
import { createLibrary, type Library, type LibraryOptions } from '../library/createLibrary';
import { LibraryError } from '../library/libraryError';
import { listBackups } from '../library/store/backups';
import { restoreBackup } from '../library/store/restoreBackup';

/** What the person is asked when the library cannot be opened; Electron's dialog in the app, a stub in tests. */
export interface RecoveryPrompt {
  /** A damaged library with a backup: true to restore that backup. */
  offerRestore: (message: string, backup: { path: string; createdAt: string }) => Promise<boolean>;
  /** Nothing to offer (or declined): the message is shown and the app quits. */
  showError: (message: string) => void;
}

/**
 * Opens the library; a damaged file is never written to, and the newest backup is offered in
 * its place (the damaged file itself is kept beside it by restoreBackup). null: the app quits.
 */
export async function openLibraryWithRecovery(
  options: LibraryOptions,
  prompt: RecoveryPrompt,
): Promise<Library | null> {
  const { dbPath } = options;
  try {
    return await createLibrary(options);
  } catch (error) {
    const message = error instanceof LibraryError ? error.message : String(error);
    const backupDir = path.join(path.dirname(dbPath), 'backups');
    const newest = listBackups(backupDir)[0];
    if (error instanceof LibraryError && error.code === 'library-corrupt' && newest) {
      if (await prompt.offerRestore(message, newest)) {
        await restoreBackup(dbPath, newest.path, backupDir);
        return createLibrary(options);
      }
    }
    prompt.showError(`${message}\n\n${dbPath}`);
    return null;
  }
}
