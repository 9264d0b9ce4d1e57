/**
 * Importing files dropped onto the window. The page reads the dropped files' bytes and sends
 * each file's name and bytes: the name is shown in the report and never used as a path, and
 * main checks every limit below again (requestSchemas).
 */

/** The largest file main imports (main/library/import/importLimits maxImportBytes; a test holds them equal). */
export const maxDroppedFileBytes = 20 * 1024 * 1024;
/** Files per importDropped call, and their bytes together: a big drop is sent in several calls. */
export const maxDroppedFilesPerCall = 50;
export const maxDroppedBytesPerCall = 48 * 1024 * 1024;
/** A drop of more files than this, or folders nested deeper, is read only so far (the rest reported). */
export const maxDroppedFiles = 5_000;
export const maxDroppedFolderDepth = 16;
/** The longest display name main accepts for a dropped file. */
export const maxDroppedNameLength = 255;

/**
 * One dropped file: its bytes, or null when the page did not read it because it is larger than
 * maxDroppedFileBytes (main reports it as too large, with `size`).
 */
export interface DroppedFile {
  name: string;
  bytes: Uint8Array | null;
  size: number;
}

/** How far the running import is: files (and skipped entries) done of all it found. */
export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Why a file or feed item was not imported, as a code the app words in the reader's language
 * (the outcome's `message` stays the English sentence the CLI prints, and the fallback).
 */
export type ImportReason =
  | { code: 'not-importable' } // a picture, a .docx: skipped
  | { code: 'too-large'; limitMb: number }
  | { code: 'undecodable' } // no supported encoding reads it cleanly, or it is binary
  | { code: 'no-text' }
  | { code: 'feed-broken'; line?: number } // not well-formed XML, or XML that is no feed
  | { code: 'feed-no-items' }
  | { code: 'feed-too-many-items'; items: number; limit: number }
  | { code: 'not-found' };

export type ImportReasonCode = ImportReason['code'];
