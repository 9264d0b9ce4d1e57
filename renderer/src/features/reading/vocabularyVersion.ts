import { useSyncExternalStore } from 'react';

/**
 * A counter that moves when the vocabulary changes (a word added from the pop-up, edited or
 * deleted in the vocabulary view): readings over "only words in my vocabulary" follow at once.
 */
let version = 0;
const listeners = new Set<() => void>();

export function noteVocabularyChanged(): void {
  version++;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useVocabularyVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
