import fs from 'node:fs';

/** Data (a file) or a rename (its folder) reaches the disk before the next step counts on it. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Windows cannot open a folder to fsync it; there, NTFS journals the rename itself. */
export function fsyncFolder(dir: string): void {
  try {
    fsyncFile(dir);
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  }
}
