import fs from 'node:fs';
import path from 'node:path';
import type {
  ArticleMetadata,
  ArticleSummary,
  ArticleView,
  SourceRegion,
  ImportOutcome,
  ParagraphKind,
  TrashedArticle,
  UnplacedAnnotation,
} from '../../preload/contract/articleTypes';
import type { LibraryCheck } from '../../preload/contract/libraryDamage';
import { createAnnotations } from './createAnnotations';
import { LibraryError } from './libraryError';
import { inlineParser, workerParser, type ParseBudget, type StartParseWorker } from './import/fileParser';
import { importPaths, type ImportControl, type ImportSource } from './import/importPaths';
import type { DuplicateChoice, DuplicateGroup, SimilarArticle } from '../../preload/contract/duplicateTypes';
import { checkForDuplicate, linkNewArticle, skippedDuplicate } from './duplicates/importCheck';
import { duplicatesOfArticle, listDuplicateGroups } from './duplicates/findDuplicates';
import { compareVersions, versionOf } from './duplicates/compareVersions';
import type { VersionComparison } from '../../preload/contract/compareTypes';
import { heldDuplicates } from './duplicates/heldDuplicates';
import { withDeferredBands } from './duplicates/fingerprintStore';
import { importReading } from './import/importReading';
import { keepHeldDuplicate } from './duplicates/keepDuplicate';
import { contentHash, decodeFile, preparePastedImport } from './import/prepareImport';
import { recleanArticle, type RecleanReport } from './reclean/recleanArticle';
import { createSearch } from './search/createSearch';
import { createTermOverrides } from './overrides/createTermOverrides';
import { createVocabulary } from './vocabulary/vocabularyOperations';
import { createMemos } from './memos/memoOperations';
import { createAnalysis } from './analysis/createAnalysis';
import { createAttributes } from './attributes/attributeOperations';
import { createMatrices } from './matrices/createMatrices';
import { createSyncModel } from './sync/model/syncModel';
import { createTeam } from './team/teamOperations';
import { exportOperations } from './export/exportOperations';
import type { StartExportWorker } from './export/backgroundFileWriter';
import { syncedBackupMerge } from './syncedBackupMerge';
import { articleActions } from './manage/articleActions';
import * as articles from './store/articles';
import { emptyTrash } from './store/emptyTrash';
import type { NewArticle } from './store/articles';
import { readUnplacedAnnotations, setUnplacedDismissed } from './store/unplacedAnnotations';
import { placeUnplaced } from './annotations/placeUnplaced';
import { backupDatabase, isBackupDue, listBackups, removeStrayBackupFiles, type BackupFile } from './store/backups';
import { acquireLibraryLock, lockState, type LibraryLock } from './store/libraryLock';
import { openDatabase, openDatabaseReadOnly, type Db } from './store/openDatabase';
import { checkedAtOpen, deferredQuickCheck, type StartQuickCheckWorker } from './store/deferredQuickCheck';
import { removeRestoreStaging, restoreBackup } from './store/restoreBackup';
import { withDeferredParagraphIndex } from './store/deferSearchIndex';
import { mergeSearchIndex } from './store/mergeSearchIndex';
import { verifyLibrary } from './store/verifyLibrary';
import { checkpointWhenIdle } from './store/walCheckpoints';
import { keepTitleRanks } from './store/titleRankKeeper';
import { rankImportedTitles } from './store/titleRanks';
import { listArticleIds, listArticlePage } from './store/articlePage';
import type { ArticlePage, ArticlePageRequest } from '../../preload/contract/articlePageTypes';

