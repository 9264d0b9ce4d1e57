import type { ImportOutcome } from '../../preload/contract/articleTypes';
import type { DroppedFile } from '../../preload/contract/importTypes';
import type { ImportSource } from '../library/import/importPaths';
import { maxImportBytes } from '../library/import/importLimits';
import { displayName } from './droppedFileSchema';

/**
 * Imports the files of one importDropped call: the ones the page read go to the library as bytes
 * under their display name; one too large to read is reported so.
 */
export async function droppedSources(
  files: readonly DroppedFile[],
  run: (sources: readonly ImportSource[]) => Promise<ImportOutcome[]>,
): Promise<ImportOutcome[]> {
  const sources: ImportSource[] = [];
  for (const file of files) {
    if (file.bytes !== null) sources.push({ fileName: displayName(file.name), dropped: file.bytes });
  }
  const imported = sources.length > 0 ? await run(sources) : [];
  // The files too large to read first, then one outcome per file read (a feed's per item; a
  // cancelled import's for the files it reached).
  const refused = files.filter((file) => file.bytes === null).map((file) => tooLarge(displayName(file.name), file.size));
  return [...refused, ...imported];
}

function tooLarge(fileName: string, size: number): ImportOutcome {
  const mb = (size / 1024 / 1024).toFixed(1);
  const limit = maxImportBytes / 1024 / 1024;
  return {
    fileName,
    status: 'failed',
    message: `"${fileName}" is ${mb} MB; Pizhu imports files up to ${limit} MB.`,
    reason: { code: 'too-large', limitMb: limit },
  };
}
