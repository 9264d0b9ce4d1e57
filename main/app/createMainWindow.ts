import path from 'node:path';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Shell } from 'electron';
import { pagePrefix } from './pageOrigin';

/** The security settings DESIGN §8 requires; exported so the wiring test can assert them. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Pizhu 批注',
    show: false,
    backgroundColor: '#faf8f3',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Only https links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function createMainWindow(
  BrowserWindow: typeof BrowserWindowType,
  shell: Pick<Shell, 'openExternal'>,
  rendererUrl: string,
): BrowserWindowType {
  const win = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js')));
  const appPage = pagePrefix(rendererUrl);
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(appPage)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
  return win;
}
