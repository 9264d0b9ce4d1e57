import fs from 'node:fs';
import path from 'node:path';
import { fsErrorReason } from '../files/fsErrorReason';
import { isFeedName } from './feeds/feedFiles';
import { formatOf } from './prepareImport';

/** A name an import reads: an article's file, or an RSS/Atom feed. Any other file is skipped, not failed. */
export function importable(name: string): boolean {
  return formatOf(name) !== undefined || isFeedName(name);
}

/**
 * A file to read and parse, or an entry of a folder that was not imported, with why (an outcome
 * of its own): `skipped` when it is of a kind Pizhu does not import, failed otherwise.
 */
export type FoundEntry = { path: string; bytes: number } | { fileName: string; failed: string; skipped?: true };

/** The file-system calls the walk makes; tests inject failures that file modes cannot make for root. */
export interface WalkFs {
  stat(target: string): fs.Stats;
  readdir(folder: string): Buffer[];
}

const realFs: WalkFs = {
  stat: (target) => fs.statSync(target),
  readdir: (folder) => fs.readdirSync(folder, { encoding: 'buffer' }),
};

/**
 * The files an import of `targets` reads, in order: each target as given (its reading reports
 * what is wrong with it), and the importable files inside each folder target, recursively, by
 * name. Iterative, and every folder and file is taken once by (device, inode), so a symlink
 * loop or symlinks branching to the same folders neither recurse forever nor import twice.
 * Inside folders, a FIFO, device or socket with an importable name, a subfolder that cannot be
 * listed and a name that is not UTF-8 are each reported and the walk goes on; so is a file of
 * another kind (a picture, a PDF), as skipped. RSS and Atom feeds are importable files.
 */
export function findImportFiles(targets: readonly string[], walkFs: WalkFs = realFs): FoundEntry[] {
  const found: FoundEntry[] = [];
  const seen = new Set<string>();
  const firstVisit = (stat: fs.Stats): boolean => {
    const key = `${stat.dev}:${stat.ino}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  /** The folders being listed, innermost last: depth first, by name, as a recursive walk would go. */
  const open: Array<{ folder: string; names: Buffer[]; next: number; hidden: boolean }> = [];
  /** `hidden`: the folder or one it is in (below the target) is hidden (.git, .obsidian). */
  const enter = (folder: string, stat: fs.Stats, hidden = false): void => {
    if (!firstVisit(stat)) return;
    try {
      const names = walkFs.readdir(folder).map((raw) => ({ raw, name: raw.toString('utf8') }));
      names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      open.push({ folder, names: names.map((n) => n.raw), next: 0, hidden });
    } catch (error) {
      found.push({ fileName: displayName(folder), failed: folderUnreadable(folder, error) });
    }
  };
  const walkFolder = (folder: string, stat: fs.Stats): void => {
    enter(folder, stat);
    while (open.length > 0) {
      const frame = open[open.length - 1]!;
      const raw = frame.names[frame.next++];
      if (raw === undefined) {
        open.pop();
        continue;
      }
      const name = raw.toString('utf8');
      const child = path.join(frame.folder, name);
      if (!Buffer.from(name, 'utf8').equals(raw)) {
        if (importable(name)) found.push({ fileName: name, failed: notUtf8(child) });
        continue;
      }
      let childStat: fs.Stats;
      try {
        childStat = walkFs.stat(child);
      } catch (error) {
        // A dangling or looping symlink, or a file gone since the listing: only importable names are news.
        if (importable(name)) found.push({ fileName: name, failed: entryUnreadable(child, error) });
        continue;
      }
      if (childStat.isDirectory()) enter(child, childStat, frame.hidden || name.startsWith('.'));
      else if (importable(name)) {
        if (!childStat.isFile()) found.push({ fileName: name, failed: notRegular(child, childStat) });
        else if (firstVisit(childStat)) found.push({ path: child, bytes: childStat.size });
      } else if (!frame.hidden && !name.startsWith('.') && childStat.isFile() && firstVisit(childStat)) {
        // Hidden files and what hidden folders hold (.DS_Store, .git, .obsidian) are the
        // system's and the tools', not the person's: not listed.
        found.push({ fileName: name, failed: notImportable(child), skipped: true });
      }
    }
  };

  for (const target of targets) {
    let stat: fs.Stats | undefined;
    try {
      stat = walkFs.stat(target);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      walkFolder(target, stat);
      continue;
    }
    // A file named twice keeps both outcomes (the second is "already imported"), as before.
    if (stat?.isFile()) firstVisit(stat);
    found.push({ path: target, bytes: stat?.size ?? 0 });
  }
  return found;
}

function displayName(target: string): string {
  return path.basename(target) || target;
}

function folderUnreadable(folder: string, error: unknown): string {
  return `The folder "${folder}" could not be opened (${fsErrorReason(error)}); the files in it were not imported.`;
}

function entryUnreadable(file: string, error: unknown): string {
  return `"${file}" could not be read (${fsErrorReason(error)}); it was not imported.`;
}

function notUtf8(file: string): string {
  return `"${file}" has a name that is not valid UTF-8 (shown with � where its bytes are); rename it and import it again.`;
}

function notRegular(file: string, stat: fs.Stats): string {
  const kind = stat.isFIFO() ? 'a pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a device';
  return `"${file}" is ${kind}, not a file; it was not imported.`;
}

function notImportable(file: string): string {
  return `"${file}" was skipped: Pizhu imports .txt, .md, .html and .htm files and RSS or Atom feeds (.xml, .rss, .atom).`;
}
