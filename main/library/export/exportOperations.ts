import type { BackupExportResult, BackupImportCounts, MarkdownExportRequest } from '../../../preload/contract/api';
import type { Db } from '../store/openDatabase';
import { exportBackup } from './exportBackup';
import { exportMarkdown, type ExportProgress } from './exportMarkdown';
import { exportW3c } from './exportW3c';
import { importBackup } from './importBackup';

/** Taking notes out of the library and back in: Markdown for Obsidian, the JSON backup, W3C Web Annotations. */
export function exportOperations(db: Db, nowIso: () => string) {
  return {
    /** Writes Markdown files into `outDir` (absolute) and returns their paths; progress per file for the library. */
    exportMarkdown(request: MarkdownExportRequest, onProgress?: ExportProgress): string[] {
      return exportMarkdown(db, request, nowIso(), onProgress);
    },

    /** The whole library as a versioned JSON file (docs/backup-format.md). */
    exportBackup(file: string): BackupExportResult {
      return exportBackup(db, file, nowIso());
    },

    /** Merges a JSON backup in, all or nothing, without duplicates. */
    importBackup(file: string): BackupImportCounts {
      return importBackup(db, file, nowIso());
    },

    /** Every highlight as a W3C Web Annotation collection (JSON-LD). */
    exportW3c(file: string): { path: string; annotations: number } {
      return exportW3c(db, file, nowIso());
    },
  };
}
