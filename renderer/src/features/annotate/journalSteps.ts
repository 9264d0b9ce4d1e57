/**
 * Tells panes that an undo or redo ran from anywhere (keys, menu, toast): a pane showing
 * "… — Undo" for its own last action must drop it, or it would offer to undo what is gone.
 */
const listeners = new Set<() => void>();

export function announceJournalStep(): void {
  for (const listener of listeners) listener();
}

export function onJournalStep(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
