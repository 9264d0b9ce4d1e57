import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, shell } from 'electron';
import { appHost, appOrigin, appScheme } from './contentSecurityPolicy';
import { createDispatch, createHandlers } from './createHandlers';
import { createMainWindow } from './createMainWindow';
import { externalLinkOpener } from './confirmExternalLink';
import { registerHandlers } from './registerHandlers';
import { serveRenderer } from './serveRenderer';
import { installMenu, type MenuStep } from './menu';
import { fileDialogs } from './fileDialogs';
import { interfaceLanguage } from './interfaceLanguage';
import { localeFromSystem } from '../../preload/common/uiLocales';
import { openLibraryWithRecovery, recoveryPrompt } from './openLibraryWithRecovery';
import { askForAutomaticBackup, restoreFromMenu } from './restoreFromBackup';
import { askToUseBackup } from './backupFromJson';
import { askToGoAhead } from './askInMain';
import { isFromAppPage } from './pageOrigin';
import { linkFromArgv, parsePizhuLink, type PizhuLink } from './parsePizhuLink';
import {
  importProgressEvent,
  linkEvent,
  menuRedoEvent,
  menuUndoEvent,
  syncChangedEvent,
  syncStatusEvent,
} from '../../preload/contract/channels';
import { createSyncController } from './syncController';
import { syncFolderDialog } from './syncFolderDialog';
import { syncSettingsBeside } from './syncSettings';
import { keychainTokenSealer } from './keychainTokenSealer';
import { libraryPathIn } from './libraryInUserData';

// Tests point the app at a throw-away folder.
if (process.env.PIZHU_USER_DATA) app.setPath('userData', process.env.PIZHU_USER_DATA);

// One app instance: a pizhu:// link opened while Pizhu runs goes to the running window.
if (!app.requestSingleInstanceLock()) app.quit();

let pendingLink: PizhuLink | null = linkFromArgv(process.argv);
let mainWindow: BrowserWindow | null = null;

function openLink(link: PizhuLink | null): void {
  if (!link) return;
  pendingLink = link;
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    mainWindow.webContents.send(linkEvent);
  }
}

app.on('second-instance', (_event, argv) => openLink(linkFromArgv(argv)));
app.on('open-url', (event, url) => {
  event.preventDefault();
  openLink(parsePizhuLink(url));
});

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererUrl = devServerUrl ?? `${appOrigin}/index.html`;

function seedsDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(app.getAppPath(), 'seeds');
}

