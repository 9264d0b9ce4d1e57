import { libraryRefiQda } from '../library/refiQda/refiQdaOperations';
import type { AppInfo, Method, RequestOf, ValueOf } from '../../preload/contract/api';
import type { UiLocale } from '../../preload/common/uiLocales';
import type { ImportOutcome } from '../../preload/contract/articleTypes';
import type { VocabularyExportFormat } from '../../preload/contract/vocabularyTypes';
import type { MatrixExportFormat } from '../../preload/contract/matrixTypes';
import type { WordsCsvRequest } from '../../preload/contract/analysisTypes';
import { methodOf } from '../../preload/contract/channels';
import { fail, ok, type Result } from '../../preload/contract/errors';
import type { Library } from '../library/createLibrary';
import { requireAbsolutePath } from '../library/files/writeTextFile';
import { LibraryError, storageError } from '../library/libraryError';
import { mergeFromJson, restoreFromJson, type ConfirmBackupUse } from './backupFromJson';
import { exportFolderBeside, type ExportFolderSetting } from './exportFolderSetting';
import { droppedSources } from './droppedSources';
import { importSession } from './importSession';
import { exportSession } from './exportSession';
import type { PizhuLink } from './parsePizhuLink';
import { requestSchemas } from './requestSchemas';
import { openDictionary } from '../library/dictionary/openDictionary';
import { lazyDictionary } from '../library/dictionary/wordDictionary';
import { createReadings } from '../library/dictionary/readingWords';
import { foldedWordLengths } from '../library/analysis/paragraphWords';
import type { WordDictionary } from '../library/dictionary/wordDictionary';
import { restoreChosenBackup, type ChooseAutomaticBackup } from './restoreFromBackup';
import { holdWritesDuringCheck } from './holdWritesDuringCheck';
import { createSyncController, type SyncController } from './syncController';
import { syncSettingsBeside } from './syncSettings';

/** What the handlers need besides the library: the parts that differ between Electron and tests. */
export interface HandlerDeps {
  library: Library;
  appVersion: string;
  seededOnThisRun: number;
  /** The pizhu:// link waiting to be opened, taken once (none where links cannot arrive, e.g. the CLI). */
  takePendingLink?: () => PizhuLink | null;
  /** Asks the person for files to import; an empty list when they cancel. */
  chooseFiles: () => Promise<string[]>;
  /** Tells the window the running import moved on (it then asks getImportProgress); nothing where there is none. */
  announceImportProgress?: () => void;
  /** Main's dialog for the export folder; null when cancelled (or where there is no one to ask). */
  chooseExportFolder?: () => Promise<string | null>;
  /** Main's dialog for a JSON backup file to write or to read, opened for that one call; null when cancelled. */
  chooseBackupFile?: (purpose: 'save' | 'open') => Promise<string | null>;
  /** Main's save dialog for a W3C Web Annotation file, opened for that one call; null when cancelled. */
  chooseW3cFile?: () => Promise<string | null>;
  /** Main's dialog for a REFI-QDA project (.qdpx) to write or to read, opened for that one call; null when cancelled. */
  chooseQdpxFile?: (purpose: 'save' | 'open') => Promise<string | null>;
  /** Main's dialog for a REFI-QDA codebook (.qdc) to write or to read, opened for that one call; null when cancelled. */
  chooseQdcFile?: (purpose: 'save' | 'open') => Promise<string | null>;
  /** Main's save dialog for a vocabulary export (CSV or Anki), opened for that one call; null when cancelled. */
  chooseVocabularyFile?: (format: VocabularyExportFormat) => Promise<string | null>;
  /** Main's dialog for a CSV term list (overrides) to write or to read, opened for that one call; null when cancelled. */
  chooseTermListFile?: (purpose: 'save' | 'open') => Promise<string | null>;
  /** Main's save dialog for a Words table as CSV (frequencies, KWIC lines or keyness), opened for that one call; null when cancelled. */
  chooseWordsCsvFile?: (kind: WordsCsvRequest['kind']) => Promise<string | null>;
  /** Main's open dialog for a CSV of article attributes, opened for that one call; null when cancelled. */
  chooseAttributeCsvFile?: () => Promise<string | null>;
  /** Main's save dialog for a matrix (CSV or .xlsx), opened for that one call; null when cancelled. */
  chooseMatrixFile?: (format: MatrixExportFormat) => Promise<string | null>;
  /** Main's confirmation, with its preview, before a JSON backup is merged in or restored; without it nothing is. */
  confirmBackupUse?: ConfirmBackupUse;
  /** Main's chooser of an automatic backup (listed by main), with its confirmation; the name, or null when cancelled. */
  chooseAutomaticBackup?: ChooseAutomaticBackup;
  /** Where the chosen export folder is kept; by default a file beside the library. */
  exportFolder?: ExportFolderSetting;
  /** Main's menus and dialogs follow the language the page says the person uses (nothing where there are none). */
  setInterfaceLanguage?: (locale: UiLocale) => void;
  /** The offline dictionary; by default the packed file beside main's bundle, opened on the first lookup. */
  dictionary?: WordDictionary;
  /** The open library's sync (main makes it with its folder dialog and the window's events); by default one with neither. */
  sync?: SyncController;
}

