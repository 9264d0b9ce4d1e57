import { useEffect, useSyncExternalStore } from 'react';
import type { TermOverride } from '../../../../preload/contract/termOverrideTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';

/**
 * The library's term overrides, held once for the window: the reader, the library list and the
 * overrides dialog all show text through them. Fetched again whenever the library reports a
 * change (an add or edit here calls `changed`, and so does every undo and redo), so an undone
 * override leaves the display at once. The list keeps its identity until what it holds changes:
 * display caches key on it.
 */
let current: readonly TermOverride[] = [];
let fetchedFor = -1;
let latestRequest = 0;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => current;

async function fetchOverrides(): Promise<void> {
  const request = ++latestRequest;
  const result = await pizhu.listTermOverrides();
  // An older answer arriving after a newer one must not put back what was undone.
  if (request !== latestRequest || !result.ok) return;
  // Most library changes (a highlight, a note) leave the overrides as they were: keeping the same
  // array spares every pane a re-render and the reader its converters and display caches.
  if (sameOverrides(current, result.value)) return;
  current = result.value;
  for (const listener of listeners) listener();
}

function sameOverrides(a: readonly TermOverride[], b: readonly TermOverride[]): boolean {
  return (
    a.length === b.length &&
    a.every((o, i) => {
      const p = b[i]!;
      return o.id === p.id && o.source === p.source && o.target === p.target && o.modes.join() === p.modes.join();
    })
  );
}

/** The overrides, fetched again after every library change. */
export function useTermOverrides(): readonly TermOverride[] {
  const { version } = useLibraryEvents();
  useEffect(() => {
    // Several panes use this hook: one fetch per change serves them all.
    if (fetchedFor === version) return;
    fetchedFor = version;
    void fetchOverrides();
  }, [version]);
  return useSyncExternalStore(subscribe, snapshot);
}
