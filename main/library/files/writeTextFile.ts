import { hash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncFile, fsyncFolder } from './fsync';
import { LibraryError } from '../libraryError';
import { ensureFolder as makeFolder } from '../store/ensureFolder';

/**
 * Writes a UTF-8 file through a temporary name in the same folder and a rename, so a crash or
 * a full disk leaves the old file or the new one, never half of one. `durable`: the content and
 * the rename reach the disk before this returns, so a power cut after it cannot leave an empty
 * file either (a JSON backup: what a person restores from after such a failure). Markdown
 * exports skip it, an fsync per file being most of their time, and are simply written again.
 * Bytes (a REFI-QDA zip) are written as they are.
 */
export function writeTextFile(file: string, content: string | Uint8Array, options: { durable?: boolean } = {}): void {
  const temporary = writeTemporary(file, content);
  try {
    if (options.durable) fsyncFile(temporary);
    fs.renameSync(temporary, file);
    if (options.durable) fsyncFolder(path.dirname(file));
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw ioError(file, error);
  }
}

/** This process's random prefix for temporary names: drawn once, then counted on (an export writes thousands). */
const temporaryPrefix = randomBytes(4).toString('hex');
let temporaryCount = 0;

function temporaryTag(): string {
  temporaryCount = (temporaryCount + 1) % 0x100000000;
  return `${temporaryPrefix}${temporaryCount.toString(16)}`;
}

/**
 * `content` in a new file beside `file`, under a name no one else has: created exclusively,
 * so even a file of that name the person made is never overwritten (or removed on failure).
 */
function writeTemporary(file: string, content: string | Uint8Array): string {
  const temporary = temporaryNameFor(file);
  writeTemporaryAt(temporary, file, content);
  return temporary;
}

/** The hidden name beside `file` that this process writes its next content under. */
export function temporaryNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${temporaryTag()}.tmp`);
}

/** writeTemporary under a name temporaryNameFor gave (known before the write, so a failed export can remove it). */
export function writeTemporaryAt(temporary: string, file: string, content: string | Uint8Array): void {
  try {
    fs.writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    // A half-written temporary is ours to remove; a file that was already there is not.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(temporary, { force: true });
    throw ioError(file, error);
  }
}

/**
 * Writes a new UTF-8 file at `file` only if nothing is there: through a temporary name and a
 * rename, so a crash leaves no file or the whole one. False when the name was taken.
 */
export function createTextFile(file: string, content: string): boolean {
  return publishCreated(writeTemporary(file, content), file);
}

/**
 * createTextFile's second half: the written temporary renamed to `file` if nothing is there,
 * else removed (false). A rename replaces, so the name is looked up just before it: a file that
 * appeared at the name since the export planned it (seconds) is kept; one made in the
 * microseconds between the look-up and the rename is not seen, the same window as the check
 * before a rename over this library's own file. A hard link never replaces at all, but the
 * link and the temporary's removal cost two directory changes per file where a rename costs
 * one, and an export of 100,000 files was mostly those (issue #16).
 */
export function publishCreated(temporary: string, file: string): boolean {
  try {
    if (fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined) {
      removeTemporary(temporary);
      return false;
    }
    fs.renameSync(temporary, file);
    return true;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw ioError(file, error);
  }
}

/** The written temporary renamed over `file` (writeTextFile's second half, not durable); removed if that fails. */
export function publishReplacing(temporary: string, file: string): void {
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw ioError(file, error);
  }
}

/** A temporary file gone, if it is there: unlinked (rmSync looks at it first, for every file an export writes). */
function removeTemporary(temporary: string): void {
  try {
    fs.unlinkSync(temporary);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** The SHA-256 of text as UTF-8, in hex: how an export recognises a file it wrote. */
export function sha256(content: string | Buffer): string {
  // The one-shot hash: an export hashes every block of every file, and a Hash object per call cost more than the hashing.
  return hash('sha256', content, 'hex');
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
    makeFolder(folder);
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
