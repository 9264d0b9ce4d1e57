import type { PreparedFile } from './prepareFile';

/**
 * One thing to parse: a file by path, pasted text, or a file's bytes the app's window read from a
 * drop (`fileName` is a display name only, never a path).
 */
export type ParseJob = string | { pasted: string; title?: string } | { fileName: string; dropped: Uint8Array };

/**
 * Jobs for the parse worker, by id; `first` is the index in its batch of the first job sent (a
 * fresh worker gets only what is left of a batch after the one that stopped its predecessor).
 */
export interface ParseRequest {
  id: number;
  first: number;
  jobs: readonly ParseJob[];
}

/**
 * The worker says it is ready once loaded, then answers each job of a request as soon as it is
 * parsed, in order, with its index in the batch: so the main thread knows which job a worker is
 * on when it runs out of time or memory. `error` is a bug's message.
 */
export type ParseAnswer =
  | { ready: true }
  | { id: number; index: number; prepared: PreparedFile }
  | { id: number; index: number; error: string };
