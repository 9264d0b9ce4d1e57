import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncController, type SyncController } from '../../main/app/syncController';
import { syncSettingsBeside } from '../../main/app/syncSettings';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { syncChangedEvent, syncStatusEvent } from '../../preload/contract/channels';
import type { SyncStatus } from '../../preload/contract/syncTypes';
import { createFakeElectron } from '../support/fakeElectron';
import { pageCalls, registerAppHandlers } from '../support/wiredHandlers';

let dir: string;
let library: Library;
let sync: SyncController;
let fake: ReturnType<typeof createFakeElectron>;
const { call, value } = pageCalls(() => fake);

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-sync-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  fs.mkdirSync(path.join(dir, 'Sync'));
  sync = createSyncController({
    library,
    settings: syncSettingsBeside(library.path),
    chooseSyncFolder: () => Promise.resolve(path.join(dir, 'Sync')),
  });
  fake = createFakeElectron();
  registerAppHandlers(fake, { library, sync });
});
afterEach(async () => {
  await sync.close();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sync over IPC', () => {
  it('starts off; refuses an address that is no ws:// or wss:// one, or a token with spaces, and keeps nothing', async () => {
    expect(await value<SyncStatus>('getSyncStatus')).toMatchObject({ phase: 'off', target: null, pending: 0, conflicts: 0 });
    for (const request of [
      { url: 'http://example.org', token: 't' },
      { url: '/home/me/Sync', token: 't' },
      { url: 'ws://', token: 't' },
      { url: 'ws://127.0.0.1:1', token: 'two words' },
      { url: 'ws://127.0.0.1:1', token: 't', folder: '/tmp' },
    ]) {
      const answer = await call('startServerSync', request);
      expect(answer.ok ? 'accepted' : answer.error.code).toBe('invalid-argument');
    }
    expect(fs.existsSync(path.join(dir, 'sync.json'))).toBe(false);
  });

  it('the folder comes from main’s dialog; the page sends none, and a folder sync gets going', async () => {
    expect((await call('chooseSyncFolder', { folder: '/etc' })).ok).toBe(false);
    const status = await value<SyncStatus>('chooseSyncFolder');
    expect(status.target).toEqual({ kind: 'folder', folder: path.join(dir, 'Sync') });
    await expect.poll(async () => (await value<SyncStatus>('getSyncStatus')).phase).toBe('synced');
    expect((await value<SyncStatus>('stopSync')).phase).toBe('off');
  });

  it('an unknown conflict is not-found; takeSyncChanges starts empty', async () => {
    const answer = await call('resolveSyncConflict', { id: 5, keep: 'mine' });
    expect(answer.ok ? 'accepted' : answer.error.code).toBe('not-found');
    expect(await value('takeSyncChanges')).toEqual({ articleIds: [], library: false });
    expect(await value('listSyncConflicts')).toEqual([]);
  });
});

describe('the sync events', () => {
  it('are passed by preload to the page as DOM events', async () => {
    const preloadFake = createFakeElectron();
    vi.resetModules();
    vi.doMock('electron', () => ({ contextBridge: preloadFake.contextBridge, ipcRenderer: preloadFake.ipcRenderer }));
    await import('../../preload/index');
    const dispatched: string[] = [];
    const g = globalThis as unknown as { dispatchEvent?: (e: Event) => boolean };
    const saved = g.dispatchEvent;
    g.dispatchEvent = (e) => (dispatched.push(e.type), true);
    preloadFake.rendererListeners.get(syncStatusEvent)?.();
    preloadFake.rendererListeners.get(syncChangedEvent)?.();
    g.dispatchEvent = saved;
    vi.doUnmock('electron');
    expect(dispatched).toEqual([syncStatusEvent, syncChangedEvent]);
  });
});
