import fs from 'node:fs';
import path from 'node:path';
import { LibraryError } from '../libraryError';
import { fsErrorReason } from './fsErrorReason';

export interface ReadRegularFileOptions {
  /** Larger files are refused ('file-too-large') before a byte is read, and so is one that grows past it while read. */
  maxBytes: number;
  /** What the file is to the person, for messages: "backup", "article". */
  what: string;
}

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one (it is then
// refused by its fstat); a regular file ignores the flag. O_NOCTTY: a terminal never becomes ours.
const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * Reads a whole file that must be a regular file of at most `maxBytes`. The check is on fstat
 * of the handle actually opened, so a name swapped after a check cannot slip a FIFO, device,
 * socket or directory in; nothing blocks and nothing unbounded is read. Messages name the file,
 * never what is in it. Throws LibraryError: 'not-found', 'unsupported-file' (not a regular file),
 * 'file-too-large', 'io-failed'.
 */
export function readRegularFile(file: string, options: ReadRegularFileOptions): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, openFlags);
  } catch (error) {
    throw openError(file, options.what, error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw notRegular(file, options.what, stat);
    if (stat.size > options.maxBytes) throw tooLarge(file, options, stat.size);
    return readAll(fd, file, options, stat.size);
  } finally {
    fs.closeSync(fd);
  }
}

function readAll(fd: number, file: string, options: ReadRegularFileOptions, size: number): Buffer {
  // One byte more than fstat said, so a file still growing is noticed (files in /proc say 0).
  let buffer = Buffer.allocUnsafe(Math.min(size, options.maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > options.maxBytes) throw tooLarge(file, options, length);
      const bigger = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, 64 * 1024), options.maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    let read: number;
    try {
      read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    } catch (error) {
      throw ioFailed(file, options.what, error);
    }
    if (read === 0) break;
    length += read;
  }
  if (length > options.maxBytes) throw tooLarge(file, options, length);
  return buffer.subarray(0, length);
}

function openError(file: string, what: string, error: unknown): LibraryError {
  const code = (error as NodeJS.ErrnoException).code;
  const name = path.basename(file);
  if (code === 'ENOENT' && name.includes('\uFFFD')) {
    // The name reached Pizhu with bytes that are not UTF-8 replaced, so no file has it any more.
    return new LibraryError(
      'unsupported-file',
      `The ${what} "${name}" cannot be opened: its name is not valid UTF-8. Rename the file and try again; nothing was changed.`,
      file,
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new LibraryError('not-found', `The ${what} "${name}" does not exist; nothing was changed.`, file);
  }
  // A socket cannot be opened as a file (ENXIO); it is simply not a file.
  if (code === 'ENXIO' || code === 'ENODEV') return notRegular(file, what);
  return ioFailed(file, what, error);
}

function ioFailed(file: string, what: string, error: unknown): LibraryError {
  return new LibraryError(
    'io-failed',
    `The ${what} "${path.basename(file)}" could not be read (${fsErrorReason(error)}); nothing was changed.`,
    file,
  );
}

function notRegular(file: string, what: string, stat?: fs.Stats): LibraryError {
  const kind = !stat
    ? 'a socket or device'
    : stat.isDirectory()
      ? 'a folder'
      : stat.isFIFO()
        ? 'a pipe (FIFO)'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : stat.isSocket()
            ? 'a socket'
            : 'not a regular file';
  return new LibraryError(
    'unsupported-file',
    `"${path.basename(file)}" is ${kind}, not a file Pizhu can read as a ${what}; nothing was changed.`,
    file,
  );
}

function tooLarge(file: string, options: ReadRegularFileOptions, size: number): LibraryError {
  const mb = (n: number) => Math.ceil(n / (1024 * 1024));
  return new LibraryError(
    'file-too-large',
    `The ${options.what} "${path.basename(file)}" is ${mb(size)} MB; Pizhu reads ${options.what} files up to ${mb(options.maxBytes)} MB. Nothing was changed.`,
    file,
  );
}
