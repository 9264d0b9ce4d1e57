import fs from 'node:fs';
import path from 'node:path';

/**
 * mkdir -p whose failure names the real cause. Node's recursive mkdir reports ENOENT on a
 * read-only file system (it retries the parent, which exists); the person needs "EROFS".
 */
export function ensureFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    const cause = folderWriteProblem(dir);
    if (cause && error instanceof Error) (error as NodeJS.ErrnoException).code = cause;
    throw error;
  }
}

/** Why nothing can be created in `dir` (EROFS, EACCES…), judged at its nearest existing ancestor; undefined if it can. */
export function folderWriteProblem(dir: string): string | undefined {
  let existing = path.resolve(dir);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    // A file where a folder should be is ENOTDIR, which mkdir reports rightly itself.
    if (!fs.statSync(existing).isDirectory()) return undefined;
    fs.accessSync(existing, fs.constants.W_OK | fs.constants.X_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'no access';
  }
}
