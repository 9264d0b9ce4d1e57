/**
 * Note editors register a flush for their unsaved text here; anything that leaves the
 * current view (switching article or script mode, closing the window) awaits
 * `flushPendingNotes()` first, so no keystroke is lost.
 */
const pending = new Map<string, () => Promise<void>>();

export function registerPendingNote(key: string, flush: () => Promise<void>): () => void {
  pending.set(key, flush);
  return () => {
    if (pending.get(key) === flush) pending.delete(key);
  };
}

export async function flushPendingNotes(): Promise<void> {
  await Promise.all([...pending.values()].map((flush) => flush()));
}
