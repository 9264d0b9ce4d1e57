import type {
  BackupExportResult,
  BackupImportCounts,
  LibraryCounts,
  MarkdownExportReport,
  MarkdownExportRequest,
} from '../../../preload/contract/api';
import { createLibraryFileGuard, type LibraryFiles } from '../files/libraryFileGuard';
import type { Db } from '../store/openDatabase';
import { refuseDamagedText } from '../store/verifyLibrary';
import { exportBackup } from './exportBackup';
import { exportMarkdownReport, exportMarkdownSteps, type ExportProgress } from './exportMarkdown';
import { runStepsAsync } from './steppedWork';
import type { StartExportWorker } from './backgroundFileWriter';
import { exportW3c } from './exportW3c';
import type { Backup } from './backupFormat';
import { importBackup } from './importBackup';
import { readBackupFile } from './readBackupFile';
import { countLibrary, previewBackupMerge, stageJsonRestore, type StagedJsonRestore } from './restoreFromJson';

/**
 * Taking notes out of the library and back in: Markdown for Obsidian, the JSON backup, W3C Web
 * Annotations. Every path is checked first: none of them may be the library's own files or lie
 * in its backups folder, whoever asks (the app's dialogs or the CLI). `startExportWorker`: the
 * export in steps writes its files in that worker thread; without it, on this thread.
 */
export function exportOperations(
  db: Db,
  nowIso: () => string,
  files: LibraryFiles,
  startExportWorker?: StartExportWorker,
) {
  const guard = createLibraryFileGuard(files);
  return {
    /** Refuses (LibraryError 'protected-path') a folder no export may go into, before it is kept as the export folder. */
    checkExportFolder(folder: string): void {
      guard.checkFolder(folder, 'export folder');
    },

    /**
     * Writes Markdown files into `outDir` (absolute) and answers with their paths and the files
     * it kept as they were, and why; progress per file for the library.
     */
    exportMarkdown(request: MarkdownExportRequest, onProgress?: ExportProgress): MarkdownExportReport {
      guard.checkFolder(request.outDir, 'export folder');
      return exportMarkdownReport(db, request, nowIso(), onProgress);
    },

    /**
     * exportMarkdown in steps, pausing every few files so the app answers meanwhile (its window
     * asks how far the export is): the library is read in one transaction first, as above, and
     * each step's files are written at once by the export worker (backgroundFileWriter).
     */
    exportMarkdownInSteps(request: MarkdownExportRequest, onProgress?: ExportProgress): Promise<MarkdownExportReport> {
      guard.checkFolder(request.outDir, 'export folder');
      return runStepsAsync(exportMarkdownSteps(db, request, nowIso(), onProgress, startExportWorker));
    },

    /** The whole library as a versioned JSON file (docs/backup-format.md); refused while any text fails its checksum. */
    exportBackup(file: string): BackupExportResult {
      guard.checkFile(file, 'backup file');
      refuseDamagedText(db, 'The backup');
      return exportBackup(db, file, nowIso());
    },

    /** Reads and checks a JSON backup (readBackupFile) once, for a preview and the merge that follows it. */
    readBackup(file: string): Backup {
      guard.checkFile(file, 'backup to import');
      return readBackupFile(file);
    },

    /** Merges a JSON backup (a file, or one readBackup read) in, all or nothing, without duplicates. */
    importBackup(source: string | Backup, articleStored?: (articleId: number) => void): BackupImportCounts {
      if (typeof source === 'string') guard.checkFile(source, 'backup to import');
      return importBackup(db, source, nowIso(), articleStored);
    },

    /** What importBackup(source) would add, from a merge rolled back: the library is not changed. */
    previewBackupMerge(source: string | Backup): BackupImportCounts {
      if (typeof source === 'string') guard.checkFile(source, 'backup to import');
      return previewBackupMerge(db, source, nowIso());
    },

    /** Articles, highlights, notes and tags in the library now. */
    countLibrary(): LibraryCounts {
      return countLibrary(db);
    },

    /**
     * A library built from the JSON backup alone, staged beside this one for restoreFrom; the
     * caller discards it either way. This library is not changed.
     */
    stageJsonRestore(file: string): Promise<StagedJsonRestore> {
      guard.checkFile(file, 'backup to restore');
      return stageJsonRestore(db, files.dbPath, files.backupDir, file, nowIso());
    },

    /** Every highlight as a W3C Web Annotation collection (JSON-LD). */
    exportW3c(file: string): { path: string; annotations: number } {
      guard.checkFile(file, 'annotation file');
      return exportW3c(db, file, nowIso());
    },
  };
}
