import { maxDroppedFiles, maxDroppedFolderDepth } from '../../../../preload/contract/importTypes';

/** A dropped file to send, with the name shown for it (never a path: main takes it as a label). */
export interface DroppedEntry {
  name: string;
  file: File;
}

/** What the page could not read, with why, for the report. */
export interface UnreadEntry {
  name: string;
  reason: { key: 'tooDeep'; folder: string } | { key: 'tooMany' } | { key: 'unreadable' };
}

export interface ReadDrop {
  files: DroppedEntry[];
  unread: UnreadEntry[];
}

/** The parts of the File and Directory Entries API a drop gives (webkitGetAsEntry); tests pass their own. */
export interface DropEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}
interface FileEntry extends DropEntry {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}
interface DirectoryEntry extends DropEntry {
  createReader(): { readEntries(success: (entries: DropEntry[]) => void, failure?: (error: unknown) => void): void };
}

/**
 * The entries of a drop, taken while the drop event lasts (a DataTransfer is emptied after it):
 * each item as a file-system entry when the browser gives one (so folders can be walked), else
 * as the File itself.
 */
export function takeDropItems(dataTransfer: DataTransfer): Array<DropEntry | File> {
  const taken: Array<DropEntry | File> = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry() as DropEntry | null;
    const file = entry ? null : item.getAsFile();
    if (entry) taken.push(entry);
    else if (file) taken.push(file);
  }
  if (taken.length === 0) taken.push(...Array.from(dataTransfer.files));
  return taken;
}

/**
 * Walks what was dropped: files as they are, folders depth first by name, at most
 * maxDroppedFolderDepth folders deep and maxDroppedFiles files in all; hidden files (.DS_Store)
 * inside folders are the system's and left out. What it could not read is listed with why.
 */
export async function readDrop(items: ReadonlyArray<DropEntry | File>): Promise<ReadDrop> {
  const files: DroppedEntry[] = [];
  const unread: UnreadEntry[] = [];
  let tooMany = false;
  const add = (name: string, file: File) => {
    if (files.length < maxDroppedFiles) files.push({ name, file });
    else tooMany = true;
  };

  async function visit(entry: DropEntry, depth: number, top: string): Promise<void> {
    if (tooMany) return;
    if (entry.isFile) {
      try {
        add(entry.name, await fileOf(entry as FileEntry));
      } catch {
        unread.push({ name: entry.name, reason: { key: 'unreadable' } });
      }
      return;
    }
    if (!entry.isDirectory) return;
    if (depth > maxDroppedFolderDepth) {
      if (!unread.some((u) => u.reason.key === 'tooDeep' && u.name === top)) {
        unread.push({ name: top, reason: { key: 'tooDeep', folder: top } });
      }
      return;
    }
    let children: DropEntry[];
    try {
      children = await listFolder(entry as DirectoryEntry);
    } catch {
      unread.push({ name: entry.name, reason: { key: 'unreadable' } });
      return;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      if (child.name.startsWith('.')) continue;
      await visit(child, depth + 1, top);
    }
  }

  for (const item of items) {
    if (item instanceof File) add(item.name, item);
    else await visit(item, 0, item.name);
  }
  if (tooMany) unread.push({ name: '', reason: { key: 'tooMany' } });
  return { files, unread };
}

function fileOf(entry: FileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries answers a part of the folder per call (100 in Chromium) until an empty part. */
async function listFolder(entry: DirectoryEntry): Promise<DropEntry[]> {
  const reader = entry.createReader();
  const all: DropEntry[] = [];
  for (;;) {
    const part = await new Promise<DropEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (part.length === 0) return all;
    all.push(...part);
    if (all.length > maxDroppedFiles * 2) return all; // a folder of millions is not listed to its end
  }
}
