import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import { importProgressEvent } from '../../../../preload/contract/channels';
import type { ImportProgress } from '../../../../preload/contract/importTypes';
import type { Result } from '../../../../preload/contract/errors';
import { pizhu } from '../../api/pizhuClient';

/**
 * The import running now (the Import button's, or a drop's in several calls), for the progress
 * bar: how far it is, when it began (the bar shows after a second), whether Cancel was pressed.
 * A tiny store, as the import report's.
 */
export interface ImportRun {
  /** It has taken more than a second: the bar shows (a shorter import ends without one flashing up). */
  shown: boolean;
  /** Unknown until main has counted the files (the Import button's dialog may still be open). */
  progress: ImportProgress | null;
  cancelling: boolean;
}

/** An import shorter than this ends without a bar. */
const showAfterMs = 1_000;

let current: ImportRun | null = null;
/** A drop sent in several calls: main counts each call from 0; the page adds what went before. */
let offset = 0;
let overallTotal: number | null = null;
const listeners = new Set<() => void>();

function set(run: ImportRun | null): void {
  current = run;
  for (const listener of listeners) listener();
}

export const currentImportRun = (): ImportRun | null => current;

export function subscribeImportRun(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Main announced a step: ask how far, and show it in terms of the whole drop. */
function onProgressEvent(): void {
  void pizhu.getImportProgress().then((result) => {
    if (!current || !result.ok || result.value === null) return;
    const { done, total } = result.value;
    set({ ...current, progress: { done: offset + done, total: overallTotal ?? total } });
  });
}

/**
 * Runs an import with the progress bar: `work` makes the calls (one for the Import button, one
 * per part of a drop) and is told, by `isCancelled`, whether to send more.
 */
export async function runImport<T>(
  work: (part: { begin: (done: number) => void; isCancelled: () => boolean }) => Promise<T>,
  total: number | null = null,
): Promise<T> {
  offset = 0;
  overallTotal = total;
  set({ shown: false, progress: total === null ? null : { done: 0, total }, cancelling: false });
  const timer = setTimeout(() => {
    if (current) set({ ...current, shown: true });
  }, showAfterMs);
  window.addEventListener(importProgressEvent, onProgressEvent);
  try {
    return await work({
      begin: (done) => {
        offset = done;
        if (current && total !== null) set({ ...current, progress: { done, total } });
      },
      isCancelled: () => current?.cancelling ?? false,
    });
  } finally {
    clearTimeout(timer);
    window.removeEventListener(importProgressEvent, onProgressEvent);
    set(null);
  }
}

/** Cancel: main stops between batches; a drop sends no more parts. */
export function cancelRunningImport(): void {
  if (!current || current.cancelling) return;
  set({ ...current, cancelling: true });
  void pizhu.cancelImport();
}

/** The Import button: main's dialog, then the files chosen, with progress. */
export function importChosenFiles(): Promise<{ result: Result<ImportOutcome[]>; cancelled: ImportProgress | null }> {
  return runImport(async ({ isCancelled }) => {
    const result = await pizhu.importFiles();
    return { result, cancelled: isCancelled() ? (current?.progress ?? null) : null };
  });
}
