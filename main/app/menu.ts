import type { Menu as MenuType, MenuItemConstructorOptions } from 'electron';

/** The View menu: zoom and full screen for everyone; reload and DevTools only while developing. */
export function viewMenu(isPackaged: boolean): MenuItemConstructorOptions {
  // Not role 'viewMenu': that role brings Reload, Force Reload and Toggle Developer Tools with it.
  const development: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return {
    label: 'View',
    submenu: [
      ...development,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
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
export function fileMenu(platform: NodeJS.Platform, actions?: MenuActions): MenuItemConstructorOptions {
  if (!actions) return { role: 'fileMenu' };
  return {
    label: 'File',
    submenu: [
      { label: 'Restore from automatic backup…', click: () => actions.restoreFromBackup() },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

/**
 * The standard menus, so copy/paste, zoom and quit have their usual shortcuts on every OS.
 * Undo and redo show their keys but do not capture them: the page decides whether a key
 * undoes the note editor's typing or the last annotation (the journal). Chosen from the menu,
 * they are sent to the page to decide the same way (role 'undo' would run Chromium's editing undo).
 */
export function menuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
  actions?: MenuActions,
): MenuItemConstructorOptions[] {
  const step = actions?.step;
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      step
        ? { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => step('undo') }
        : { role: 'undo', registerAccelerator: false },
      step
        ? { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: () => step('redo') }
        : { role: 'redo', registerAccelerator: false },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    fileMenu(platform, actions),
    edit,
    viewMenu(isPackaged),
    { role: 'windowMenu' },
  ];
}

export function installMenu(
  Menu: Pick<typeof MenuType, 'buildFromTemplate' | 'setApplicationMenu'>,
  isPackaged: boolean,
  actions?: MenuActions,
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(isPackaged, process.platform, actions)));
}