export interface LibraryOptions {
  /** The SQLite library file. */
  dbPath: string;
  /** Where rotating backups go; defaults to a `backups` folder beside the library file. */
  backupDir?: string;
  /** For tests: a fixed clock. */
  now?: () => Date;
  /**
   * Starts the import's parse worker (import/parseWorkerEntry) from wherever the caller's build
   * put it. Every import (files, folders, pasted text) then parses off the calling thread, within
   * a time and memory budget per file, and a folder import parses the next batch while it stores
   * this one; without it, everything runs on the calling thread.
   */
  startParseWorker?: StartParseWorker;
  /** For tests: the parse worker's budget per file (import/fileParser defaultParseBudget). */
  parseBudget?: ParseBudget;
  /**
   * Reading only (the CLI's list, show, stats, search, export): no lock, so it works while the
   * app has the library open; every write fails. A new or older-schema file is opened for
   * writing instead, to be created or migrated.
   */
  readOnly?: boolean;
  /**
   * Starts store/quickCheckEntry from the caller's build: the app's library is then checked
   * (quick_check) in that worker after it opens, not before, and every write waits on
   * `integrity` (a file about to be migrated, or after an unclean exit, is still checked first).
   * Without it the check runs before the open returns, as the CLI and tests have it.
   */
  startQuickCheckWorker?: StartQuickCheckWorker;
  /**
   * Starts export/exportWorkerEntry from the caller's build: the app's Markdown export (in steps)
   * then writes its files in that worker thread; without it, on the calling thread.
   */
  startExportWorker?: StartExportWorker;
  /**
   * This device's name, as the values it writes are signed for other devices' conflict notices
   * ("changed on Lin's laptop"): the app gives the computer's name; the same by default.
   */
  deviceName?: string;
  /**
   * The app's: titles the list's title order has no place for yet (a library migrated by 0040,
   * an import cut short) are ranked in the background after the open (store/titleRankKeeper),
   * not at the person's first title list. Tests and the command line rank them when a list needs them.
   */
  rankTitlesInBackground?: boolean;
}

export type Library = Awaited<ReturnType<typeof createLibrary>>;

