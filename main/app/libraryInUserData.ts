import path from 'node:path';

/** The library file the app opens in its user-data folder (a test prepares one there before launch). */
export function libraryPathIn(userDataDir: string): string {
  return path.join(userDataDir, 'library.sqlite');
}
