import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFolderInFile } from '../../../../main/app/exportFolderSetting';
import { keychainTokenSealer } from '../../../../main/app/keychainTokenSealer';
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

  describe("the member's token, sealed by the system's keychain", () => {
    /** A fake of Electron's safeStorage: a keychain with its own key (two fakes, two computers). */
    const keychain = (key: number, backend: 'basic_text' | 'gnome_libsecret' = 'gnome_libsecret', available = true) => ({
      isEncryptionAvailable: () => available,
      getSelectedStorageBackend: () => backend,
      encryptString: (text: string) => Buffer.concat([Buffer.from([key]), Buffer.from(text).map((b) => b ^ key)]),
      decryptString: (sealed: Buffer) => {
        if (sealed[0] !== key) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(sealed.subarray(1).map((b) => b ^ key)).toString();
      },
    });
    const settings = { server: { url: 'wss://sync.example.org', token: 'pzs_t0k3n' }, folder: '/sync/pizhu', active: 'server' as const, answered: [3] };

    it('is not in the file in clear, and reads back through the same keychain', () => {
      const file = path.join(dir, 'sync.json');
      syncSettingsInFile(file, keychainTokenSealer(keychain(7), 'darwin')).set(settings);
      expect(fs.readFileSync(file, 'utf8')).not.toContain('pzs_t0k3n');
      expect(fs.readFileSync(file, 'utf8')).toContain('wss://sync.example.org');
      expect(syncSettingsInFile(file, keychainTokenSealer(keychain(7), 'darwin')).get()).toEqual(settings);
      expect(fs.statSync(file).mode & 0o077).toBe(0);
    });

    it("another computer's keychain cannot open it: the server is asked for again, the folder and answers are kept", () => {
      const file = path.join(dir, 'sync.json');
      syncSettingsInFile(file, keychainTokenSealer(keychain(7), 'win32')).set(settings);
      expect(syncSettingsInFile(file, keychainTokenSealer(keychain(9), 'win32')).get()).toEqual({ folder: '/sync/pizhu', active: null, answered: [3] });
      expect(syncSettingsInFile(file).get()).toEqual({ folder: '/sync/pizhu', active: null, answered: [3] });
    });

    it('a token kept in clear before still reads, and is sealed at the next write', () => {
      const file = path.join(dir, 'sync.json');
      syncSettingsInFile(file).set(settings);
      expect(fs.readFileSync(file, 'utf8')).toContain('pzs_t0k3n');
      const sealed = syncSettingsInFile(file, keychainTokenSealer(keychain(7), 'linux'));
      expect(sealed.get()).toEqual(settings);
      sealed.set({ ...sealed.get(), answered: [3, 4] });
      expect(fs.readFileSync(file, 'utf8')).not.toContain('pzs_t0k3n');
      expect(sealed.get()).toEqual({ ...settings, answered: [3, 4] });
    });

    it("no keychain to seal with: none available, or Linux's hard-coded password (basic_text), which protects nothing", () => {
      expect(keychainTokenSealer(keychain(7, 'gnome_libsecret', false), 'darwin')).toBeNull();
      expect(keychainTokenSealer(keychain(7, 'basic_text'), 'linux')).toBeNull();
      expect(keychainTokenSealer(keychain(7, 'gnome_libsecret'), 'linux')).not.toBeNull();
    });
  });
});
