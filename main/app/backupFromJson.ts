import type { BrowserWindow } from 'electron';
import type { BackupImportCounts, JsonRestoreResult, LibraryCounts } from '../../preload/contract/api';
import type { Library } from '../library/createLibrary';
import { askToGoAhead, type MessageBoxDialog } from './askInMain';
import { englishText, type CurrentText, type MainText } from './mainMessages';
import { oneRestoreAtATime } from './oneRestoreAtATime';

/** What the person is asked before a JSON backup is used: the preview main shows in its dialog. */
export type BackupQuestion =
  | { kind: 'merge'; file: string; adds: BackupImportCounts; current: LibraryCounts }
  | { kind: 'restore'; file: string; backup: LibraryCounts; current: LibraryCounts };

/** Main's confirmation; true to go on. */
export type ConfirmBackupUse = (question: BackupQuestion) => Promise<boolean>;

/** Main's open dialog for the JSON backup; null when cancelled. */
export type ChooseJsonBackup = () => Promise<string | null>;

type JsonLibrary = Pick<
  Library,
  'readBackup' | 'previewBackupMerge' | 'importBackup' | 'countLibrary' | 'stageJsonRestore' | 'restoreFrom'
>;

/**
 * "Merge from JSON…": adds what the backup has and the library lacks, never removing or
 * overwriting. The person sees what it would add (a merge rolled back) before it happens.
 * Null when they cancel either dialog, or when no one can be asked.
 */
export function mergeFromJson(
  library: JsonLibrary,
  choose: ChooseJsonBackup | undefined,
  confirm: ConfirmBackupUse | undefined,
): Promise<BackupImportCounts | null> {
  return oneRestoreAtATime(library, async () => {
    const file = (await choose?.()) ?? null;
    if (file === null) return null;
    // Read and checked once, before anyone is asked: a file that cannot be merged is refused
    // outright, and what is merged is what the preview showed, whatever the file holds by then.
    const backup = library.readBackup(file);
    const adds = library.previewBackupMerge(backup);
    if (!confirm || !(await confirm({ kind: 'merge', file, adds, current: library.countLibrary() }))) return null;
    return library.importBackup(backup);
  });
}

/**
 * "Restore from JSON…": the library becomes what the backup holds, no more. A library is built
 * from the backup alone beside this one, shown beside the current one, and only when the person
 * confirms is it swapped in (restoreFrom keeps the current library as a backup first and holds
 * the lock throughout). Null when they cancel, or when no one can be asked.
 */
export function restoreFromJson(
  library: JsonLibrary,
  choose: ChooseJsonBackup | undefined,
  confirm: ConfirmBackupUse | undefined,
): Promise<JsonRestoreResult | null> {
  return oneRestoreAtATime(library, async () => {
    const file = (await choose?.()) ?? null;
    if (file === null) return null;
    const staged = await library.stageJsonRestore(file);
    try {
      const question: BackupQuestion = { kind: 'restore', file, backup: staged.backup, current: staged.current };
      if (!confirm || !(await confirm(question))) return null;
      await library.restoreFrom(staged.path);
      return { restored: staged.backup };
    } finally {
      staged.discard();
    }
  });
}

function describe(counts: LibraryCounts, t: MainText): string {
  return t('libraryCounts', { ...counts });
}

/** The preview and the question, as main's dialog puts them, in the language `t` speaks. Cancel is the default. */
export function backupQuestionText(
  question: BackupQuestion,
  t: MainText = englishText(),
): {
  title: string;
  message: string;
  detail: string;
  button: string;
} {
  if (question.kind === 'merge') {
    const a = question.adds;
    return {
      title: t('mergeTitle'),
      message: t('mergeQuestion'),
      detail: t('mergeDetail', {
        articles: a.articlesAdded,
        highlights: a.highlightsAdded,
        notes: a.notesAdded + a.notesJoined,
        tags: a.tagsAdded,
        present: a.highlightsAlreadyPresent,
        current: describe(question.current, t),
      }),
      button: t('merge'),
    };
  }
  return {
    title: t('restoreJsonTitle'),
    message: t('restoreJsonQuestion'),
    detail: t('restoreJsonDetail', { backup: describe(question.backup, t), current: describe(question.current, t) }),
    button: t('restore'),
  };
}

/** Asks in main's own message box over the window, in the interface language. */
export function askToUseBackup(
  dialog: MessageBoxDialog,
  parent: () => BrowserWindow | null,
  text: CurrentText = englishText,
): ConfirmBackupUse {
  return async (question) => {
    const t = text();
    const asked = backupQuestionText(question, t);
    return askToGoAhead(dialog, parent(), {
      type: question.kind === 'restore' ? 'warning' : 'question',
      title: asked.title,
      message: asked.message,
      detail: asked.detail,
      confirm: asked.button,
      cancel: t('cancel'),
    });
  };
}
