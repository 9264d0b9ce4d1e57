import type { VocabularyExportFormat } from '../../preload/contract/vocabularyTypes';
import type { FileDialog } from './fileDialogs';
import type { CurrentText } from './mainMessages';

/**
 * Main's save dialog for a vocabulary export, in the interface language: a .csv for CSV, a .txt
 * for Anki (which imports tab-separated text files). The page asks for a format, never a place.
 */
export function vocabularyFileDialog(dialog: FileDialog, text: CurrentText) {
  return async (format: VocabularyExportFormat): Promise<string | null> => {
    const t = text();
    const day = new Date().toISOString().slice(0, 10);
    const csv = format === 'csv';
    const result = await dialog.showSaveDialog({
      title: t(csv ? 'vocabularyCsvTitle' : 'vocabularyAnkiTitle'),
      buttonLabel: t('save'),
      defaultPath: csv ? `pizhu-vocabulary-${day}.csv` : `pizhu-vocabulary-${day}-anki.txt`,
      filters: [{ name: t(csv ? 'vocabularyCsvFilter' : 'vocabularyAnkiFilter'), extensions: [csv ? 'csv' : 'txt'] }],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