export async function createLibrary(options: LibraryOptions) {
  const backupDir = options.backupDir ?? path.join(path.dirname(options.dbPath), 'backups');
  const clock = options.now ?? (() => new Date());
  const defer = options.startQuickCheckWorker !== undefined;
  const opened = await openOwned(options.dbPath, backupDir, options.readOnly ?? false, defer);
  const { lock, uncleanExit } = opened;
  let db = opened.db;
  const isNew = opened.previousVersion === 0 && countArticles(db) === 0;
  const checkpoints = checkpointWhenIdle(() => db);
  const nowIso = () => clock().toISOString();

  const held = heldDuplicates();
  const files = { dbPath: options.dbPath, backupDir };

  /**
   * Everything that works on the open connection, made by this one function at open and again
   * after a restore swaps the file, so the two cannot drift apart (a part remade without the
   * library's file paths would lose its guard against writing over them).
   */
  const onConnection = (conn: Db) => {
    const made = {
      annotations: createAnnotations(conn, nowIso),
      search: createSearch(conn, nowIso),
      overrides: createTermOverrides(conn, nowIso, files),
      vocabulary: createVocabulary(conn, nowIso, files),
      memos: createMemos(conn, nowIso),
      analysis: createAnalysis(conn, nowIso, { files }),
      attributes: createAttributes(conn, nowIso, files),
      matrices: createMatrices(conn, files),
      exports: exportOperations(conn, nowIso, files, options.startExportWorker),
      sync: createSyncModel(conn, nowIso, options.deviceName),
      team: createTeam(conn, nowIso),
    };
    // A merged backup's rows reach the sync documents (here, where the sync model is at hand).
    return { ...made, exports: { ...made.exports, importBackup: syncedBackupMerge(conn, made.exports, made.sync) } };
  };
  const parts = onConnection(db);
  // After the parts are made: one begins a write transaction at open (sync's seeding, which writes only after a migration, checked first).
  const integrity =
    opened.quickCheckDeferred && options.startQuickCheckWorker
      ? deferredQuickCheck(() => db, options.dbPath, options.startQuickCheckWorker)
      : checkedAtOpen();
  const titleRanks = options.rankTitlesInBackground
    ? keepTitleRanks(() => db, () => integrity.whenWritable())
    : undefined;

  function store(article: NewArticle, duplicates: DuplicateChoice = 'skip', hold = false): ImportOutcome {
    const name = article.fileName ?? 'pasted text';
    const existing = articles.findArticleByHash(db, article.contentHash);
    if (existing) {
      const where = existing.trashed ? 'in the trash' : 'already in the library';
      return {
        fileName: name,
        status: 'already-imported',
        articleId: existing.id,
        title: existing.title,
        message: existing.earlierVersion
          ? `"${name}" is the first version of "${existing.title}" (${where}), which was re-imported from an edited file since; nothing changed.`
          : `"${name}" is ${where} as "${existing.title}"; nothing changed.`,
      };
    }
    const check = checkForDuplicate(db, article.parsed.paragraphs, article.fingerprint);
    if (check.sameText && duplicates === 'skip') {
      const skipped = skippedDuplicate(name, check.sameText);
      const keepId = hold ? held.hold(article) : undefined;
      return keepId === undefined ? skipped : { ...skipped, keepId };
    }
    return db.transaction(() => {
      const articleId = articles.insertArticle(db, article, nowIso());
      const links = linkNewArticle(db, articleId, check);
      // Annotations another device made on this text before it was here.
      library.sync.articleStored(articleId);
      if (article.metadataEdits) library.sync.detailsGiven(articleId);
      const reading = importReading(article);
      return { fileName: name, status: 'imported' as const, articleId, title: article.parsed.metadata.title, ...links, reading };
    })();
  }

  /** The worker parser when the caller can start the worker, else the calling thread. */
  function newParser() {
    const startWorker = options.startParseWorker;
    return startWorker ? workerParser(startWorker, options.parseBudget) : inlineParser();
  }

  function requireArticle(articleId: number): ArticleView {
    const view = articles.readArticle(db, articleId);
    if (!view) throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
    return view;
  }

  async function restoreInPlace(backupPath: string): Promise<BackupFile | null> {
    if (!lock) throw new LibraryError('invalid-argument', 'A library opened read-only cannot be restored.');
    library.sync.close();
    db.close();
    try {
      return await restoreBackup(options.dbPath, backupPath, backupDir);
    } finally {
      // Reopened whether or not the swap happened: a refused restore leaves the old file in place.
      db = (await openDatabase(options.dbPath, backupDir)).db;
      // Checked by that open: a damaged file restored over is writable again.
      integrity.replacedByCheckedFile();
      // In place, not new objects: the app's handlers keep references to these.
      const fresh = onConnection(db);
      for (const part of connectionParts) Object.assign(library[part], fresh[part]);
      Object.assign(library, fresh.exports);
      // The restored file's titles may have no rank yet (a backup from before 0040's ranks were placed).
      titleRanks?.kick();
    }
  }

  const library = {
    path: options.dbPath,
    backupDir,
    /** True when this open created the library: the app seeds it then. */
    isNew,
    /** Whether writes may go ahead yet: the app's start-up check runs after the open (LibraryOptions.startQuickCheckWorker). */
    integrity,
    /**
     * What the check after an unclean exit found (every checksum; openDatabase ran quick_check),
     * or null when the last exit was clean. When `ok` is false, name `damaged` to the person and
     * offer `goodBackups[0]`, the newest backup holding all of it intact.
     */
    damage: uncleanExit ? verifyLibrary(db, { integrity: 'none', reason: 'unclean-exit', backupDir }) : null,
    /** What `pizhu verify` checks: integrity_check and every checksum. Reads only. */
    verify(): LibraryCheck {
      return verifyLibrary(db, { integrity: 'full', reason: 'requested', backupDir });
    },
    /** Highlights, tags, notes, and undo/redo of their changes. */
    annotations: parts.annotations,
    /** Script-insensitive full-text search, and auto-coding from a search. */
    search: parts.search,
    /** A translator's own conversions (term overrides), their undoable changes and CSV term lists. */
    overrides: parts.overrides,
    /** The person's vocabulary: words saved from the dictionary with their sentence; CSV and Anki export. */
    vocabulary: parts.vocabulary,
    /** An article's memo and the library journal (issue #18): rich text, each save one undo step. */
    memos: parts.memos,
    /** Word frequencies, keyword in context and keyness; the stop-word list (issue #18 item 5). */
    analysis: parts.analysis,
    /** Article attributes (issue #18 item 3): defined, set, filtered by and imported from CSV. */
    attributes: parts.attributes,
    /** Code matrices (issue #18 item 4): co-occurrence, by article, by attribute value; their passages; CSV and .xlsx. */
    matrices: parts.matrices,
    /** Markdown export, the JSON backup (export and import), W3C Web Annotations. */
    ...parts.exports,
    /** Sync (#19): the library's Yjs documents as a SyncEndpoint for a transport, their dump and projection. */
    sync: parts.sync,
    /** Team work (#19): members with names and colours, this person's identity, agreement between members. */
    team: parts.team,

    /**
     * Files and folders (recursive); one outcome per file, each file all or nothing. A file whose
     * folded text is already in the library is skipped unless `duplicates` is 'keep'. Besides
     * paths, the app passes files dropped on its window as bytes, and `control` to cancel and to
     * report progress often; `holdDuplicates` keeps skipped duplicates for keepDuplicate.
     */
    async importPaths(
      paths: readonly ImportSource[],
      onProgress?: (done: number, total: number) => void,
      duplicates: DuplicateChoice = 'skip',
      control: ImportControl & { holdDuplicates?: boolean } = {},
    ): Promise<ImportOutcome[]> {
      let batches = 0;
      const outcomes = await importPaths(
        paths,
        () => newParser(),
        (article) => store(article, duplicates, control.holdDuplicates ?? false),
        onProgress,
        (work) => {
          db.transaction(() => withDeferredBands(db, () => withDeferredParagraphIndex(db, work))).immediate();
          batches++;
        },
        control,
      );
      // The new titles placed in the list's title order (store/titleRanks), so no person's title list
      // pays for them; a failure (a full disk) leaves them to the next title list, as before.
      try {
        if (!rankImportedTitles(db, outcomes.filter((o) => o.status === 'imported').length)) titleRanks?.kick();
      } catch {
        titleRanks?.kick();
      }
      // Every batch is committed: a merge that fails (a full disk) leaves a slower index, not a failed import.
      if (batches > 1) {
        try {
          mergeSearchIndex(db);
        } catch {
          // The next write's automatic merging takes it from there.
        }
      }
      return outcomes;
    },

    /** Pasted text, parsed on the calling thread (scripts and tests); the app uses importPastedText. */
    importText(text: string, title?: string): ImportOutcome {
      return store(preparePastedImport(text, title));
    },

    /** Pasted text, parsed like a file: in the parse worker when there is one, within its budget. */
    async importPastedText(text: string, title?: string): Promise<ImportOutcome> {
      const parser = newParser();
      try {
        const [prepared] = await parser.prepare([{ pasted: text, ...(title === undefined ? {} : { title }) }]);
        if (!prepared) throw new LibraryError('internal', 'The pasted text was not parsed.');
        if ('failed' in prepared) throw new LibraryError(prepared.code, prepared.failed);
        if (!('article' in prepared)) throw new LibraryError('internal', 'The pasted text was read as a feed.');
        return store(prepared.article);
      } finally {
        parser.close();
      }
    },

    /** Imports the bundled seed articles into a library this open created; returns how many. */
    async seedIfNew(seedsDir: string): Promise<number> {
      if (!isNew || !fs.existsSync(seedsDir)) return 0;
      const files = fs
        .readdirSync(seedsDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => path.join(seedsDir, f));
      return (await library.importPaths(files)).filter((o) => o.status === 'imported').length;
    },

    /** "Keep both": a duplicate an import held (its outcome's keepId) imported beside its original, linked; one undo step. */
    keepDuplicate(keepId: number): ImportOutcome {
      return keepHeldDuplicate(db, nowIso, held, keepId);
    },

    /** Every group of duplicates and reposts in the library, with how alike each pair is. */
    listDuplicates(): DuplicateGroup[] {
      return listDuplicateGroups(db, lock !== undefined);
    },

    /** One article's duplicates and reposts, most alike first (trashed ones left out). */
    listArticleDuplicates(articleId: number): SimilarArticle[] {
      requireArticle(articleId);
      return duplicatesOfArticle(db, articleId, lock !== undefined);
    },

    /** Two versions of one story side by side: what each added, cut or changed, paragraph by paragraph. */
    compareArticles(left: number, right: number): VersionComparison {
      if (left === right) throw new LibraryError('invalid-argument', 'Choose two different articles to compare.');
      return compareVersions(versionOf(requireArticle(left)), versionOf(requireArticle(right)));
    },

    listArticles(): ArticleSummary[] {
      return articles.listArticleSummaries(db);
    },

    /** A window of the library pane's list, filtered and ordered here (listArticlePage). */
    listArticlePage(request: ArticlePageRequest): ArticlePage {
      return listArticlePage(db, request);
    },

    /** The ids of a stretch of that list, in its order (a selection of rows not fetched yet). */
    listArticleIds(request: Omit<ArticlePageRequest, 'around'>): { ids: number[]; total: number } {
      return listArticleIds(db, request);
    },

    /** A read only: opening an article is recorded by `markOpened`, which the app calls on open. */
    getArticle(articleId: number): ArticleView {
      return requireArticle(articleId);
    },

    markOpened(articleId: number): void {
      articles.markOpened(db, articleId, nowIso());
    },

    setReadingPosition(articleId: number, paragraphOrder: number): void {
      if (!articles.setReadingPosition(db, articleId, paragraphOrder)) {
        throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
      }
    },

    /** Sets an unplaced note or tag aside in the reader, or brings it back (store/unplacedAnnotations); its list after. */
    setUnplacedDismissed(articleId: number, key: string, dismissed: boolean): UnplacedAnnotation[] {
      const listed = db
        .transaction(() => setUnplacedDismissed(db, articleId, key, dismissed, nowIso()))
        .immediate();
      if (!listed) {
        throw new LibraryError('not-found', `Article ${articleId} lists no unplaced note or tag ${key}.`);
      }
      return readUnplacedAnnotations(db, articleId);
    },

    /** Places an unplaced note or tag on a paragraph the person chose, as their edit (annotations/placeUnplaced); its list after. */
    placeUnplaced(request: { articleId: number; key: string; paragraphId: number }): UnplacedAnnotation[] {
      return placeUnplaced(db, parts.annotations, request, nowIso());
    },

    /** One undo step. */
    updateMetadata(articleId: number, changes: Partial<ArticleMetadata>): ArticleView {
      articleActions(db, nowIso).updateMetadata(articleId, changes);
      return requireArticle(articleId);
    },

    /** One undo step. */
    reclassifyParagraph(paragraphId: number, kind: ParagraphKind): ArticleView {
      return requireArticle(articleActions(db, nowIso).reclassifyParagraph(paragraphId, kind));
    },

    /** To the trash (one undo step): annotations kept, out of the list, search, tag views and exports. Returns its title. */
    trashArticle(articleId: number): string {
      return articleActions(db, nowIso).trashArticle(articleId);
    },

    /** Out of the trash (one undo step). Returns its title. */
    restoreArticle(articleId: number): string {
      return articleActions(db, nowIso).restoreArticle(articleId);
    },

    /** Where the article comes from, as the person says (null: as detected); one undo step. */
    setArticleRegion(articleId: number, region: SourceRegion | null): ArticleView {
      articleActions(db, nowIso).setRegion(articleId, region);
      return requireArticle(articleId);
    },

    /** Archived or not (one undo step): archived articles leave the default list and stay searchable. */
    setArchived(articleId: number, archived: boolean): string {
      return articleActions(db, nowIso).setArchived(articleId, archived);
    },

    listTrash(): TrashedArticle[] {
      return articles.listTrashedArticles(db);
    },

    /**
     * Deletes the trashed articles for good (and the undo history); returns how many. The library
     * is backed up first, as before a restore: whoever asks (a person, or a page gone wrong), what
     * was in the trash can still be had back from the automatic backups.
     */
    async emptyTrash(): Promise<number> {
      if (articles.listTrashedArticles(db).length === 0) return 0;
      await backupDatabase(db, backupDir, 'before-empty-trash', clock());
      // Sync notes what left for good, so other devices' copies of it do not bring it back here.
      return library.sync.emptied(() => emptyTrash(db));
    },

    /** The article to reopen at start: the one opened last, unless it was trashed since. */
    lastOpenedArticle(): number | null {
      return articles.lastOpenedArticle(db);
    },

    /** Runs the cleaner again and carries every highlight, note and tag across (orphans are reported). */
    recleanArticle(articleId: number): RecleanReport {
      // Checked first: a re-clean rebuilds from the raw text and carries notes over, and would give damaged text fresh checksums.
      requireArticle(articleId);
      // Re-anchored highlights and moved notes reach the article's sync document in the same transaction.
      return library.sync.captured([articleId], () => recleanArticle(db, articleId));
    },

    /** An edited version of an article's file: its new text replaces the old, annotations re-anchored. */
    reimportArticle(articleId: number, bytes: Uint8Array, fileName: string): RecleanReport {
      const decoded = decodeFile(bytes, fileName);
      const hash = contentHash(bytes);
      const other = articles.findArticleByHash(db, hash);
      if (other && other.id !== articleId) {
        throw new LibraryError(
          'invalid-argument',
          `"${fileName}" is already in the library as "${other.title}".`,
          fileName,
        );
      }
      requireArticle(articleId);
      return library.sync.captured([articleId], () =>
        recleanArticle(db, articleId, { rawText: decoded.text, contentHash: hash, encoding: decoded.encoding }),
      );
    },

    backup(reason = 'manual'): Promise<BackupFile> {
      return backupDatabase(db, backupDir, reason, clock());
    },

    listBackups(): BackupFile[] {
      return listBackups(backupDir);
    },

    /** A backup a day of use: called at start, cheap when today's exists. */
    async backupIfDue(): Promise<BackupFile | undefined> {
      // Not before the start-up check, and never of a damaged file: rotation would drop a good backup for it.
      if (!(await integrity.whenWritable().then(() => true, () => false))) return undefined;
      if (!isBackupDue(backupDir, clock()) || countArticles(db) === 0) return undefined;
      return backupDatabase(db, backupDir, 'daily', clock());
    },

    /**
     * Puts a backup in place of this library while it stays open to its callers: the file is
     * closed (the lock kept, so no one else slips in), the current library backed up first
     * (kept), the backup swapped in and the file reopened. Returns the safety copy.
     */
    async restoreFrom(backupPath: string): Promise<BackupFile | null> {
      return restoreInPlace(backupPath);
    },

    /** restoreFrom for a backup named in listBackups (the name is its id): what the app's IPC may offer, never a path. */
    async restoreBackupNamed(name: string): Promise<BackupFile | null> {
      const backup = listBackups(backupDir).find((b) => b.name === name);
      if (!backup) throw new LibraryError('not-found', `There is no backup "${name}" in the backups folder.`, name);
      return restoreInPlace(backup.path);
    },

    database(): Db {
      return db;
    },

    /** The background ranking of titles (rankTitlesInBackground), for the bench: when it is done, and what its slices cost. */
    titleRanks,

    close(): void {
      titleRanks?.stop();
      library.sync.close();
      checkpoints.stop();
      db.close();
      lock?.release();
    },
  };
  return library;
}

