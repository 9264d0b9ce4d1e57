import {
  maxTermListBytes,
  type TermListExportResult,
  type TermListImportResult,
} from '../../../preload/contract/termOverrideTypes';
import { createJournaled } from '../annotations/journaled';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';
import { createLibraryFileGuard, type LibraryFiles } from '../files/libraryFileGuard';
import { readRegularFile } from '../files/readRegularFile';
import type { Db } from '../store/openDatabase';
import { decodeTermList, formatTermList, parseTermList } from './termListCsv';
import { termOverrideOperations } from './termOverrides';

export type TermOverrides = ReturnType<typeof createTermOverrides>;

/**
 * The library's term overrides and their term list files. Paths come from main's dialogs or the
 * CLI, never the renderer; like every import and export, never the library's own files.
 */
export function createTermOverrides(db: Db, nowIso: () => string, files: LibraryFiles) {
  const guard = createLibraryFileGuard(files);
  const operations = termOverrideOperations(db, createJournaled(db, nowIso));
  return {
    ...operations,

    /** Reads a CSV term list whole and checks every line before one step adds what is valid. */
    importTermList(file: string): TermListImportResult {
      const target = requireAbsolutePath(file, 'term list');
      guard.checkFile(target, 'term list to import');
      const bytes = readRegularFile(target, { maxBytes: maxTermListBytes, what: 'term list' });
      return operations.importLines(parseTermList(decodeTermList(bytes, target), target));
    },

    /** Every override as a CSV term list. */
    exportTermList(file: string): TermListExportResult {
      const target = requireAbsolutePath(file, 'term list');
      guard.checkFile(target, 'term list');
      const overrides = operations.list();
      writeTextFile(target, formatTermList(overrides));
      return { written: overrides.length };
    },
  };
}
