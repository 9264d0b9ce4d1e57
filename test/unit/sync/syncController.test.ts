import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSyncController, type SyncController } from '../../../main/app/syncController';
import { syncSettingsInFile } from '../../../main/app/syncSettings';
import { devicesPerTest, syncAll, type Device } from './model/syncedLibraries';
import { tempDirs } from './syncFixtures';

const devices = devicesPerTest();
const tempDir = tempDirs('pizhu-sync-controller-');

function controllerOf(device: Device, settingsFile: string): SyncController {
  return createSyncController({ library: device.library, settings: syncSettingsInFile(settingsFile) });
}

const colourOf = (device: Device, highlightId: number) =>
  device.library.database().prepare('SELECT color FROM highlight WHERE id = ?').pluck().get(highlightId);

describe('the app’s sync controller', () => {
  it('lists a colour another device overwrote at the same time; “restore yours” writes it back as one undo step that syncs', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    const dir = tempDir();
    const made = a.library.annotations.createHighlight({ paragraphId: a.paragraphId(0), start: 0, end: 3, color: 'yellow' });
    syncAll([a, b]);
    const onB = b.library.database().prepare('SELECT id FROM highlight').pluck().get() as number;
    // Both recolour before hearing of the other's.
    a.library.annotations.updateHighlight(made.id, 'green');
    b.library.annotations.updateHighlight(onB, 'pink');
    syncAll([a, b]);
    expect(colourOf(a, made.id)).toBe(colourOf(b, onB));
    const [loser, loserId, mine] = colourOf(a, made.id) === 'pink' ? [a, made.id, 'green'] : [b, onB, 'pink'];
    const [winner, winnerId] = loser === a ? [b, onB] : [a, made.id];

    const sync = controllerOf(loser, path.join(dir, 'loser.json'));
    const listed = sync.conflicts();
    expect(listed).toEqual([
      expect.objectContaining({ kind: 'highlight-color', field: 'color', mine, subject: made.quote, restorable: true }),
    ]);
    expect(sync.status().conflicts).toBe(1);
    expect(controllerOf(winner, path.join(dir, 'winner.json')).conflicts()).toEqual([]);

    const status = sync.resolveConflict(listed[0]!.id, 'mine');
    expect(status.conflicts).toBe(0);
    expect(sync.conflicts()).toEqual([]);
    expect(colourOf(loser, loserId)).toBe(mine);
    syncAll([a, b]);
    expect(colourOf(winner, winnerId)).toBe(mine);
    // One step of the person's own history.
    loser.library.annotations.undo();
    expect(colourOf(loser, loserId)).not.toBe(mine);
    await sync.close();
  });

  it('“keep theirs” changes nothing but the notice; an unknown conflict is not-found', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    const made = a.library.annotations.createHighlight({ paragraphId: a.paragraphId(0), start: 0, end: 3, color: 'yellow' });
    syncAll([a, b]);
    const onB = b.library.database().prepare('SELECT id FROM highlight').pluck().get() as number;
    a.library.annotations.updateHighlight(made.id, 'green');
    b.library.annotations.updateHighlight(onB, 'pink');
    syncAll([a, b]);
    const loser = [a, b].find((d) => controllerOf(d, path.join(tempDir(), 's.json')).conflicts().length > 0)!;
    const sync = controllerOf(loser, path.join(tempDir(), 's.json'));
    const before = JSON.stringify(loser.library.sync.projectionDump());
    sync.resolveConflict(sync.conflicts()[0]!.id, 'theirs');
    expect(sync.conflicts()).toEqual([]);
    expect(JSON.stringify(loser.library.sync.projectionDump())).toBe(before);
    expect(() => sync.resolveConflict(999_999, 'mine')).toThrow(expect.objectContaining({ code: 'not-found' }));
    await sync.close();
  });

  it('follows the library through a restore from a backup: an edit after it still wakes the sync and goes out', async () => {
    const [a] = (await devices(1)) as [Device];
    const dir = tempDir();
    const folder = path.join(dir, 'Sync');
    fs.mkdirSync(folder);
    const sync = createSyncController({
      library: a.library,
      settings: syncSettingsInFile(path.join(dir, 'sync.json')),
      chooseSyncFolder: () => Promise.resolve(folder),
      // Without a wake from the edit, the folder would next be read in a minute.
      timing: { heartbeatMs: 60_000 },
    });
    const synced = async () => {
      const end = Date.now() + 10_000;
      while (sync.status().phase !== 'synced' || sync.status().pending > 0) {
        if (Date.now() > end) throw new Error(`still ${JSON.stringify(sync.status())}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    await sync.chooseFolder();
    await synced();
    const backup = await a.library.backupIfDue();
    expect(backup).toBeDefined();
    await a.library.restoreBackupNamed(backup!.name);
    const files = fs.readdirSync(folder).length;
    a.library.annotations.createHighlight({ paragraphId: a.paragraphId(0), start: 0, end: 3, color: 'yellow' });
    const end = Date.now() + 10_000;
    while (fs.readdirSync(folder).length === files && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(fs.readdirSync(folder).length, JSON.stringify(sync.status())).toBe(files + 1);
    await sync.close();
  });

  it('keeps the token in main: the status names the server, never the token; a later start without one uses it', async () => {
    const [a] = (await devices(1)) as [Device];
    const file = path.join(tempDir(), 'sync.json');
    const sync = controllerOf(a, file);
    expect(() => sync.startServer('ws://127.0.0.1:9', undefined)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    const status = sync.startServer('ws://127.0.0.1:9', 'secret-token-123');
    expect(status.target).toEqual({ kind: 'server', url: 'ws://127.0.0.1:9', hasToken: true });
    expect(JSON.stringify(status)).not.toContain('secret-token-123');
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    await sync.stop();
    // Started again without a token: the kept one (the page never had it).
    expect(sync.startServer('ws://127.0.0.1:9', undefined).phase).toBe('connecting');
    await sync.close();
  });
});
