import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../main/library/createLibrary';
import { runPizhu } from '../../../support/runPizhu';
import { openDevices, syncAll } from '../model/syncedLibraries';

describe('pizhu purge', () => {
  it('names the device that holds a purge back, then purges once it has seen the delete', async () => {
    const { devices, dispose } = await openDevices(2);
    try {
      const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
      const made = a.library.annotations.createHighlight({ paragraphId: a.paragraphId(1), start: 3, end: 7, color: 'yellow' });
      syncAll(devices);
      a.library.annotations.deleteHighlight(made.id);
      const dbPath = a.library.path;
      a.library.close();

      const status = await runPizhu(['purge', 'status', '--db', dbPath]);
      expect(status.code).toBe(0);
      expect(status.out).toMatch(
        /^0 deleted highlight\(s\) can be purged now; 1 wait for other devices\.\n {2}held back by laptop B \(.+\): 1 delete\(s\), has not reported since$/,
      );

      // B sees the delete (and reports it); then A purges.
      const reopened = await createLibrary({ dbPath, deviceName: 'laptop A' });
      a.library = reopened;
      syncAll(devices);
      reopened.close();
      const purged = await runPizhu(['purge', '--db', dbPath]);
      expect(purged.code).toBe(0);
      expect(purged.out).toMatch(/^Purged 1 deleted highlight\(s\) \(\d+ bytes of sync data less\); 0 wait for other devices\.$/);
      const again = await runPizhu(['purge', '--json', '--db', dbPath]);
      expect(JSON.parse(again.out)).toMatchObject({ purged: 0, waiting: 0, heldBackBy: [] });
      a.library = await createLibrary({ dbPath, deviceName: 'laptop A' });
      syncAll(devices);
      expect(b.library.getArticle(b.articleId).highlights).toEqual([]);
    } finally {
      dispose();
    }
  });

  it('refuses anything but status, and changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-purge-'));
    try {
      const refused = await runPizhu(['purge', 'everything', '--db', path.join(dir, 'library.sqlite')]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('pizhu: purge [status]');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
