import type { Dialog } from 'electron';
import type { HandlerDeps } from './createHandlers';
import type { CurrentText, MainMessage, MainText } from './mainMessages';
import { vocabularyFileName } from '../library/vocabulary/vocabularyFiles';

export type FileDialog = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

type FileChoosers = Required<
  Pick<
    HandlerDeps,
    | 'chooseFiles'
    | 'chooseExportFolder'
    | 'chooseBackupFile'
    | 'chooseW3cFile'
    | 'chooseQdpxFile'
    | 'chooseQdcFile'
    | 'chooseTermListFile'
    | 'chooseVocabularyFile'
    | 'chooseAttributeCsvFile'
    | 'chooseMatrixFile'
    | 'chooseWordsCsvFile'
  >
>;

const today = () => new Date().toISOString().slice(0, 10);

/** What Import… offers: article files and RSS/Atom feeds (whose items import as articles). */
export const importExtensions = ['txt', 'md', 'markdown', 'html', 'htm', 'xml', 'rss', 'atom'] as const;

/** One kind of file in main's dialogs: its filter's name and extensions, and a title. */
interface FileKind {
  title: MainMessage;
  filter: MainMessage;
  extensions: readonly string[];
}

/** Main's save dialog for one kind of file; the path, or null when cancelled. */
async function askWhereToSave(dialog: FileDialog, t: MainText, kind: FileKind, defaultPath: string): Promise<string | null> {
  const result = await dialog.showSaveDialog({
    title: t(kind.title),
    buttonLabel: t('save'),
    defaultPath,
    filters: [{ name: t(kind.filter), extensions: [...kind.extensions] }],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Main's open dialog for one file of one kind; the path, or null when cancelled. */
async function askWhichToOpen(dialog: FileDialog, t: MainText, kind: FileKind): Promise<string | null> {
  const result = await dialog.showOpenDialog({
    title: t(kind.title),
    buttonLabel: t('open'),
    properties: ['openFile'],
    filters: [{ name: t(kind.filter), extensions: [...kind.extensions] }],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** A file Pizhu both writes and reads back (a backup, a project, a term list): one chooser for either way. */
function saveOrOpen(
  dialog: FileDialog,
  text: CurrentText,
  kind: Omit<FileKind, 'title'> & { saveTitle: MainMessage; openTitle: MainMessage; name: (day: string) => string },
) {
  return (purpose: 'save' | 'open'): Promise<string | null> => {
    const t = text();
    return purpose === 'save'
      ? askWhereToSave(dialog, t, { ...kind, title: kind.saveTitle }, kind.name(today()))
      : askWhichToOpen(dialog, t, { ...kind, title: kind.openTitle });
  };
}

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
    chooseBackupFile: saveOrOpen(dialog, text, {
      filter: 'backupFilter',
      extensions: ['json'],
      saveTitle: 'backupSaveTitle',
      openTitle: 'backupOpenTitle',
      name: (day) => `pizhu-backup-${day}.json`,
    }),
    chooseW3cFile: () =>
      askWhereToSave(
        dialog,
        text(),
        { title: 'w3cTitle', filter: 'w3cFilter', extensions: ['jsonld', 'json'] },
        `pizhu-annotations-${today()}.jsonld`,
      ),
    chooseQdpxFile: saveOrOpen(dialog, text, {
      filter: 'qdpxFilter',
      extensions: ['qdpx'],
      saveTitle: 'qdpxSaveTitle',
      openTitle: 'qdpxOpenTitle',
      name: (day) => `pizhu-${day}.qdpx`,
    }),
    chooseQdcFile: saveOrOpen(dialog, text, {
      filter: 'qdcFilter',
      extensions: ['qdc'],
      saveTitle: 'qdcSaveTitle',
      openTitle: 'qdcOpenTitle',
      name: (day) => `pizhu-codebook-${day}.qdc`,
    }),
    chooseTermListFile: saveOrOpen(dialog, text, {
      filter: 'termListFilter',
      extensions: ['csv'],
      saveTitle: 'termListSaveTitle',
      openTitle: 'termListOpenTitle',
      name: (day) => `pizhu-terms-${day}.csv`,
    }),
    chooseAttributeCsvFile: () =>
      askWhichToOpen(dialog, text(), { title: 'attributeCsvTitle', filter: 'attributeCsvFilter', extensions: ['csv'] }),
    chooseWordsCsvFile: (kind) =>
      askWhereToSave(
        dialog,
        text(),
        { title: 'wordsCsvTitle', filter: 'vocabularyCsvFilter', extensions: ['csv'] },
        `pizhu-${kind === 'frequencies' ? 'frequency' : kind}-${today()}.csv`,
      ),
    chooseMatrixFile: (format) =>
      askWhereToSave(
        dialog,
        text(),
        { title: 'matrixSaveTitle', filter: format === 'csv' ? 'matrixCsvFilter' : 'matrixXlsxFilter', extensions: [format] },
        `pizhu-matrix-${today()}.${format}`,
      ),
    // A .csv for CSV, a .txt for Anki (which imports tab-separated text files).
    chooseVocabularyFile: (format) => {
      const kind: FileKind =
        format === 'csv'
          ? { title: 'vocabularyCsvTitle', filter: 'vocabularyCsvFilter', extensions: ['csv'] }
          : { title: 'vocabularyAnkiTitle', filter: 'vocabularyAnkiFilter', extensions: ['txt'] };
      return askWhereToSave(dialog, text(), kind, vocabularyFileName(format, today()));
    },
  };
}
