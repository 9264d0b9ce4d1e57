import * as Y from 'yjs';
import { fieldOf } from './docShape';

/** A tag or attribute entry of the library document, with its delete and merge fields read. */
export interface Named {
  uid: string;
  deleted: boolean;
  mergedInto: string | null;
  entry: Y.Map<unknown>;
}

export function asNamed(uid: string, value: unknown): Named | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const entry = value as Y.Map<unknown>;
  const into = fieldOf(entry, 'merged_into');
  return {
    uid,
    deleted: fieldOf(entry, 'deleted') === true,
    mergedInto: typeof into === 'string' ? into : null,
    entry,
  };
}

/** The live tag (or attribute) a uid stands for now: itself, or where its merges led; undefined when deleted. */
export function resolveNamed(entries: { get(uid: string): Named | undefined }, uid: string): string | undefined {
  let current = entries.get(uid);
  const seen = new Set<string>();
  while (current && current.deleted && current.mergedInto !== null && !seen.has(current.uid)) {
    seen.add(current.uid);
    current = entries.get(current.mergedInto);
  }
  return current && !current.deleted && typeof current.entry.get('name') === 'string' ? current.uid : undefined;
}
