import type { Method } from './api';

/** Every method once; the Record type makes the compiler reject a missing or unknown one. */
const methodTable: Record<Method, true> = {
  getAppInfo: true,
  takePendingLink: true,
  listArticles: true,
  listArticlePage: true,
  listArticleIds: true,
  getArticle: true,
  setReadingPosition: true,
  setUnplacedDismissed: true,
  placeUnplaced: true,
  importFiles: true,
  importText: true,
  importDropped: true,
  getImportProgress: true,
  cancelImport: true,
  keepDuplicate: true,
  updateMetadata: true,
  reclassifyParagraph: true,
  setArticleRegion: true,
  recleanArticle: true,
  trashArticle: true,
  restoreArticle: true,
  setArchived: true,
  listTrash: true,
  listArticleDuplicates: true,
  compareArticles: true,
  emptyTrash: true,
  getLastOpenedArticle: true,
  createHighlight: true,
  createHighlightGroup: true,
  updateHighlight: true,
  updateHighlightComment: true,
  deleteHighlight: true,
  tagHighlight: true,
  untagHighlight: true,
  tagParagraph: true,
  untagParagraph: true,
  listTags: true,
  listTagLevel: true,
  renameTag: true,
  mergeTags: true,
  deleteTag: true,
  describeTag: true,
  listTaggedPassagePage: true,
  saveNote: true,
  getNote: true,
  getArticleMemo: true,
  saveArticleMemo: true,
  listJournal: true,
  saveJournalEntry: true,
  removeJournalEntry: true,
  undo: true,
  redo: true,
  addVocabulary: true,
  listVocabulary: true,
  updateVocabulary: true,
  removeVocabulary: true,
  exportVocabulary: true,
  exportMarkdown: true,
  getExportProgress: true,
  exportBackup: true,
  importBackup: true,
  restoreJsonBackup: true,
  exportW3c: true,
  exportQdpx: true,
  importQdpx: true,
  exportQdc: true,
  importQdc: true,
  restoreAutomaticBackup: true,
  search: true,
  autocode: true,
  chooseExportFolder: true,
  getExportFolder: true,
  setInterfaceLanguage: true,
  listAttributes: true,
  defineAttribute: true,
  updateAttribute: true,
  removeAttribute: true,
  getArticleAttributes: true,
  setAttributeValue: true,
  setAttributeValueOnList: true,
  importAttributes: true,
  buildMatrix: true,
  matrixPassages: true,
  exportMatrix: true,
  listTermOverrides: true,
  addTermOverride: true,
  updateTermOverride: true,
  removeTermOverride: true,
  exportTermOverrides: true,
  importTermOverrides: true,
  lookupWord: true,
  readingWords: true,
  wordFrequencies: true,
  getWordsProgress: true,
  concordance: true,
  codeConcordanceLines: true,
  wordKeyness: true,
  getStopWords: true,
  setStopWords: true,
  listMembers: true,
  setMyMember: true,
  exportWordsCsv: true,
  getSyncStatus: true,
  startServerSync: true,
  chooseSyncFolder: true,
  stopSync: true,
  takeSyncChanges: true,
  listSyncConflicts: true,
  resolveSyncConflict: true,
};

export const methods = Object.keys(methodTable) as Method[];

const prefix = 'pizhu:';

export function channelOf(method: Method): string {
  return prefix + method;
}

export function methodOf(channel: string): Method | undefined {
  if (!channel.startsWith(prefix)) return undefined;
  const name = channel.slice(prefix.length);
  return (methods as string[]).includes(name) ? (name as Method) : undefined;
}

/** Main -> renderer: "a pizhu:// link is waiting"; the page then calls takePendingLink. */
export const linkEvent = 'pizhu:link';

/** Main -> renderer: the running import moved on; the page then calls getImportProgress. */
export const importProgressEvent = 'pizhu:import-progress';

/** Main -> renderer: the sync's state moved on; the page then calls getSyncStatus. */
export const syncStatusEvent = 'pizhu:sync-status';

/** Main -> renderer: another device's changes arrived; the page then calls takeSyncChanges. */
export const syncChangedEvent = 'pizhu:sync-changed';

/** Main -> renderer: Edit ▸ Undo or Redo was chosen from the menu (one event each, no payload). */
export const menuUndoEvent = 'pizhu:menu-undo';
export const menuRedoEvent = 'pizhu:menu-redo';
