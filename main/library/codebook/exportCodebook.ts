import type { MarkdownExportReport } from '../../../preload/contract/api';
import { openExportFolder, type ExportWriter } from '../export/exportFolder';
import { mergeExportedFile } from '../export/mergeExportedFile';
import { renderRegionedFile } from '../export/regionedFile';
import type { Db } from '../store/openDatabase';
import { listTagSummaries } from '../store/tags';
import { codebookFileName, codebookRegions } from './renderCodebook';

/**
 * Writes the Markdown codebook (renderCodebook) into the export folder as one file: as every
 * Markdown export, a file this library wrote before is written anew around what the person
 * wrote in it since, and a file Pizhu did not write is kept (the report says where it wrote).
 */
export function exportCodebook(
  db: Db,
  outDir: string,
  exportedAt: string,
  writer: ExportWriter,
  onProgress?: (done: number, total: number) => void,
): MarkdownExportReport {
  const tags = db.transaction(() => listTagSummaries(db))();
  const folder = openExportFolder(outDir, writer);
  const name = folder.place(codebookFileName, undefined, true);
  if (name !== null) {
    const file = codebookRegions(tags, exportedAt);
    folder.add(name, renderRegionedFile(file), (existing) => mergeExportedFile(existing, file, exportedAt));
  }
  return { ...folder.commit((done) => onProgress?.(done, 1)), unannotated: [] };
}
