import type { Method } from '../../preload/contract/api';
import type { IntegrityGate } from '../library/store/deferredQuickCheck';
import type { HandlerTable } from './createHandlers';

/**
 * Calls that only read the library, or touch no file: they are answered while the start-up
 * check runs (the list, the tag pane, an article). Any other call, including one added later
 * and not listed here, waits for the check (the library is query_only meanwhile).
 */
const readsOnly: ReadonlySet<Method> = new Set<Method>([
  'getAppInfo',
  'takePendingLink',
  'setInterfaceLanguage',
  'listArticles',
  'listArticlePage',
  'listArticleIds',
  'getArticle',
  'getLastOpenedArticle',
  'listTrash',
  'listArticleDuplicates',
  'compareArticles',
  // A tag filter's rows go to a TEMP table (store/deferredQuickCheck's writingTempOnly).
  'search',
  'getImportProgress',
  'getExportProgress',
  'getExportFolder',
  'listTags',
  'listTagLevel',
  'listTaggedPassagePage',
  'getNote',
  'getArticleMemo',
  'listJournal',
  'listVocabulary',
  'listAttributes',
  'getArticleAttributes',
  'listTermOverrides',
  'lookupWord',
  'getWordsProgress',
  'getStopWords',
  'listMembers',
]);

/** Restoring a backup is how a damaged library is mended: it waits for the check, not for a good result. */
const mends: ReadonlySet<Method> = new Set<Method>(['restoreAutomaticBackup']);

/**
 * The handler table with every writing call held back until the start-up integrity check has
 * passed, and refused (library-corrupt, saying so) when it found damage.
 */
export function holdWritesDuringCheck(handlers: HandlerTable, integrity: IntegrityGate): HandlerTable {
  const held: Partial<Record<Method, (request: unknown) => unknown>> = {};
  for (const method of Object.keys(handlers) as Method[]) {
    const run = handlers[method] as (request: unknown) => unknown;
    held[method] = readsOnly.has(method)
      ? run
      : async (request) => {
          await (mends.has(method) ? integrity.whenChecked() : integrity.whenWritable());
          return run(request);
        };
  }
  return held as HandlerTable;
}
