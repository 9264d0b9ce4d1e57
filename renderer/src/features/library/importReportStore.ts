import type { ImportOutcome } from '../../../../preload/contract/articleTypes';

/**
 * The report of the last import (files or pasted text): shown in the library pane until the
 * person dismisses it. A tiny store, as the toast's, so App's import and the paste dialog can
 * both hand it over without threading props.
 */
let current: readonly ImportOutcome[] | null = null;
const listeners = new Set<() => void>();

export function showImportReport(outcomes: readonly ImportOutcome[]): void {
  current = outcomes;
  for (const listener of listeners) listener();
}

export function dismissImportReport(): void {
  current = null;
  for (const listener of listeners) listener();
}

export function currentImportReport(): readonly ImportOutcome[] | null {
  return current;
}

export function subscribeImportReport(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
