import path from 'node:path';
import type { Dialog } from 'electron';
import { createLibrary, type Library, type LibraryOptions } from '../library/createLibrary';
import { LibraryError } from '../library/libraryError';
import { listBackups, verifyDatabaseFile, type BackupFile } from '../library/store/backups';
import { withLibraryLock } from '../library/store/libraryLock';
import { restoreBackup } from '../library/store/restoreBackup';
import type { MessageBoxDialog } from './askInMain';
import { askWhichBackup } from './backupChooser';
import type { MainText } from './mainMessages';

/** What the person is asked when the library cannot be opened; Electron's dialogs in the app, a stub in tests. */
export interface RecoveryPrompt {
  /**
   * A damaged library: every backup that looks whole, newest first, each with its date and
   * size. The one to restore, or null to quit. Asked again, without it, if the one chosen
   * turns out damaged too (the message then says so).
   */
  chooseBackup: (message: string, backups: readonly BackupFile[]) => Promise<BackupFile | null>;
  /** Nothing to offer (or declined): the message is shown and the app quits. */
  showError: (message: string) => void;
}

/** Main's questions when the library cannot be opened, asked before any window, in the language `t` speaks. */
export function recoveryPrompt(dialog: MessageBoxDialog & Pick<Dialog, 'showErrorBox'>, t: MainText): RecoveryPrompt {
  return {
    chooseBackup: (message, backups) =>
      askWhichBackup(
        dialog,
        null,
        {
          type: 'warning',
          title: t('recoveryTitle'),
          message,
          detail: t('recoveryDetail'),
          cancelLabel: t('quit'),
          defaultTo: 'newest',
          text: t,
        },
        backups,
      ),
    showError: (message) => dialog.showErrorBox(t('recoveryTitle'), message),
  };
}

/**
 * Opens the library; a damaged file is never written to, and the backups are offered in its
 * place (the damaged file itself is kept beside them by restoreBackup). Never throws: any
 * failure is shown through the prompt. null: the app quits.
 */
export async function openLibraryWithRecovery(
  options: LibraryOptions,
  prompt: RecoveryPrompt,
): Promise<Library | null> {
  const { dbPath } = options;
  const backupDir = options.backupDir ?? path.join(path.dirname(dbPath), 'backups');
  let message: string;
  try {
    return await createLibrary(options);
  } catch (error) {
    message = describe(error);
    if (!(error instanceof LibraryError && error.code === 'library-corrupt')) return quit(prompt, message, dbPath);
  }
  let offered = safeList(backupDir);
  while (offered.length > 0) {
    let chosen: BackupFile | null;
    try {
      chosen = await prompt.chooseBackup(message, offered);
    } catch (error) {
      return quit(prompt, describe(error), dbPath);
    }
    if (!chosen) break;
    const pick = chosen;
    offered = offered.filter((b) => b.path !== pick.path);
    // Checked in full before anything is moved: a bad one leaves the damaged library where it was.
    const problem = verifyDatabaseFile(pick.path);
    if (problem) {
      message = `The backup from ${pick.createdAt} is damaged too (${problem}).${offered.length > 0 ? ' Choose another.' : ''}`;
      continue;
    }
    try {
      await withLibraryLock(dbPath, () => restoreBackup(dbPath, pick.path, backupDir));
      return await createLibrary(options);
    } catch (error) {
      message = `The backup from ${pick.createdAt} could not be restored: ${describe(error)}`;
    }
  }
  return quit(prompt, message, dbPath);
}

function quit(prompt: RecoveryPrompt, message: string, dbPath: string): null {
  try {
    prompt.showError(`${message}\n\n${dbPath}`);
  } catch (error) {
    // The dialog itself failed: the message still reaches the log rather than vanishing.
    console.error(message, error);
  }
  return null;
}

function safeList(backupDir: string): BackupFile[] {
  try {
    return listBackups(backupDir);
  } catch {
    return [];
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
