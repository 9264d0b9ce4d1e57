import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import type { ImportProgress } from '../../../../preload/contract/importTypes';

/** The last import's report: what each file came to, where Cancel stopped it, and the duplicates kept since. */
export interface ImportReportState {
  outcomes: readonly ImportOutcome[];
  cancelled: ImportProgress | null;
  /** "Keep both" chosen: the outcome's index in `outcomes` -> the copy imported beside the original. */
  kept: Readonly<Record<number, ImportOutcome>>;
}

/**
 * The report of the last import (files, a drop, or pasted text): shown in the library pane until
 * the person dismisses it. A tiny store, as the toast's, so App's import, the drop and the paste
 * dialog can all hand it over without threading props.
 */
let current: ImportReportState | null = null;
const listeners = new Set<() => void>();

function set(state: ImportReportState | null): void {
  current = state;
  for (const listener of listeners) listener();
}

export function showImportReport(outcomes: readonly ImportOutcome[], cancelled: ImportProgress | null = null): void {
  set({ outcomes, cancelled, kept: {} });
}

/** The person chose "Keep both" for the outcome at `index`, and main imported `copy`. */
export function markKeptBoth(index: number, copy: ImportOutcome): void {
  if (current) set({ ...current, kept: { ...current.kept, [index]: copy } });
}

export function dismissImportReport(): void {
  set(null);
}

export function currentImportReport(): ImportReportState | null {
  return current;
}

export function subscribeImportReport(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
