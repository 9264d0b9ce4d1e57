import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import type { PizhuError } from '../../../../preload/contract/errors';
import {
  maxDroppedBytesPerCall,
  maxDroppedFileBytes,
  maxDroppedFilesPerCall,
  type DroppedFile,
  type ImportProgress,
} from '../../../../preload/contract/importTypes';
import { pizhu } from '../../api/pizhuClient';
import { runImport } from './importRun';
import type { DroppedEntry } from './readDrop';

export interface DropImport {
  outcomes: ImportOutcome[];
  /** Where Cancel stopped it, or null when it ran to the end. */
  cancelled: ImportProgress | null;
  /** A call main refused (nothing of that part was imported), or null. */
  error: PizhuError | null;
}

/**
 * Sends a drop's files to main in parts (at most maxDroppedFilesPerCall files and
 * maxDroppedBytesPerCall bytes each), reading each part's bytes only when it is sent, so a big
 * drop is never held in memory at once. A file over the import limit is not read: main reports it.
 */
export function sendDrop(files: readonly DroppedEntry[]): Promise<DropImport> {
  return runImport(async ({ begin, isCancelled }) => {
    const outcomes: ImportOutcome[] = [];
    let sent = 0;
    for (const part of parts(files)) {
      if (isCancelled()) return { outcomes, cancelled: { done: sent, total: files.length }, error: null };
      begin(sent);
      const request: DroppedFile[] = [];
      for (const { name, file } of part) {
        const bytes = file.size > maxDroppedFileBytes ? null : new Uint8Array(await file.arrayBuffer());
        request.push({ name, bytes, size: file.size });
      }
      const result = await pizhu.importDropped({ files: request });
      if (!result.ok) return { outcomes, cancelled: null, error: result.error };
      outcomes.push(...result.value);
      if (isCancelled()) {
        const done = sent + Math.min(result.value.length, part.length);
        return { outcomes, cancelled: done < files.length ? { done, total: files.length } : null, error: null };
      }
      sent += part.length;
    }
    return { outcomes, cancelled: null, error: null };
  }, files.length);
}

function* parts(files: readonly DroppedEntry[]): Generator<DroppedEntry[]> {
  let part: DroppedEntry[] = [];
  let bytes = 0;
  for (const entry of files) {
    const size = entry.file.size > maxDroppedFileBytes ? 0 : entry.file.size;
    if (part.length > 0 && (part.length >= maxDroppedFilesPerCall || bytes + size > maxDroppedBytesPerCall)) {
      yield part;
      part = [];
      bytes = 0;
    }
    part.push(entry);
    bytes += size;
  }
  if (part.length > 0) yield part;
}
