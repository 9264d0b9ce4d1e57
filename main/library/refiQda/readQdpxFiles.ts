import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { readRegularFile } from '../files/readRegularFile';
import { LibraryError } from '../libraryError';

/** The largest entry an archive may hold, unpacked: a source over it is no article Pizhu could import anyway. */
export const maxQdpxEntryBytes = 64 * 1024 * 1024;
/** All entries together, unpacked. */
export const maxQdpxTotalBytes = 256 * 1024 * 1024;
/** An entry packed tighter than this (and over 1 MB) is a zip bomb, not a text. */
const maxCompressionRatio = 200;
const maxEntries = 20_000;

/** A project's files: the project XML and a way to read the files it names (sources, notes). */
export interface QdpxFiles {
  /** The project file's name, for messages. */
  name: string;
  xml: string;
  /** The bytes of `sources/<name>` (or `Sources/`), or undefined when the project has no such file. */
  source(name: string): Uint8Array | undefined;
}

/**
 * Reads a `.qdpx` archive, a bare project file (`.qde`, `.xml`) with its `sources/` folder
 * beside it, or a project folder. Archive entries are checked before a byte is unpacked: a name
 * that climbs out (`../`) or is absolute, sizes past the limits, or a packing ratio no text has is
 * refused with a message, and nothing is ever written to disk.
 */
export function readQdpxFiles(file: string): QdpxFiles {
  if (isFolder(file)) {
    const qde = fs.readdirSync(file).find((name) => name.toLowerCase().endsWith('.qde'));
    if (!qde) throw new LibraryError('unsupported-file', `"${file}" holds no project file (.qde).`, file);
    return folderFiles(path.join(file, qde));
  }
  const bytes = readRegularFile(file, { maxBytes: maxQdpxTotalBytes, what: 'REFI-QDA project' });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return archiveFiles(bytes, path.basename(file));
  return folderFiles(file, bytes);
}

/** A folder, or anything else (a symlink loop, a missing name): readRegularFile then says what it is. */
function isFolder(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

function folderFiles(qde: string, bytes = readRegularFile(qde, { maxBytes: maxQdpxEntryBytes, what: 'REFI-QDA project' })): QdpxFiles {
  const folder = path.dirname(qde);
  return {
    name: path.basename(qde),
    xml: utf8(bytes),
    source(name) {
      if (!safeName(name)) return undefined;
      for (const sub of ['sources', 'Sources']) {
        try {
          return readRegularFile(path.join(folder, sub, name), { maxBytes: maxQdpxEntryBytes, what: 'project source' });
        } catch (error) {
          if (!(error instanceof LibraryError && error.code === 'not-found')) throw error;
        }
      }
      return undefined;
    },
  };
}

export function archiveFiles(bytes: Uint8Array, archiveName: string): QdpxFiles {
  let count = 0;
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(entry) {
        if (++count > maxEntries) throw new LibraryError('unsupported-file', `"${archiveName}" holds more than ${maxEntries} files.`);
        if (!safeName(entry.name)) {
          throw new LibraryError(
            'unsupported-file',
            `"${archiveName}" holds a file named "${entry.name}", which points outside the project; nothing was imported.`,
          );
        }
        if (entry.originalSize > maxQdpxEntryBytes) throw tooLarge(entry.name, entry.originalSize);
        if (entry.originalSize > 1024 * 1024 && entry.originalSize > entry.size * maxCompressionRatio) {
          throw new LibraryError(
            'unsupported-file',
            `"${entry.name}" in "${archiveName}" unpacks to ${Math.round(entry.originalSize / Math.max(1, entry.size))} times its packed size, as a zip bomb does; nothing was imported.`,
          );
        }
        total += entry.originalSize;
        if (total > maxQdpxTotalBytes) {
          throw new LibraryError('file-too-large', `"${archiveName}" unpacks to over ${mb(maxQdpxTotalBytes)}; nothing was imported.`);
        }
        return !entry.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    throw new LibraryError('unsupported-file', `"${archiveName}" is not a readable zip archive (${(error as Error).message}).`);
  }
  const names = Object.keys(entries);
  // The standard's project.qde, else the one .qde at the top (ATLAS.ti names it after the project).
  const qde =
    names.find((n) => n.toLowerCase() === 'project.qde') ?? names.find((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
  if (!qde) throw new LibraryError('unsupported-file', `"${archiveName}" holds no project.qde: it is not a REFI-QDA project.`);
  const byLowerName = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) byLowerName.set(name.toLowerCase(), data);
  return {
    name: archiveName,
    xml: utf8(entries[qde] ?? new Uint8Array()),
    source: (name) => byLowerName.get(`sources/${name}`.toLowerCase()),
  };
}

/** A relative name inside the project: no `..` step, no absolute path or drive, no backslash. */
function safeName(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\u0000') || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

function tooLarge(name: string, size: number): LibraryError {
  return new LibraryError(
    'file-too-large',
    `"${name}" is ${mb(size)} unpacked; a project file may hold up to ${mb(maxQdpxEntryBytes)}. Nothing was imported.`,
  );
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** UTF-8 with its byte order mark, if any, left out (NVivo writes one; positions count after it). */
export function utf8(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
