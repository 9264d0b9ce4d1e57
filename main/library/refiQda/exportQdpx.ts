import { zipSync, strToU8, type Zippable } from 'fflate';
import type { QdpxExportResult } from '../../../preload/contract/api';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';
import type { Db } from '../store/openDatabase';
import { buildQdpxProject, type QdpxExportOptions } from './buildProject';

/**
 * The library as a `.qdpx` (a zip of the project file and `sources/<guid>.txt`), written through
 * a temporary file and a rename so a failure leaves whatever was at `file` before, whole.
 */
export function exportQdpx(db: Db, file: string, now: string, options: QdpxExportOptions = {}): QdpxExportResult {
  const target = requireAbsolutePath(file, 'export file');
  const project = db.transaction(() => buildQdpxProject(db, now, options))();
  const entries: Zippable = { [project.qdeName]: strToU8(project.xml) };
  for (const [name, text] of project.sources) entries[name] = strToU8(text);
  writeTextFile(target, zipSync(entries, { level: 6 }));
  return { path: target, ...project.counts };
}
