import type { FileDialog } from './fileDialogs';
import type { CurrentText } from './mainMessages';

/** Main's folder dialog for the sync folder: the page never names a path. Null when cancelled. */
export function syncFolderDialog(dialog: FileDialog, text: CurrentText): () => Promise<string | null> {
  return async () => {
    const t = text();
    const result = await dialog.showOpenDialog({
      title: t('syncFolderTitle'),
      buttonLabel: t('chooseFolder'),
      properties: ['openDirectory', 'createDirectory'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
