import { useSyncExternalStore } from 'react';
import { onJournalStep } from '../annotate/journalSteps';

/**
 * A counter that moves when the vocabulary may have changed (a word added from the pop-up, deleted
 * in the vocabulary view, or any undo or redo): readings over "only words in my vocabulary"
 * follow at once. Other library changes (a highlight) leave it, so they ask main for nothing.
 */
let version = 0;
const listeners = new Set<() => void>();

export function noteVocabularyChanged(): void {
  version++;
  for (const listener of listeners) listener();
}

onJournalStep(noteVocabularyChanged);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useVocabularyVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
