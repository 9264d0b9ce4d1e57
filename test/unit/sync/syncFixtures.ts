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
