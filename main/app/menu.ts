import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The standard menus, so copy/paste, zoom and quit have their usual shortcuts on every OS.
 * Undo and redo show their keys but do not capture them: the page decides whether a key
 * undoes the note editor's typing or the last annotation (the journal).
 */
export function installMenu(): void {
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
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    edit,
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
