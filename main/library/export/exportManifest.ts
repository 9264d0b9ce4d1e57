import fs from 'node:fs';
import path from 'node:path';
import { ioError, writeTextFile } from '../files/writeTextFile';

/**
 * `.pizhu-export.json` in an export folder: what Pizhu wrote there, file by file, with the
 * SHA-256 of the bytes it wrote and the library that wrote them. It is Pizhu's only licence
 * to replace or remove a file: one it did not write, or that changed since, is the person's.
 */
export const manifestName = '.pizhu-export.json';

export interface ManifestEntry {
  /** The identity of the library that wrote the file (exportMarkdown's exportWriter). */
  library: string;
  /** SHA-256 of what Pizhu last wrote. */
  sha256: string;
  /**
   * SHA-256 of what an export about to write the file will write: recorded before the file is
   * written, so a crash between the two still leaves the file recognised as Pizhu's.
   */
  pending?: string;
  /** The article the file exports, so a renamed article's earlier file can go. */
  article?: number;
}

export type Manifest = Map<string, ManifestEntry>;

interface ManifestFile {
  format: 'pizhu-export';
  version: 1;
  files: Record<string, ManifestEntry>;
}

/**
 * The manifest of `folder`; empty when there is none or it cannot be read as one (then
 * nothing in the folder is taken for Pizhu's: the safe way to be wrong). `unreadable` when a
 * file of that name is there but is not a manifest: writeManifest then keeps it aside.
 */
export function readManifest(folder: string): { manifest: Manifest; unreadable: boolean } {
  const manifest: Manifest = new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(path.join(folder, manifestName), 'utf8'));
  } catch (error) {
    return { manifest, unreadable: (error as NodeJS.ErrnoException).code !== 'ENOENT' };
  }
  if (!isRecord(parsed) || parsed.format !== 'pizhu-export' || parsed.version !== 1 || !isRecord(parsed.files)) {
    return { manifest, unreadable: true };
  }
  for (const [name, entry] of Object.entries(parsed.files)) {
    if (isEntry(entry) && isPlainName(name)) manifest.set(name, entry);
  }
  return { manifest, unreadable: false };
}

/** Moves a `.pizhu-export.json` that is not a manifest to `.pizhu-export.unreadable-TIME.json`: never overwritten. */
export function keepUnreadableManifest(folder: string, now: Date): void {
  const aside = path.join(folder, `.pizhu-export.unreadable-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  try {
    fs.renameSync(path.join(folder, manifestName), aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(aside, error);
  }
}

/** Writes the manifest through a temporary file and a rename: the old one or the new one, never half. */
export function writeManifest(folder: string, manifest: Manifest): void {
  const files: Record<string, ManifestEntry> = {};
  for (const name of [...manifest.keys()].sort()) files[name] = manifest.get(name)!;
  const content: ManifestFile = { format: 'pizhu-export', version: 1, files };
  writeTextFile(path.join(folder, manifestName), `${JSON.stringify(content, null, 1)}\n`);
}

/** A name directly inside the folder: the manifest can never point Pizhu elsewhere. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && name !== manifestName;
}

function isEntry(value: unknown): value is ManifestEntry {
  return (
    isRecord(value) &&
    typeof value.library === 'string' &&
    isHash(value.sha256) &&
    (value.pending === undefined || isHash(value.pending)) &&
    (value.article === undefined || (Number.isSafeInteger(value.article) && (value.article as number) > 0))
  );
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
