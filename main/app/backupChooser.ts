import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { showMessageBoxOver, type MessageBoxDialog } from './askInMain';
import type { BackupFile } from '../library/store/backups';
import { englishText, type MainText, type MainMessage } from './mainMessages';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Why the library made a backup, as its file name says it (see main/library/store/backups). */
const reasonMessages: Readonly<Record<string, MainMessage>> = {
  daily: 'reasonDaily',
  'before-restore': 'reasonBeforeRestore',
  'before-empty-trash': 'reasonBeforeEmptyTrash',
};

/** A backup as a person picks it: its date (UTC, to the minute), size and why it was made. */
export function describeBackup(backup: BackupFile, t: MainText = englishText()): string {
  const reason = reasonMessages[backup.reason];
  return t('backupLine', {
    date: backup.createdAt.replace('T', ' ').slice(0, 16),
    size: formatSize(backup.bytes),
    reason: reason ? t(reason) : backup.reason,
  });
}

export interface BackupQuestion {
  type: 'warning' | 'question';
  title: string;
  message: string;
  detail: string;
  /** The last button, answering null: "Quit" at a damaged start, "Cancel" otherwise. */
  cancelLabel: string;
  /** Where Enter goes: the newest backup (recovery, the way forward) or Cancel (a restore nobody needs). */
  defaultTo: 'newest' | 'cancel';
  /** The language the backups are described in (English without it). */
  text?: MainText;
}

/**
 * Main's backup chooser, one button per backup in the order given (newest first), the cancel
 * button last. The recovery at start and the restore from the File menu or the page both ask
 * through this, so a person sees the same list each time.
 */
export async function askWhichBackup(
  dialog: MessageBoxDialog,
  parent: BrowserWindow | null,
  question: BackupQuestion,
  backups: readonly BackupFile[],
): Promise<BackupFile | null> {
  const options: MessageBoxOptions = {
    type: question.type,
    title: question.title,
    message: question.message,
    detail: question.detail,
    buttons: [...backups.map((b) => describeBackup(b, question.text)), question.cancelLabel],
    defaultId: question.defaultTo === 'newest' ? 0 : backups.length,
    cancelId: backups.length,
  };
  const answer = await showMessageBoxOver(dialog, parent, options);
  return backups[answer.response] ?? null;
}
