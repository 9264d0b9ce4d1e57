import { useSyncExternalStore } from 'react';

/**
 * Whether the annotations sidebar is open: one flag for the window, so the toolbar button, its
 * shortcut and the reader (which draws the sidebar) agree without a context around them.
 */
let open = false;
const listeners = new Set<() => void>();

export function setSidebarOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
}

export function toggleSidebar(): void {
  setSidebarOpen(!open);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSidebarOpen(): boolean {
  return useSyncExternalStore(subscribe, () => open);
}
