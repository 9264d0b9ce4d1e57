import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFolderInFile } from '../../../../main/app/exportFolderSetting';
import { syncSettingsInFile } from '../../../../main/app/syncSettings';

// The settings main keeps beside a library: what is there may not be what main wrote.
describe('settings files main keeps beside the library', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-settings-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const both = (file: string) => ({ sync: syncSettingsInFile(file).get(), exportFolder: exportFolderInFile(file).get() });
  const nothingSet = { sync: { active: null, answered: [] }, exportFolder: null };

  it('a FIFO, a folder, a huge file, broken JSON or another shape in their place reads as nothing set, at once', () => {
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const folder = path.join(dir, 'folder.json');
    fs.mkdirSync(folder);
    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, `{"exportFolder": "/tmp", "pad": "${'x'.repeat(200_000)}"}`);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"exportFolder": ');
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(other, JSON.stringify({ exportFolder: 'relative/path', active: 'elsewhere' }));
    for (const file of [fifo, folder, huge, broken, other, path.join(dir, 'missing.json')]) {
      expect(both(file)).toEqual(nothingSet);
    }
  });

  it('what main wrote reads back, and the sync settings (they hold a token) are readable by this user alone', () => {
    const syncFile = path.join(dir, 'sync.json');
    const settings = { server: { url: 'wss://sync.example.org', token: 't0k3n' }, active: 'server' as const, answered: [3] };
    syncSettingsInFile(syncFile).set(settings);
    expect(syncSettingsInFile(syncFile).get()).toEqual(settings);
    expect(fs.statSync(syncFile).mode & 0o077).toBe(0);
    const exportFile = path.join(dir, 'export-folder.json');
    exportFolderInFile(exportFile).set(dir);
    expect(exportFolderInFile(exportFile).get()).toBe(dir);
  });
});
