import { contextBridge, ipcRenderer } from 'electron';
import {
  importProgressEvent,
  linkEvent,
  menuRedoEvent,
  menuUndoEvent,
  syncChangedEvent,
  syncStatusEvent,
} from './contract/channels';
import { createApi } from './contract/createApi';

// The renderer sees only this typed API: never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'pizhu',
  createApi((channel, request) => ipcRenderer.invoke(channel, request)),
);

// Main says a pizhu:// link is waiting; the page (which cannot see ipcRenderer) hears a DOM event
// and takes the link through the API.
ipcRenderer.on(linkEvent, () => (globalThis as unknown as EventTarget).dispatchEvent(new Event(linkEvent)));

// Edit ▸ Undo / Redo from main's menu, passed on the same way: the page decides what they undo;
// and "the running import moved on": the page asks how far (getImportProgress); and the sync's
// state moved or another device's changes arrived: the page asks getSyncStatus or takeSyncChanges.
for (const event of [menuUndoEvent, menuRedoEvent, importProgressEvent, syncStatusEvent, syncChangedEvent]) {
  ipcRenderer.on(event, () => (globalThis as unknown as EventTarget).dispatchEvent(new Event(event)));
}
