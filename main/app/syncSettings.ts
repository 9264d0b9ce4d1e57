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

/** Seals the token for the file where the system has a keychain (main/app/keychainTokenSealer). */
export interface TokenSealer {
  seal(token: string): string;
  /** The token, or null when this keychain cannot open it. */
  open(sealed: string): string | null;
}

const stored = z.object({
  // A token in clear (no keychain, or written before tokens were sealed) or sealed, never both.
  server: z
    .union([
      z.strictObject({ url: z.string().min(1), token: z.string().min(1) }),
      z.strictObject({ url: z.string().min(1), sealedToken: z.string().min(1) }),
    ])
    .optional(),
  folder: z.string().refine((p) => path.isAbsolute(p) && !p.includes('\0')).optional(),
  active: z.enum(['server', 'folder']).nullable(),
  answered: z.array(z.number().int()),
});

export interface SyncSettingsFile {
  get(): SyncSettings;
  set(settings: SyncSettings): void;
}

/**
 * A missing or unreadable file is no sync set up: the person sets it up again, nothing worse. So
 * is a token this keychain cannot open (the library was copied from another computer): the
 * server is asked for again, the folder and the answered conflicts are kept.
 */
export function syncSettingsInFile(file: string, sealer: TokenSealer | null = null): SyncSettingsFile {
  const openServer = (kept: z.infer<typeof stored>['server']): SyncSettings['server'] => {
    if (kept === undefined || 'token' in kept) return kept;
    const token = sealer?.open(kept.sealedToken) ?? null;
    return token === null ? undefined : { url: kept.url, token };
  };
  return {
    get() {
      const parsed = readSettingFile(file, stored);
      if (!parsed) return { active: null, answered: [] };
      const { folder, active, answered } = parsed;
      const server = openServer(parsed.server);
      return { ...(server && { server }), ...(folder && { folder }), active: active === 'server' && !server ? null : active, answered };
    },
    set({ server, ...rest }) {
      const written = {
        ...(server && (sealer ? { server: { url: server.url, sealedToken: sealer.seal(server.token) } } : { server })),
        ...rest,
      };
      // Written whole under another name and renamed; readable by this user alone (it may hold the token).
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, `${JSON.stringify(written, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(temporary, file);
    },
  };
}

/** Where the app keeps it for a library: `sync.json` in the library's folder. */
export function syncSettingsBeside(dbPath: string, sealer: TokenSealer | null = null): SyncSettingsFile {
  return syncSettingsInFile(path.join(path.dirname(dbPath), 'sync.json'), sealer);
}
