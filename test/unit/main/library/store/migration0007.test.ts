import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { readLibraryId } from '../../../../../main/library/store/libraryIdentity';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { writeOlderLibrary } from '../../../../support/olderLibrary';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-migration7-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function idOf(file: string): Promise<string | undefined> {
  const library = await createLibrary({ dbPath: file, backupDir: path.join(dir, 'backups') });
  try {
    expect(library.database().pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    return readLibraryId(library.database());
  } finally {
    library.close();
  }
}

describe('migration 0007: a library identity kept in the library file', () => {
  it('a new library gets a random one, the same at every open and in a copy at another path', async () => {
    const file = path.join(dir, 'library.sqlite');
    const id = await idOf(file);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await idOf(file)).toBe(id);
    const copy = path.join(dir, 'copy', 'library.sqlite');
    fs.mkdirSync(path.dirname(copy));
    fs.copyFileSync(file, copy);
    expect(await idOf(copy)).toBe(id);
    // Another library is another identity.
    expect(await idOf(path.join(dir, 'other.sqlite'))).not.toBe(id);
  });

  it('an older library gets one when it is migrated; the table holds one row only', async () => {
    const file = path.join(dir, 'library.sqlite');
    writeOlderLibrary(file, 3);
    const id = await idOf(file);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const library = await createLibrary({ dbPath: file, backupDir: path.join(dir, 'backups') });
    try {
      expect(() => library.database().prepare("INSERT INTO library_meta (id) VALUES ('second')").run()).toThrow(
        /UNIQUE|PRIMARY KEY|CHECK constraint/,
      );
      expect(readLibraryId(library.database())).toBe(id);
    } finally {
      library.close();
    }
  });
});
