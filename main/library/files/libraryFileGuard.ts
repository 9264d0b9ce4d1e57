import fs from 'node:fs';
import path from 'node:path';
import { LibraryError } from '../libraryError';

export interface LibraryFiles {
  /** The SQLite library file. */
  dbPath: string;
  /** The folder of rotating backups Pizhu manages. */
  backupDir: string;
}

export type LibraryFileGuard = ReturnType<typeof createLibraryFileGuard>;

/**
 * Refuses a path an export writes to or an import reads from when it is one of the library's
 * own files (the database, its -wal, -shm, -journal, its .lock, a restore's staging copy: every
 * name starting with the database's, beside it) or lies in its backups folder. Judged on real paths
 * (symlinks resolved, also for a file that does not exist yet, through its folder) and on
 * inodes, so a symlink or hard link to the library is the library.
 */
export function createLibraryFileGuard(files: LibraryFiles) {
  const dbName = fold(path.basename(files.dbPath));
  const dbFolders = unique([path.dirname(realPath(files.dbPath)), realPath(path.dirname(files.dbPath))]).map(fold);

  function ownFile(real: string): boolean {
    const name = fold(path.basename(real));
    // .restore-*: the staging copy a restore renames over the database.
    const named =
      name === dbName || name.startsWith(`${dbName}-`) || name.startsWith(`${dbName}.`) || name.startsWith('.restore-');
    if (named && dbFolders.includes(fold(path.dirname(real)))) return true;
    const target = statOf(real);
    if (!target) return false;
    return ['', '-wal', '-shm', '-journal', '.lock'].some((suffix) => {
      const own = statOf(files.dbPath + suffix);
      return own !== undefined && own.dev === target.dev && own.ino === target.ino;
    });
  }

  function inBackups(real: string): boolean {
    const backups = fold(realPath(files.backupDir));
    const target = fold(real);
    if (target === backups || target.startsWith(backups + path.sep)) return true;
    // By inode too: the folder reached by another name (a bind mount, a case-insensitive disk).
    const folder = statOf(files.backupDir);
    if (!folder) return false;
    for (let at = real; ; at = path.dirname(at)) {
      const here = statOf(at);
      if (here && here.dev === folder.dev && here.ino === folder.ino) return true;
      if (path.dirname(at) === at) return false;
    }
  }

  function refuse(target: string, what: string, where: string): LibraryError {
    return new LibraryError(
      'protected-path',
      `Pizhu will not use ${where} as the ${what}: that would damage the library or its backups. Choose another place; nothing was changed.`,
      target,
    );
  }

  return {
    /** For a file written (a backup, W3C annotations) or read (a backup to import). */
    checkFile(target: string, what: string): void {
      if (!path.isAbsolute(target)) return; // the operation itself refuses a relative path
      const real = realPath(target);
      if (ownFile(real)) throw refuse(target, what, `the library's own file "${path.basename(real)}"`);
      if (inBackups(real)) throw refuse(target, what, "a file in the library's backups folder");
    },

    /** For a folder exported into: never the backups folder or a place inside it, never a library file. */
    checkFolder(target: string, what: string): void {
      if (!path.isAbsolute(target)) return;
      const real = realPath(target);
      if (ownFile(real)) throw refuse(target, what, `the library's own file "${path.basename(real)}"`);
      if (inBackups(real)) throw refuse(target, what, "the library's backups folder");
      // A file, a FIFO or a device where a folder should be: refused now, not kept and failing at every export.
      const found = statOf(real);
      if (found && !found.isDirectory()) {
        throw new LibraryError(
          'unsupported-file',
          `"${path.basename(target)}" is not a folder, so it cannot be the ${what}. Choose a folder; nothing was changed.`,
          target,
        );
      }
    },
  };
}

/** The real path of `p`: of its longest existing part, with the rest appended (a file to be written need not exist yet). */
export function realPath(p: string): string {
  let current = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...rest);
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** Names compare without case where the usual file systems ignore it (macOS, Windows). */
function fold(name: string): string {
  return process.platform === 'darwin' || process.platform === 'win32' ? name.toLowerCase() : name;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
