import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { Member } from '../../../../preload/contract/teamTypes';
import { pizhu } from '../../api/pizhuClient';
import { onJournalStep } from '../annotate/journalSteps';

/**
 * The library's members (team work, #19) and which members' highlights the reader shows: one
 * list and one filter for the window, so the filter in the reader and the name in Preferences agree.
 */
let members: readonly Member[] = [];
/** Makers whose highlights the reader hides ('' for those nobody recorded); empty: all shown. */
let hidden: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads the members again (another device's member may have arrived, or this person renamed themself). */
export async function refreshMembers(): Promise<void> {
  const result = await pizhu.listMembers();
  if (!result.ok) return;
  members = result.value;
  changed();
}

/**
 * The members, read on mount, after every undo step (a rename is one) and when something shown
 * was made by a member not known yet (their first annotation arrived from another device).
 */
export function useMembers(shown: ReadonlyArray<{ madeBy: string }> = []): readonly Member[] {
  useEffect(() => {
    void refreshMembers();
    return onJournalStep(() => void refreshMembers());
  }, []);
  const current = useSyncExternalStore(subscribe, () => members);
  const unknown = [...new Set(shown.map((s) => s.madeBy))]
    .filter((uid) => uid !== '' && !current.some((m) => m.uid === uid))
    .join(' ');
  useEffect(() => {
    if (unknown !== '') void refreshMembers();
  }, [unknown]);
  return current;
}

export function useHiddenMakers(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => hidden);
}

export function setHiddenMakers(next: ReadonlySet<string>): void {
  hidden = next;
  changed();
}

/** Who made a highlight, by uid, for drawing its maker's mark: null when the library has one member (no marks). */
export type MakerColors = ReadonlyMap<string, { name: string; color: string }> | null;
export const MakerColorsContext = createContext<MakerColors>(null);
export const useMakerColors = () => useContext(MakerColorsContext);
