/**
 * The one toast of the window (e.g. "Highlight deleted — Undo"). A tiny store rather than a
 * context, so any pane can show a toast without re-rendering the tree around it.
 */
export interface Toast {
  id: number;
  message: string;
  /** Offer an Undo button. */
  undoable: boolean;
}

let current: Toast | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function showToast(message: string, undoable = false): void {
  current = { id: nextId++, message, undoable };
  emit();
}

/** Hides the toast; with an id, only if that toast is still the one shown. */
export function dismissToast(id?: number): void {
  if (current === null || (id !== undefined && current.id !== id)) return;
  current = null;
  emit();
}

export function subscribeToast(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentToast(): Toast | null {
  return current;
}
