import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readSettingFile } from './readSettingFile';

/**
 * How the open library syncs, kept by main beside the library (one file per library folder): the
 * server's address and the member's token, or the sync folder chosen in main's dialog, which of
 * them runs, and the conflicts the person has answered. The token never leaves main.
 */
export interface SyncSettings {
  server?: { url: string; token: string };
  folder?: string;
  active: 'server' | 'folder' | null;
  /** Ids of superseded values the person answered (keep theirs or restore yours). */
  answered: number[];
}

const stored = z.object({
  server: z.strictObject({ url: z.string().min(1), token: z.string().min(1) }).optional(),
  folder: z.string().refine((p) => path.isAbsolute(p) && !p.includes('\0')).optional(),
  active: z.enum(['server', 'folder']).nullable(),
  answered: z.array(z.number().int()),
});

export interface SyncSettingsFile {
  get(): SyncSettings;
  set(settings: SyncSettings): void;
}

/** A missing or unreadable file is no sync set up: the person sets it up again, nothing worse. */
export function syncSettingsInFile(file: string): SyncSettingsFile {
  return {
    get() {
      const parsed = readSettingFile(file, stored);
      if (!parsed) return { active: null, answered: [] };
      const { server, folder, active, answered } = parsed;
      return { ...(server && { server }), ...(folder && { folder }), active, answered };
    },
    set(settings) {
      // Written whole under another name and renamed; readable by this user alone (it holds the token).
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(temporary, file);
    },
  };
}

/** Where the app keeps it for a library: `sync.json` in the library's folder. */
export function syncSettingsBeside(dbPath: string): SyncSettingsFile {
  return syncSettingsInFile(path.join(path.dirname(dbPath), 'sync.json'));
}
