import type { QdpxExportResult, QdpxImportCounts } from '../../../preload/contract/api';
import { createLibraryFileGuard, type LibraryFiles } from '../files/libraryFileGuard';
import type { Db } from '../store/openDatabase';
import type { QdpxExportOptions } from './buildProject';
import { exportQdpx } from './exportQdpx';
import { importQdpx } from './importQdpx';
import { exportQdc, importQdc, type QdcImportCounts } from './qdcCodebook';

/** REFI-QDA exchange: the library as a `.qdpx` project and back. Paths are checked as every export's are. */
export function refiQdaOperations(db: Db, nowIso: () => string, files: LibraryFiles) {
  const guard = createLibraryFileGuard(files);
  return {
    exportQdpx(file: string, options: QdpxExportOptions = {}): QdpxExportResult {
      guard.checkFile(file, 'REFI-QDA project');
      return exportQdpx(db, file, nowIso(), options);
    },
    importQdpx(file: string): QdpxImportCounts {
      guard.checkFile(file, 'REFI-QDA project to import');
      return importQdpx(db, file, nowIso());
    },
    /** The codebook alone as a `.qdc`. */
    exportQdc(file: string): { path: string; codes: number } {
      guard.checkFile(file, 'REFI-QDA codebook');
      return exportQdc(db, file);
    },
    importQdc(file: string): QdcImportCounts {
      guard.checkFile(file, 'REFI-QDA codebook to import');
      return importQdc(db, file, nowIso());
    },
  };
}

/** The operations on an open library (its connection as it is now: a restore replaces it). */
export function libraryRefiQda(
  library: { database(): Db; path: string; backupDir: string },
  nowIso: () => string = () => new Date().toISOString(),
) {
  return refiQdaOperations(library.database(), nowIso, { dbPath: library.path, backupDir: library.backupDir });
}
