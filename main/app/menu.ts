import type { Menu as MenuType, MenuItemConstructorOptions } from 'electron';
import { englishText, type MainText } from './mainMessages';

/** The View menu: zoom and full screen for everyone; reload and DevTools only while developing. */
export function viewMenu(isPackaged: boolean, t: MainText = englishText()): MenuItemConstructorOptions {
  // Not role 'viewMenu': that role brings Reload, Force Reload and Toggle Developer Tools with it.
  const development: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload', label: t('reload') },
        { role: 'forceReload', label: t('forceReload') },
        { role: 'toggleDevTools', label: t('toggleDevTools') },
        { type: 'separator' },
      ];
  return {
    label: t('menuView'),
    submenu: [
      ...development,
      { role: 'resetZoom', label: t('resetZoom') },
      { role: 'zoomIn', label: t('zoomIn') },
      { role: 'zoomOut', label: t('zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('toggleFullScreen') },
    ],
  };
}

/** Edit ▸ Undo or Redo, sent to the page: it decides between the focused text field's own undo and the annotation journal. */
export type MenuStep = 'undo' | 'redo';

/** What the app's own menu items do; main/app/index.ts wires them to the library and its dialogs. */
export interface MenuActions {
  restoreFromBackup: () => void;
  /** Given, Undo and Redo go to the page; without it they stay Chromium's (which never reaches the journal). */
  step?: (step: MenuStep) => void;
}

/** File: the app's own items, then the stock Close (macOS, where Quit is in the app menu) or Quit. */
export function fileMenu(
  platform: NodeJS.Platform,
  actions?: MenuActions,
  t: MainText = englishText(),
): MenuItemConstructorOptions {
  const last: MenuItemConstructorOptions =
    platform === 'darwin' ? { role: 'close', label: t('closeWindow') } : { role: 'quit', label: t('quit') };
  if (!actions) return { label: t('menuFile'), submenu: [last] };
  return {
    label: t('menuFile'),
    submenu: [
      { label: t('restoreFromBackupItem'), click: () => actions.restoreFromBackup() },
      { type: 'separator' },
      last,
    ],
  };
}

/** macOS's application menu, each stock item named in the interface language (the roles' own names are English). */
function appMenu(t: MainText): MenuItemConstructorOptions {
  return {
    role: 'appMenu',
    submenu: [
      { role: 'about', label: t('about') },
      { type: 'separator' },
      { role: 'services', label: t('services') },
      { type: 'separator' },
      { role: 'hide', label: t('hide') },
      { role: 'hideOthers', label: t('hideOthers') },
      { role: 'unhide', label: t('unhide') },
      { type: 'separator' },
      { role: 'quit', label: t('quitApp') },
    ],
  };
}

/** Window: the role keeps macOS's list of open windows; its items are named here. */
function windowMenu(platform: NodeJS.Platform, t: MainText): MenuItemConstructorOptions {
  const rest: MenuItemConstructorOptions[] =
    platform === 'darwin'
      ? [{ role: 'zoom', label: t('zoom') }, { type: 'separator' }, { role: 'front', label: t('front') }]
      : [{ role: 'close', label: t('closeWindow') }];
  return { role: 'windowMenu', label: t('menuWindow'), submenu: [{ role: 'minimize', label: t('minimize') }, ...rest] };
}

/**
 * The standard menus, so copy/paste, zoom and quit have their usual shortcuts on every OS, every
 * label in the interface language `t` speaks (main rebuilds the menu when the page changes it).
 * Undo and redo show their keys but do not capture them: the page decides whether a key
 * undoes the note editor's typing or the last annotation (the journal). Chosen from the menu,
 * they are sent to the page to decide the same way (role 'undo' would run Chromium's editing undo).
 */
export function menuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
  actions?: MenuActions,
  t: MainText = englishText(),
): MenuItemConstructorOptions[] {
  const step = actions?.step;
  const edit: MenuItemConstructorOptions = {
    label: t('menuEdit'),
    submenu: [
      step
        ? { label: t('undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => step('undo') }
        : { role: 'undo', label: t('undo'), registerAccelerator: false },
      step
        ? { label: t('redo'), accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: () => step('redo') }
        : { role: 'redo', label: t('redo'), registerAccelerator: false },
      { type: 'separator' },
      { role: 'cut', label: t('cut') },
      { role: 'copy', label: t('copy') },
      { role: 'paste', label: t('paste') },
      { role: 'selectAll', label: t('selectAll') },
    ],
  };
  return [
    ...(platform === 'darwin' ? [appMenu(t)] : []),
    fileMenu(platform, actions, t),
    edit,
    viewMenu(isPackaged, t),
    windowMenu(platform, t),
  ];
}

export function installMenu(
  Menu: Pick<typeof MenuType, 'buildFromTemplate' | 'setApplicationMenu'>,
  isPackaged: boolean,
  actions?: MenuActions,
  t: MainText = englishText(),
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(isPackaged, process.platform, actions, t)));
}
