import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../../main/app/createHandlers';
import { fileDialogs, type FileDialog } from '../../../main/app/fileDialogs';
import { mainText } from '../../../main/app/mainMessages';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
  const paragraph = bodyParagraphs(seedArticle(seeded.library, '001'), 60)[0]!;
  const start = paragraph.text.search(/\p{Script=Han}{2}/u);
  seeded.library.vocabulary.addVocabulary({
    paragraphId: paragraph.id,
    start,
    end: start + 2,
    word: paragraph.text.slice(start, start + 2),
  });
});
afterEach(() => seeded.dispose());

/** Main's save dialog as the person answers it (a file, or Cancel), with what it was asked. */
function fakeDialog(answer: string | null) {
  const asked: Array<Parameters<FileDialog['showSaveDialog']>[0]> = [];
  const dialog = {
    showSaveDialog: (options: Parameters<FileDialog['showSaveDialog']>[0]) => {
      asked.push(options);
      return Promise.resolve(
        answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer },
      );
    },
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  } as unknown as FileDialog;
  return { dialog, asked };
}

describe('Export CSV… and Export Anki… in the vocabulary view', () => {
  it.each([
    ['zh-Hans', '导出生词（CSV）', 'CSV 表格'],
    ['zh-Hant', '匯出生詞（CSV）', 'CSV 表格'],
    ['en', 'Export vocabulary (CSV)', 'CSV spreadsheets'],
  ] as const)('main asks where in %s, and writes the file it was told', async (locale, title, filter) => {
    const file = path.join(seeded.dir, 'chosen.csv');
    const { dialog, asked } = fakeDialog(file);
    const dispatch = createDispatch(
      createHandlers({
        library: seeded.library,
        appVersion: 'test',
        seededOnThisRun: 0,
        chooseFiles: () => Promise.resolve([]),
        chooseVocabularyFile: fileDialogs(dialog, () => mainText(locale)).chooseVocabularyFile,
      }),
    );
    const answer = await dispatch('pizhu:exportVocabulary', { format: 'csv' });
    expect(answer).toEqual({ ok: true, value: { path: file, format: 'csv', words: 1 } });
    expect(asked[0]).toMatchObject({ title, filters: [{ name: filter, extensions: ['csv'] }] });
    expect(asked[0]?.defaultPath).toMatch(/^pizhu-vocabulary-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(fs.readFileSync(file, 'utf8')).toContain('word,stored_word,reading,meaning');
  });

  it('offers a .txt for Anki; Cancel writes nothing; a path from the page is refused', async () => {
    const { dialog, asked } = fakeDialog(null);
    const dispatch = createDispatch(
      createHandlers({
        library: seeded.library,
        appVersion: 'test',
        seededOnThisRun: 0,
        chooseFiles: () => Promise.resolve([]),
        chooseVocabularyFile: fileDialogs(dialog, () => mainText('en')).chooseVocabularyFile,
      }),
    );
    expect(await dispatch('pizhu:exportVocabulary', { format: 'anki' })).toEqual({ ok: true, value: null });
    expect(asked[0]).toMatchObject({ title: 'Export vocabulary (Anki)', filters: [{ extensions: ['txt'] }] });
    expect(asked[0]?.defaultPath).toMatch(/-anki\.txt$/);
    const withPath = await dispatch('pizhu:exportVocabulary', { format: 'csv', path: '/tmp/x.csv' });
    expect(withPath).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(fs.readdirSync(seeded.dir).filter((f) => /\.(csv|txt)$/.test(f))).toEqual([]);
  });
});
