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

/** What the app's own menu items do; main/app/index.ts wires them to the library and its dialogs. */
export interface MenuActions {
  restoreFromBackup: () => void;
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
 * undoes the note editor's typing or the last annotation (the journal).
 */
export function menuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
  actions?: MenuActions,
): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo', registerAccelerator: false },
      { role: 'redo', registerAccelerator: false },
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
