import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { z } from 'zod';
import { writeTextFile } from '../../files/writeTextFile';
import type { SyncEndpoint } from '../syncEndpoint';

/**
 * What a device remembers of a sync folder between passes. Only an economy: applying a file again
 * changes nothing, so a memory that is missing, damaged, of another folder or ahead of the library
 * (a library restored from a backup) is dropped and every file is read again.
 */
const memorySchema = z.object({
  version: z.literal(1),
  folder: z.string(),
  /** Content hashes of the files applied or written. */
  applied: z.record(z.string(), z.literal(true)),
  /** File name -> content hash, so a file already read is not read again. */
  files: z.record(z.string(), z.string()),
  /** Document -> Yjs snapshot (base64) of what the folder holds of it, as of the last pass. */
  docs: z.record(z.string(), z.string()),
  /** The sequence number of this device's next file. */
  nextSeq: z.number().int().min(1),
});

export type FolderMemory = z.infer<typeof memorySchema>;

function fresh(folder: string, nextSeq = 1): FolderMemory {
  return { version: 1, folder, applied: {}, files: {}, docs: {}, nextSeq };
}

/** The memory of this folder, checked against the library: any document behind what it remembers drops it. */
export function loadFolderMemory(memoryPath: string, folder: string, endpoint: SyncEndpoint): FolderMemory {
  let parsed: FolderMemory;
  try {
    const result = memorySchema.safeParse(JSON.parse(fs.readFileSync(memoryPath, 'utf8')));
    if (!result.success) return fresh(folder);
    parsed = result.data;
  } catch {
    return fresh(folder);
  }
  if (parsed.folder !== folder) return fresh(folder);
  for (const [name, encoded] of Object.entries(parsed.docs)) {
    const remembered = Y.decodeSnapshot(Buffer.from(encoded, 'base64')).sv;
    const current = Y.decodeStateVector(endpoint.stateVector(name));
    for (const [client, clock] of remembered) {
      if ((current.get(client) ?? 0) < clock) return fresh(folder, parsed.nextSeq);
    }
  }
  return parsed;
}

/**
 * Written under a temporary name and renamed: a crash leaves the old memory or the new, never half.
 * Durable (data, rename, folder fsynced) before the pass returns, so a power cut after it does not
 * bring back an older memory, and the pass saves it only after its own files are durable.
 */
export function saveFolderMemory(memoryPath: string, memory: FolderMemory): void {
  fs.mkdirSync(path.dirname(memoryPath), { recursive: true });
  writeTextFile(memoryPath, JSON.stringify(memory), { durable: true });
}
