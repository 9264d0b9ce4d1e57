import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { writeOlderLibrary } from '../../../../support/olderLibrary';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-migration13-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 0013: each article’s source region', () => {
  it('an older library opens with the columns; its traditional article is detected when first opened, and only known regions are stored', async () => {
    const file = path.join(dir, 'library.sqlite');
    writeOlderLibrary(file, 3);
    const library = await createLibrary({ dbPath: file, backupDir: path.join(dir, 'backups') });
    try {
      const db = library.database();
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const stored = () => db.prepare('SELECT region_detected, region_corrected FROM article WHERE id = 1').get();
      expect(stored()).toEqual({ region_detected: null, region_corrected: null });
      expect(library.listArticles()[0]?.region).toBe('generic');
      expect(library.getArticle(1)).toMatchObject({ region: 'generic', regionDetected: 'generic', regionCorrected: null });
      library.markOpened(1);
      expect(stored()).toEqual({ region_detected: 'generic', region_corrected: null });
      expect(() => db.prepare("UPDATE article SET region_corrected = 'mars' WHERE id = 1").run()).toThrow(/CHECK/);
    } finally {
      library.close();
    }
  });
});
