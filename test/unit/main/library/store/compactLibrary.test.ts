import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { writeOlderLibrary } from '../../../../support/olderLibrary';
import { importSeedCopies, openSeededLibrary } from '../../../../support/seededLibrary';

/** Issue #16: pages a write frees went back into the library file's free list, never to the disk. */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-compact-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a library gives back the space its writes free', () => {
  it('a new library: emptying the trash leaves no free pages, and the file shrinks', async () => {
    const seeded = await openSeededLibrary();
    try {
      const { library } = seeded;
      // Ten more articles: since 0027 the five seeds' rows are small enough that the search index's
      // delete entries (FTS5 writes them before it merges) took more pages than their deletion freed.
      importSeedCopies(library, 10);
      const db = library.database();
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(1);
      const pages = db.pragma('page_count', { simple: true }) as number;
      for (const a of library.listArticles().slice(1)) library.trashArticle(a.id);
      await library.emptyTrash();
      expect(db.pragma('freelist_count', { simple: true })).toBe(0);
      expect(db.pragma('page_count', { simple: true }) as number).toBeLessThan(pages);
      expect(library.listArticles()).toHaveLength(1);
      expect(library.verify().damaged).toEqual([]);
    } finally {
      seeded.dispose();
    }
  });

  it('an older library is rewritten once after its migration, with its text intact, and gives back space from then on', async () => {
    const file = path.join(dir, 'library.sqlite');
    writeOlderLibrary(file, 3);
    const library = await createLibrary({ dbPath: file, backupDir: path.join(dir, 'backups') });
    try {
      const db = library.database();
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(1);
      expect(db.pragma('freelist_count', { simple: true })).toBe(0);
      expect(library.getArticle(1).paragraphs.map((p) => p.text)).toEqual([
        '晉江出入境',
        '出入境管理大隊為晉江市民辦理業務。',
        '版權所有 晉江網',
      ]);
      expect(library.getArticle(1).notes[0]?.plainText).toBe('記得核對髮型照片');
      expect(library.verify().damaged).toEqual([]);
    } finally {
      library.close();
    }
  });
});
