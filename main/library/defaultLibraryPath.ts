import os from 'node:os';
import path from 'node:path';

/** Where the desktop app keeps its library: Electron's userData folder for an app named "Pizhu". */
export function defaultLibraryPath(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, 'Pizhu', 'library.sqlite');
}