type Handler<M extends Method> = (request: RequestOf<M>) => ValueOf<M> | Promise<ValueOf<M>>;
export type HandlerTable = { [M in Method]: Handler<M> };

/** The one table of handlers: registered with ipcMain by main/app, bound to Chromium by the e2e launcher. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { library } = deps;
  const { annotations } = library;
  const exportFolder = deps.exportFolder ?? exportFolderBeside(library.path);

  const imports = importSession(library, deps.announceImportProgress);
  const exports = exportSession();
  // Opened on the first lookup, never at start: it is no part of the first paint.
  const dictionary = deps.dictionary ?? lazyDictionary(() => openDictionary());
  const readings = createReadings(
    () => foldedWordLengths(openDictionary().packed),
    () => library.vocabulary.listVocabulary().flatMap((entry) => [entry.word, entry.storedWord]),
  );

  /** Main's folder dialog; a folder the library refuses is never kept. */
  async function askExportFolder(keep = true): Promise<string | null> {
    const chosen = (await deps.chooseExportFolder?.()) ?? null;
    if (chosen === null) return null;
    const folder = requireAbsolutePath(chosen, 'export folder');
    library.checkExportFolder(folder);
    if (keep) exportFolder.set(folder);
    return folder;
  }

  const openBackup = async () => (await deps.chooseBackupFile?.('open')) ?? null;
  const sync = deps.sync ?? createSyncController({ library, settings: syncSettingsBeside(library.path) });

  const table: HandlerTable = {
    getAppInfo: (): AppInfo => ({
      version: deps.appVersion,
      libraryPath: library.path,
      seededOnThisRun: deps.seededOnThisRun,
    }),
    takePendingLink: () => deps.takePendingLink?.() ?? null,
    listArticles: () => library.listArticles(),
    listArticlePage: (request) => library.listArticlePage(request),
    listArticleIds: (request) => library.listArticleIds(request),
    getArticle: ({ articleId }) => {
      const article = library.getArticle(articleId);
      // For "recently opened" in the library pane: a write, so after the start-up check when it still runs.
      const integrity = library.integrity.state();
      if (integrity === 'whole') library.markOpened(articleId);
      else if (integrity === 'checking') void library.integrity.whenWritable().then(() => library.markOpened(articleId), () => {});
      return article;
    },
    setReadingPosition: ({ articleId, paragraphOrder }) => {
      library.setReadingPosition(articleId, paragraphOrder);
      return null;
    },
    setUnplacedDismissed: ({ articleId, key, dismissed }) => library.setUnplacedDismissed(articleId, key, dismissed),
    placeUnplaced: (request) => library.placeUnplaced(request),
    importFiles: async (): Promise<ImportOutcome[]> => {
      imports.refuseWhileRunning(); // before the dialog, not after the person has chosen
      const chosen = await deps.chooseFiles();
      return chosen.length === 0 ? [] : imports.run(chosen);
    },
    importDropped: ({ files }) => droppedSources(files, (sources) => imports.run(sources)),
    getImportProgress: () => imports.progress(),
    cancelImport: () => ({ cancelled: imports.cancel() }),
    keepDuplicate: ({ keepId }) => library.keepDuplicate(keepId),
    importText: ({ text, title }) => library.importPastedText(text, title),
    updateMetadata: ({ articleId, changes }) => library.updateMetadata(articleId, changes),
    reclassifyParagraph: ({ paragraphId, kind }) => library.reclassifyParagraph(paragraphId, kind),
    setArticleRegion: ({ articleId, region }) => library.setArticleRegion(articleId, region),
    recleanArticle: ({ articleId }) => library.recleanArticle(articleId),
    trashArticle: ({ articleId }) => ({ title: library.trashArticle(articleId) }),
    restoreArticle: ({ articleId }) => ({ title: library.restoreArticle(articleId) }),
    setArchived: ({ articleId, archived }) => ({ title: library.setArchived(articleId, archived) }),
    listTrash: () => library.listTrash(),
    listArticleDuplicates: ({ articleId }) => library.listArticleDuplicates(articleId),
    compareArticles: ({ left, right }) => library.compareArticles(left, right),
    emptyTrash: async () => ({ removed: await library.emptyTrash() }),
    getLastOpenedArticle: () => library.lastOpenedArticle(),
    createHighlight: (request) => annotations.createHighlight(request),
    createHighlightGroup: (request) => annotations.createHighlightGroup(request),
    updateHighlight: ({ highlightId, color }) => annotations.updateHighlight(highlightId, color),
    updateHighlightComment: ({ highlightId, comment }) => annotations.updateHighlightComment(highlightId, comment),
    deleteHighlight: ({ highlightId }) => annotations.deleteHighlight(highlightId),
    tagHighlight: ({ highlightId, tag }) => annotations.tagHighlight(highlightId, tag),
    untagHighlight: ({ highlightId, tag }) => annotations.untagHighlight(highlightId, tag),
    tagParagraph: ({ paragraphId, tag }) => annotations.tagParagraph(paragraphId, tag),
    untagParagraph: ({ paragraphId, tag }) => annotations.untagParagraph(paragraphId, tag),
    listTags: () => annotations.listTags(),
    listTagLevel: (request) => annotations.listTagLevel(request),
    renameTag: ({ from, to }) => annotations.renameTag(from, to),
    mergeTags: ({ from, into }) => annotations.mergeTags(from, into),
    deleteTag: ({ name }) => annotations.deleteTag(name),
    describeTag: ({ tag, description }) => annotations.describeTag(tag, description),
    listTaggedPassagePage: (request) => annotations.listTaggedPassagePage(request),
    saveNote: (request) => annotations.saveNote(request),
    getNote: ({ paragraphId }) => annotations.getNote(paragraphId),
    getArticleMemo: ({ articleId }) => library.memos.getArticleMemo(articleId),
    saveArticleMemo: ({ articleId, ...memo }) => library.memos.saveArticleMemo(articleId, memo),
    listJournal: () => library.memos.listJournal(),
    saveJournalEntry: ({ id, ...memo }) => library.memos.saveJournalEntry(id, memo),
    removeJournalEntry: ({ id }) => library.memos.removeJournalEntry(id),
    undo: () => annotations.undo(),
    redo: () => annotations.redo(),
    addVocabulary: (request) => library.vocabulary.addVocabulary(request),
    listVocabulary: (filter) => library.vocabulary.listVocabulary(filter),
    updateVocabulary: ({ id, ...changes }) => library.vocabulary.updateVocabulary(id, changes),
    removeVocabulary: ({ id }) => library.vocabulary.removeVocabulary(id),
    exportVocabulary: async ({ format, filter }) => {
      const file = (await deps.chooseVocabularyFile?.(format)) ?? null;
      return file === null ? null : library.vocabulary.exportVocabulary(file, format, filter);
    },
    // Paths are main's: the kept export folder (asked for once when there is none) and a dialog per backup.
    exportMarkdown: async (options) => {
      const kept = exportFolder.get();
      const outDir = kept ?? (await askExportFolder(false));
      if (outDir === null) return null;
      const written = await exports.run((onProgress) => library.exportMarkdownInSteps({ ...options, outDir }, onProgress));
      // A folder asked for here is kept once the export is done: a refused export (an article that is gone) changes nothing.
      if (kept === null) exportFolder.set(outDir);
      return written;
    },
    getExportProgress: () => exports.progress(),
    exportBackup: async () => {
      const file = (await deps.chooseBackupFile?.('save')) ?? null;
      return file === null ? null : library.exportBackup(file);
    },
    importBackup: () => mergeFromJson(library, openBackup, deps.confirmBackupUse),
    restoreJsonBackup: () => restoreFromJson(library, openBackup, deps.confirmBackupUse),
    exportW3c: async () => {
      const file = (await deps.chooseW3cFile?.()) ?? null;
      return file === null ? null : library.exportW3c(file);
    },
    exportQdpx: async (options) => {
      const file = (await deps.chooseQdpxFile?.('save')) ?? null;
      return file === null ? null : libraryRefiQda(library).exportQdpx(file, options);
    },
    importQdpx: async () => {
      const file = (await deps.chooseQdpxFile?.('open')) ?? null;
      return file === null ? null : libraryRefiQda(library).importQdpx(file);
    },
    exportQdc: async () => {
      const file = (await deps.chooseQdcFile?.('save')) ?? null;
      return file === null ? null : libraryRefiQda(library).exportQdc(file);
    },
    importQdc: async () => {
      const file = (await deps.chooseQdcFile?.('open')) ?? null;
      return file === null ? null : libraryRefiQda(library).importQdc(file);
    },
    restoreAutomaticBackup: () => restoreChosenBackup(library, deps.chooseAutomaticBackup),
    search: ({ query, ...options }) => library.search.find(query, options),
    autocode: ({ query, ...options }) => library.search.autocode(query, options),
    chooseExportFolder: () => askExportFolder(),
    getExportFolder: () => exportFolder.get(),
    listAttributes: () => library.attributes.listAttributes(),
    defineAttribute: (spec) => library.attributes.defineAttribute(spec),
    updateAttribute: ({ id, ...spec }) => library.attributes.updateAttribute(id, spec),
    removeAttribute: ({ id }) => {
      library.attributes.removeAttribute(id);
      return null;
    },
    getArticleAttributes: ({ articleId }) => library.attributes.articleAttributes(articleId),
    setAttributeValue: ({ articleIds, attributeId, value }) => library.attributes.setAttributeValue(articleIds, attributeId, value),
    setAttributeValueOnList: ({ list, attributeId, value }) =>
      library.attributes.setAttributeValueOnList(list, attributeId, value),
    importAttributes: async () => {
      const file = (await deps.chooseAttributeCsvFile?.()) ?? null;
      return file === null ? null : library.attributes.importAttributeCsv(file);
    },
    buildMatrix: (request) => library.matrices.buildMatrix(request),
    matrixPassages: ({ matrix, row, column }) => library.matrices.matrixPassages(matrix, row, column),
    exportMatrix: async ({ matrix, format }) => {
      const file = (await deps.chooseMatrixFile?.(format)) ?? null;
      return file === null ? null : library.matrices.exportMatrix(file, matrix, format);
    },
    listTermOverrides: () => library.overrides.list(),
    addTermOverride: (rule) => library.overrides.add(rule),
    updateTermOverride: ({ id, ...rule }) => library.overrides.update(id, rule),
    removeTermOverride: ({ id }) => {
      library.overrides.remove(id);
      return null;
    },
    exportTermOverrides: async () => {
      const file = (await deps.chooseTermListFile?.('save')) ?? null;
      return file === null ? null : library.overrides.exportTermList(file);
    },
    importTermOverrides: async () => {
      const file = (await deps.chooseTermListFile?.('open')) ?? null;
      return file === null ? null : library.overrides.importTermList(file);
    },
    setInterfaceLanguage: ({ locale }) => {
      deps.setInterfaceLanguage?.(locale);
      return null;
    },
    lookupWord: ({ text, offset, length }) => dictionary.lookupWord(text, offset, length),
    readingWords: ({ texts }) => readings.read(texts),
    wordFrequencies: (request) => library.analysis.frequencies(request),
    getWordsProgress: () => library.analysis.progress(),
    concordance: (request) => library.analysis.concordance(request),
    codeConcordanceLines: ({ spans, tag, color }) => library.analysis.codeConcordanceLines(spans, tag, color),
    wordKeyness: (request) => library.analysis.keyness(request),
    getStopWords: () => library.analysis.stopWords(),
    setStopWords: ({ words }) => library.analysis.setStopWords(words),
    listMembers: () => library.team.members(),
    setMyMember: ({ name, color }) => library.team.setMe({ name, color }),
    exportWordsCsv: async (request) => {
      const file = (await deps.chooseWordsCsvFile?.(request.kind)) ?? null;
      return file === null ? null : library.analysis.exportCsv(file, request);
    },
    getSyncStatus: () => sync.status(),
    startServerSync: ({ url, token }) => sync.startServer(url, token),
    chooseSyncFolder: () => sync.chooseFolder(),
    stopSync: () => sync.stop(),
    takeSyncChanges: () => sync.takeChanges(),
    listSyncConflicts: () => sync.conflicts(),
    resolveSyncConflict: ({ id, keep }) => sync.resolveConflict(id, keep),
  };
  // Until the start-up integrity check passes, calls that write wait for it.
  return holdWritesDuringCheck(table, library.integrity);
}

export type Dispatch = (channel: string, request: unknown) => Promise<Result<unknown>>;

/** Validates the request against the method's schema, runs the handler, and turns every failure into a value. */
export function createDispatch(handlers: HandlerTable, log: (error: unknown) => void = console.error): Dispatch {
  return async (channel, request) => {
    const method = methodOf(channel);
    if (!method) return fail('unknown-channel', `Pizhu has no channel named "${channel}".`, channel);
    const parsed = requestSchemas[method].safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'request';
      return fail('invalid-argument', `Invalid ${method} call: ${where}: ${issue?.message ?? 'not allowed'}.`, method);
    }
    try {
      const run = handlers[method] as (req: unknown) => unknown;
      return ok(await run(parsed.data));
    } catch (error) {
      const known = error instanceof LibraryError ? error : storageError(error);
      if (known) return fail(known.code, known.message, known.detail);
      log(error);
      return fail('internal', `Pizhu hit an unexpected error in ${method}; nothing was changed.`, method);
    }
  };
}