async function start(): Promise<void> {
  await app.whenReady();
  const rendererRoot = path.join(__dirname, '../renderer');
  protocol.handle(appScheme, (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Forbidden', { status: 403 });
    return serveRenderer(rendererRoot, url.pathname);
  });

  // Main's menus and dialogs speak the person's interface language: the system's until the page
  // says which one they chose (and again at each change, when the menu is built anew).
  let rebuildMenu = () => {};
  const language = interfaceLanguage(localeFromSystem(app.getPreferredSystemLanguages()), () => rebuildMenu());
  const dbPath = libraryPathIn(app.getPath('userData'));
  const library = await openLibraryWithRecovery(
    {
      dbPath,
      // Signs this device's writes for other devices' conflict notices ("changed on <device> by <member>"):
      // the computer's name, unless PIZHU_DEVICE_NAME names it otherwise (two instances on one computer).
      deviceName: process.env.PIZHU_DEVICE_NAME?.trim() || os.hostname(),
      // Built beside this file (electron.vite.config.ts); Electron loads worker scripts from the asar.
      startParseWorker: (resourceLimits) => new Worker(path.join(__dirname, 'parseWorkerEntry.js'), { resourceLimits }),
      // The integrity check runs beside the first list, not before it; writes wait for it.
      startQuickCheckWorker: (filePath) => new Worker(path.join(__dirname, 'quickCheckEntry.js'), { workerData: { filePath } }),
      // The Markdown export writes its files in this worker.
      startExportWorker: () => new Worker(path.join(__dirname, 'exportWorkerEntry.js')),
      // Titles without a place in the list's title order are ranked after the open, not at the first title list.
      rankTitlesInBackground: true,
    },
    recoveryPrompt(dialog, language.text()),
  );
  if (!library) {
    app.quit();
    return;
  }
  const seeded = await library.seedIfNew(seedsDir());
  void library.backupIfDue().catch((error: unknown) => console.error('Daily backup failed', error));

  // The open library's sync runs in main while the app is open; the window hears when it moves on.
  const sync = createSyncController({
    library,
    settings: syncSettingsBeside(dbPath, keychainTokenSealer(safeStorage, process.platform)),
    chooseSyncFolder: syncFolderDialog(dialog, language.text),
    announceStatus: () => mainWindow?.webContents.send(syncStatusEvent),
    announceChanges: () => mainWindow?.webContents.send(syncChangedEvent),
  });
  const handlers = createHandlers({
    sync,
    library,
    appVersion: app.getVersion(),
    seededOnThisRun: seeded,
    takePendingLink: () => {
      const link = pendingLink;
      pendingLink = null;
      return link;
    },
    // Every import, export and backup path comes from main's own dialogs, never from the page.
    ...fileDialogs(dialog, language.text),
    // The page hears that an import moved on and asks how far.
    announceImportProgress: () => mainWindow?.webContents.send(importProgressEvent),
    // Before a JSON backup is merged in or restored, main shows what it would do and asks.
    confirmBackupUse: askToUseBackup(dialog, () => mainWindow, language.text),
    // The same two questions as the File menu's item: the page asks for a restore, main lists the backups.
    chooseAutomaticBackup: askForAutomaticBackup(dialog, () => mainWindow, language.text),
    setInterfaceLanguage: language.set,
  });
  registerHandlers(ipcMain, createDispatch(handlers), isFromAppPage(rendererUrl));
  const restoreFromBackup = restoreFromMenu({ library, dialog, window: () => mainWindow, text: language.text });
  // Edit ▸ Undo / Redo: the page decides between the focused field's undo and the journal.
  const step = (which: MenuStep) => mainWindow?.webContents.send(which === 'undo' ? menuUndoEvent : menuRedoEvent);
  rebuildMenu = () =>
    installMenu(Menu, app.isPackaged, { restoreFromBackup: () => void restoreFromBackup(), step }, language.text());
  rebuildMenu();
  // Damage the start-up check finds after the window opened is said at once, with the way out.
  void library.integrity.whenWritable().catch(async (error: unknown) => {
    const t = language.text();
    const restore = await askToGoAhead(dialog, mainWindow, {
      type: 'warning',
      title: t('damagedTitle'),
      message: t('damagedMessage'),
      detail: error instanceof Error ? error.message : String(error),
      confirm: t('restoreFromBackupItem'),
      cancel: t('later'),
    }).catch(() => false);
    if (restore) await restoreFromBackup();
  });
  if (!app.isDefaultProtocolClient('pizhu')) app.setAsDefaultProtocolClient('pizhu');
  // Every https address the page asks for is confirmed by the person in main's own dialog.
  const windowOptions = {
    devTools: !app.isPackaged,
    openExternalLink: externalLinkOpener({ shell, dialog, parent: () => mainWindow, text: language.text }),
  };
  mainWindow = createMainWindow(BrowserWindow, rendererUrl, windowOptions);
  // The sync set up last time starts again once writes are allowed (after the start-up check).
  void library.integrity.whenWritable().then(() => sync.resume(), () => undefined);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      mainWindow = createMainWindow(BrowserWindow, rendererUrl, windowOptions);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    // The sync stops at once (its socket closes in the background) before the library closes.
    void sync.close();
    library.close();
  });
}

// Any other window or webview anywhere is refused outright.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

start().catch((error: unknown) => {
  console.error(error);
  app.quit();
});
