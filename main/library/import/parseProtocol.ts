import type { PreparedFile } from './prepareFile';

/** A batch of files for the parse worker, by id; it answers each with the same id, in any order. */
export interface ParseRequest {
  id: number;
  files: readonly string[];
}

export type ParseAnswer = { id: number; prepared: PreparedFile[] } | { id: number; error: string };
