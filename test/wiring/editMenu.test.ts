import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuStep } from '../../main/app/menu';
import { menuRedoEvent, menuUndoEvent } from '../../preload/contract/channels';
import { createFakeElectron } from '../support/fakeElectron';

function editItems(step?: (s: MenuStep) => void): MenuItemConstructorOptions[] {
  const template = menuTemplate(true, 'linux', { restoreFromBackup: () => undefined, ...(step ? { step } : {}) });
  const edit = template.find((m) => m.label === 'Edit');
  if (!edit || !Array.isArray(edit.submenu)) throw new Error('no Edit menu');
  return edit.submenu;
}

describe('Edit ▸ Undo / Redo', () => {
  it('are sent to the page instead of running Chromium’s editing undo, and show their keys without taking them', () => {
    const steps: MenuStep[] = [];
    const [undo, redo] = editItems((s) => steps.push(s));
    // role 'undo' is Chromium's editing undo: it never reaches the annotation journal.
    expect(undo?.role).toBeUndefined();
    expect(redo?.role).toBeUndefined();
    expect(undo).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false });
    (undo?.click as () => void)();
    (redo?.click as () => void)();
    expect(steps).toEqual(['undo', 'redo']);
  });

  it('main sends each as its own event, which preload passes to the page as a DOM event', async () => {
    const fake = createFakeElectron();
    vi.resetModules();
    vi.doMock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));
    await import('../../preload/index');
    const dispatched: string[] = [];
    const g = globalThis as unknown as { dispatchEvent?: (e: Event) => boolean };
    const saved = g.dispatchEvent;
    g.dispatchEvent = (e) => (dispatched.push(e.type), true);
    fake.rendererListeners.get(menuUndoEvent)?.();
    fake.rendererListeners.get(menuRedoEvent)?.();
    g.dispatchEvent = saved;
    vi.doUnmock('electron');
    expect(dispatched).toEqual([menuUndoEvent, menuRedoEvent]);
  });
});
