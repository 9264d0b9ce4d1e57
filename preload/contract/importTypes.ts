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
