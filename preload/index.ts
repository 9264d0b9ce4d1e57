import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './contract/createApi';

// The renderer sees only this typed API: never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'pizhu',
  createApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