/**
 * The database, and for writing the library's lock, taken first and held until close: only
 * one Pizhu (the app or a CLI command) writes a library at a time. What an interrupted backup
 * or restore left behind is removed then, when none can be running. `uncleanExit`: the last
 * writer vanished holding the lock, or left a -wal (an older Pizhu had no lock), so the open
 * checks every checksum; a read-only open says so without taking the lock over.
 */
/** The library's parts remade in place after a restore (the export operations are spread into the library itself). */
const connectionParts = [
  'annotations',
  'search',
  'overrides',
  'vocabulary',
  'memos',
  'analysis',
  'attributes',
  'matrices',
  'sync',
  'team',
] as const;

async function openOwned(
  dbPath: string,
  backupDir: string,
  readOnly: boolean,
  deferQuickCheck: boolean,
): Promise<{ db: Db; previousVersion: number; quickCheckDeferred: boolean; lock?: LibraryLock; uncleanExit: boolean }> {
  if (readOnly) {
    const state = lockState(dbPath);
    // Read before opening: an open replays a crashed writer's -wal.
    const uncleanExit = state === 'left' || (state === 'none' && walLeftBehind(dbPath));
    const reader = openDatabaseReadOnly(dbPath);
    if (reader) return { db: reader, previousVersion: -1, quickCheckDeferred: false, uncleanExit };
  }
  const lock = acquireLibraryLock(dbPath);
  const uncleanExit = lock.previousHolderVanished || walLeftBehind(dbPath);
  try {
    try {
      removeRestoreStaging(dbPath);
      removeStrayBackupFiles(backupDir);
    } catch {
      // Leftovers are never listed or restored; a folder that refuses this cleanup must not refuse the open.
    }
    // After an unclean exit every checksum is read at open (verifyLibrary), trusting quick_check ran first.
    const deferred = deferQuickCheck && !uncleanExit;
    return { ...(await openDatabase(dbPath, backupDir, { deferQuickCheck: deferred })), lock, uncleanExit };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** SQLite removes the -wal at a clean close; a non-empty one is a writer that did not close. */
function walLeftBehind(dbPath: string): boolean {
  try {
    return fs.statSync(`${dbPath}-wal`).size > 0;
  } catch {
    return false;
  }
}

function countArticles(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
}
