import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { addMember } from '../../../main/library/sync/server/members';
import { openServerStore } from '../../../main/library/sync/server/serverStore';

/** New temp folders on demand (a test often needs several: a server's, a folder, each device's), removed after the file's tests. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** A member's token, written as `pizhu members add` does (the server running or not). */
export function memberToken(dataDir: string, name: string, readOnly = false): string {
  const store = openServerStore(dataDir);
  try {
    return addMember(store.db, name, readOnly);
  } finally {
    store.close();
  }
}

/**
 * The cloud drive: copies files of every device's folder to the others, shuffled, some twice as "x (1).yupd";
 * `share` of them (all unless given), so some arrive only at a later pass.
 */
export function replicate(folders: string[], next: () => number, share = 1): void {
  const copies: { from: string; to: string; name: string }[] = [];
  for (const from of folders) {
    for (const name of fs.readdirSync(from).filter((file) => file.endsWith('.yupd') && !file.includes(' ('))) {
      for (const to of folders) {
        if (to === from || next() >= share) continue;
        copies.push({ from, to, name });
        if (next() < 0.4) copies.push({ from, to, name: name.replace(/\.yupd$/, ' (1).yupd') });
      }
    }
  }
  copies.sort(() => next() - 0.5);
  for (const { from, to, name } of copies) {
    const target = path.join(to, name);
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(from, name.replace(' (1).yupd', '.yupd')), target);
  }
}
