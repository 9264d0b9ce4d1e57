import type { Dialog } from 'electron';
import type { HandlerDeps } from './createHandlers';
import type { CurrentText } from './mainMessages';

export type FileDialog = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

type FileChoosers = Required<
  Pick<
    HandlerDeps,
    'chooseFiles' | 'chooseExportFolder' | 'chooseBackupFile' | 'chooseW3cFile' | 'chooseQdpxFile' | 'chooseTermListFile'
  >
>;

const today = () => new Date().toISOString().slice(0, 10);

/** What Import… offers: article files and RSS/Atom feeds (whose items import as articles). */
export const importExtensions = ['txt', 'md', 'markdown', 'html', 'htm', 'xml', 'rss', 'atom'] as const;

/**
 * Main's open and save dialogs, titled, buttoned and filtered in the interface language as it is
 * when each opens. Every import, export and backup path comes from one of these (or the folder
 * kept from the first): the renderer asks for an export or a backup, never names a place.
 */
export function fileDialogs(dialog: FileDialog, text: CurrentText): FileChoosers {
  return {
    chooseFiles: async () => {
      const t = text();
      const result = await dialog.showOpenDialog({
        title: t('importTitle'),
        buttonLabel: t('importButton'),
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: t('articlesFilter'), extensions: [...importExtensions] }],
      });
      return result.canceled ? [] : result.filePaths;
    },
    chooseExportFolder: async () => {
      const t = text();
      const result = await dialog.showOpenDialog({
        title: t('exportFolderTitle'),
        buttonLabel: t('chooseFolder'),
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseBackupFile: async (purpose) => {
      const t = text();
      const filters = [{ name: t('backupFilter'), extensions: ['json'] }];
      if (purpose === 'save') {
        const defaultPath = `pizhu-backup-${today()}.json`;
        const result = await dialog.showSaveDialog({
          title: t('backupSaveTitle'),
          buttonLabel: t('save'),
          defaultPath,
          filters,
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      const result = await dialog.showOpenDialog({
        title: t('backupOpenTitle'),
        buttonLabel: t('open'),
        properties: ['openFile'],
        filters,
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseW3cFile: async () => {
      const t = text();
      const defaultPath = `pizhu-annotations-${today()}.jsonld`;
      const filters = [{ name: t('w3cFilter'), extensions: ['jsonld', 'json'] }];
      const result = await dialog.showSaveDialog({
        title: t('w3cTitle'),
        buttonLabel: t('save'),
        defaultPath,
        filters,
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseQdpxFile: async (purpose) => {
      const t = text();
      const filters = [{ name: t('qdpxFilter'), extensions: ['qdpx'] }];
      if (purpose === 'save') {
        const result = await dialog.showSaveDialog({
          title: t('qdpxSaveTitle'),
          buttonLabel: t('save'),
          defaultPath: `pizhu-${today()}.qdpx`,
          filters,
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      const result = await dialog.showOpenDialog({
        title: t('qdpxOpenTitle'),
        buttonLabel: t('open'),
        properties: ['openFile'],
        filters,
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseTermListFile: async (purpose) => {
      const t = text();
      const filters = [{ name: t('termListFilter'), extensions: ['csv'] }];
      if (purpose === 'save') {
        const result = await dialog.showSaveDialog({
          title: t('termListSaveTitle'),
          buttonLabel: t('save'),
          defaultPath: `pizhu-terms-${today()}.csv`,
          filters,
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      const result = await dialog.showOpenDialog({
        title: t('termListOpenTitle'),
        buttonLabel: t('open'),
        properties: ['openFile'],
        filters,
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
