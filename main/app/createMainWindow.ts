import path from 'node:path';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { isSafeExternalUrl } from './confirmExternalLink';
import { pagePrefix } from './pageOrigin';

export { isSafeExternalUrl };

export interface MainWindowOptions {
  /** False in packaged builds: no DevTools to open, whatever the keyboard or menu says. */
  devTools: boolean;
  /** Asked for every https address the page tries to leave for; it confirms before opening. */
  openExternalLink: (url: string) => unknown;
}

/** The security settings DESIGN §8 requires; exported so the wiring test can assert them. */
export function mainWindowOptions(preloadPath: string, devTools = false): BrowserWindowConstructorOptions {
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
      devTools,
    },
  };
}

/**
 * The one window. Nothing the page does leaves it: navigation elsewhere and new windows are
 * refused, an https address goes to `openExternalLink` (which asks the person first), and
 * every permission request or check is answered no.
 */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowType,
  rendererUrl: string,
  options: MainWindowOptions,
): BrowserWindowType {
  const win = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js'), options.devTools));
  const appPage = pagePrefix(rendererUrl);
  win.webContents.on('will-navigate', (event, url) => {
    if (url.startsWith(appPage)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void options.openExternalLink(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void options.openExternalLink(url);
    return { action: 'deny' };
  });
  const { session } = win.webContents;
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // Requests are not the only door: Chromium also *checks* permissions (clipboard read,
  // notifications, media devices…) without asking, and the default check answers yes.
  session.setPermissionCheckHandler(() => false);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
  return win;
}
