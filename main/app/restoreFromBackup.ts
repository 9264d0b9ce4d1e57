import type { BrowserWindow } from 'electron';
import type { Library } from '../library/createLibrary';
import { LibraryError } from '../library/libraryError';
import type { BackupFile } from '../library/store/backups';
import { askToGoAhead, showMessageBoxOver, type MessageBoxDialog } from './askInMain';
import { askWhichBackup, describeBackup } from './backupChooser';
import { englishText, type CurrentText } from './mainMessages';
import { oneRestoreAtATime } from './oneRestoreAtATime';

/** Answers with the name of the backup to restore (one main listed), or null when the person cancels. */
export type ChooseAutomaticBackup = (backups: readonly BackupFile[]) => Promise<string | null>;

export interface RestoredBackup {
  /** When the restored backup was made (ISO date): the library is now as it was then. */
  restoredFrom: string;
}

/**
 * The one restore path, for the File menu and the page's button alike: main lists its own
 * backups, the person chooses one, and only a name from that list reaches the library.
 * Throws LibraryError (the dispatch turns it into a typed answer); null when cancelled.
 */
export async function restoreChosenBackup(
  library: Pick<Library, 'listBackups' | 'restoreBackupNamed'>,
  choose: ChooseAutomaticBackup | undefined,
): Promise<RestoredBackup | null> {
  return oneRestoreAtATime(library, async () => {
    const backups = library.listBackups();
    if (backups.length === 0)
      throw new LibraryError(
        'not-found',
        'There is no automatic backup yet: Pizhu makes one on each day the library is used.',
      );
    const name = choose ? await choose(backups) : null;
    if (name === null) return null;
    const chosen = backups.find((b) => b.name === name);
    if (!chosen)
      throw new LibraryError(
        'invalid-argument',
        `"${name}" is not one of the backups offered; nothing was changed.`,
        name,
      );
    await library.restoreBackupNamed(chosen.name);
    return { restoredFrom: chosen.createdAt };
  });
}

/**
 * Main's two questions, asked over the window: which backup (newest first, Cancel the
 * default), then whether to put it in place of the library as it is now.
 */
export function askForAutomaticBackup(
  dialog: MessageBoxDialog,
  parent: () => BrowserWindow | null,
  text: CurrentText = englishText,
): ChooseAutomaticBackup {
  return async (backups) => {
    const window = parent();
    const t = text();
    const chosen = await askWhichBackup(
      dialog,
      window,
      {
        type: 'question',
        title: t('automaticTitle'),
        message: t('whichBackup'),
        detail: t('whichBackupDetail'),
        cancelLabel: t('cancel'),
        defaultTo: 'cancel',
        text: t,
      },
      backups,
    );
    if (!chosen) return null;
    const yes = await askToGoAhead(dialog, window, {
      type: 'warning',
      title: t('automaticTitle'),
      message: t('restoreBackupQuestion', { backup: describeBackup(chosen, t) }),
      detail: t('restoreBackupDetail'),
      confirm: t('restore'),
      cancel: t('cancel'),
    });
    return yes ? chosen.name : null;
  };
}

export type MenuRestoreOutcome = 'restored' | 'cancelled' | 'failed';

export interface MenuRestoreDeps {
  library: Pick<Library, 'listBackups' | 'restoreBackupNamed'>;
  dialog: MessageBoxDialog;
  /** The app's window: the dialogs are modal on it, and its page is reloaded after a restore. */
  window: () => BrowserWindow | null;
  /** Main's chooser; by default the two questions above. */
  choose?: ChooseAutomaticBackup;
  /** The interface language of main's questions (English without it). */
  text?: CurrentText;
}

/**
 * The File menu's "Restore from automatic backup…". After a restore the page is reloaded, so
 * everything it shows is read again from the restored library. Never throws: a failure is
 * shown in main's dialog (and logged if even that fails).
 */
export function restoreFromMenu(deps: MenuRestoreDeps): () => Promise<MenuRestoreOutcome> {
  return async () => {
    try {
      const restored = await restoreChosenBackup(
        deps.library,
        deps.choose ?? askForAutomaticBackup(deps.dialog, deps.window, deps.text),
      );
      if (!restored) return 'cancelled';
      deps.window()?.webContents.reload();
      return 'restored';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      try {
        // The library's message says whether anything changed; this one does not guess.
        const t = (deps.text ?? englishText)();
        await showMessageBoxOver(deps.dialog, deps.window(), {
          type: 'error',
          title: t('automaticTitle'),
          message: t('restoreFailed'),
          detail: message,
          buttons: [t('ok')],
        });
      } catch (shown) {
        console.error('Restore from automatic backup failed', error, shown);
      }
      return 'failed';
    }
  };
}
