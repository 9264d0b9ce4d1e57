import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { ioError, requireAbsolutePath } from '../export/writeTextFile';
import type { Db } from '../store/openDatabase';
import { buildQdpxProject, type QdpxExportOptions } from './buildProject';

export interface QdpxExportResult {
  path: string;
  sources: number;
  codes: number;
  selections: number;
  notes: number;
}

/**
 * The library as a `.qdpx` (a zip of the project file and `sources/<guid>.txt`), written through
 * a temporary file and a rename so a failure leaves whatever was at `file` before, whole.
 */
export function exportQdpx(db: Db, file: string, now: string, options: QdpxExportOptions = {}): QdpxExportResult {
  const target = requireAbsolutePath(file, 'export file');
  const project = db.transaction(() => buildQdpxProject(db, now, options))();
  const entries: Zippable = { [project.qdeName]: strToU8(project.xml) };
  for (const [name, text] of project.sources) entries[name] = strToU8(text);
  writeBinaryFile(target, zipSync(entries, { level: 6 }));
  return { path: target, ...project.counts };
}

/** Bytes to `file` through an exclusively created temporary beside it and a rename. */
export function writeBinaryFile(file: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(temporary, { force: true });
    throw ioError(file, error);
  }
}
