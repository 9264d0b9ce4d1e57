import path from 'node:path';
import { z } from 'zod';
import { writeTextFile } from '../library/files/writeTextFile';
import { readSettingFile } from './readSettingFile';

/** The folder Markdown exports go into: chosen once in main's dialog, kept by main, never sent by the renderer. */
export interface ExportFolderSetting {
  get(): string | null;
  set(folder: string): void;
}

const stored = z.strictObject({ exportFolder: z.string().refine((p) => path.isAbsolute(p) && !p.includes('\0')) });

/**
 * Kept in a small JSON file main owns (beside the library, so it survives restarts). A missing or
 * unreadable file means no folder yet: the person is asked again, nothing worse.
 */
export function exportFolderInFile(file: string): ExportFolderSetting {
  return {
    get() {
      return readSettingFile(file, stored)?.exportFolder ?? null;
    },
    set(folder) {
      writeTextFile(file, `${JSON.stringify({ exportFolder: folder }, null, 2)}\n`);
    },
  };
}

/** Where the app keeps it for a library: `export-folder.json` in the library's folder. */
export function exportFolderBeside(dbPath: string): ExportFolderSetting {
  return exportFolderInFile(path.join(path.dirname(dbPath), 'export-folder.json'));
}
