import fs from 'node:fs';
import path from 'node:path';
import { LibraryError } from '../libraryError';

/**
 * Writes a UTF-8 file through a temporary name in the same folder and a rename, so a crash or
 * a full disk leaves the old file or the new one, never half of one.
 */
export function writeTextFile(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content, 'utf8');
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw ioError(file, error);
  }
}

export function removeFile(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch (error) {
    throw ioError(file, error);
  }
}

export function ensureFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw ioError(folder, error);
  }
}

/** Export and import take paths from the person or the renderer: they must be absolute, never resolved against main's working folder. */
export function requireAbsolutePath(target: string, what: string): string {
  if (typeof target !== 'string' || target === '' || target.includes('\0') || !path.isAbsolute(target)) {
    throw new LibraryError(
      'invalid-argument',
      `The ${what} must be an absolute path; "${String(target)}" is not.`,
      String(target),
    );
  }
  return path.normalize(target);
}

export function ioError(target: string, error: unknown): LibraryError {
  const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new LibraryError(
    'io-failed',
    `Pizhu could not write ${target} (${code}); check that the folder exists, is writable and has free space.`,
    target,
  );
}
