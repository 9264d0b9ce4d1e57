import * as Y from 'yjs';
import { fieldOf, root } from './docShape';

/** A tag or attribute entry of the library document, with its delete and merge fields read. */
export interface Named {
  uid: string;
  deleted: boolean;
  mergedInto: string | null;
  entry: Y.Map<unknown>;
}

/** The library document's tags (or attributes) by uid: deleted and merged ones stay, as redirects. */
export function namedOf(library: Y.Doc, kind: 'tags' | 'attributes'): Map<string, Named> {
  const found = new Map<string, Named>();
  root(library, kind).forEach((value, uid) => {
    const named = asNamed(uid, value);
    if (named) found.set(uid, named);
  });
  return found;
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
