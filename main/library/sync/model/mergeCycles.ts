import type * as Y from 'yjs';
import { setField } from './docShape';
import { namedOf } from './namedEntries';

/**
 * Two devices that merged two tags (or attributes) into each other at once, A 丙 into 丁 while B
 * merged 丁 into 丙, leave `merged_into` in a cycle: every entry in it is deleted and leads only to
 * the others, so their uses, and those of every entry merged into them, would show nowhere. The
 * cycle is broken at its smallest uid, which is live again and holds them all: every device that
 * sees the cycle writes the same fields, whatever order the updates came in.
 */
export function breakMergeCycles(library: Y.Doc, kind: 'tags' | 'attributes'): void {
  const named = namedOf(library, kind);
  const into = new Map<string, string>();
  for (const entry of named.values())
    if (entry.deleted && entry.mergedInto !== null) into.set(entry.uid, entry.mergedInto);
  const survivors: string[] = [];
  const done = new Set<string>();
  for (const start of into.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let uid: string | undefined = start;
    while (uid !== undefined && into.has(uid) && !done.has(uid) && !onPath.has(uid)) {
      path.push(uid);
      onPath.add(uid);
      uid = into.get(uid);
    }
    if (uid !== undefined && onPath.has(uid)) {
      const cycle = path.slice(path.indexOf(uid));
      survivors.push(cycle.reduce((least, u) => (u < least ? u : least)));
    }
    for (const u of path) done.add(u);
  }
  if (survivors.length === 0) return;
  library.transact(() => {
    for (const uid of survivors) {
      const entry = named.get(uid)!.entry;
      setField(entry, 'merged_into', null);
      setField(entry, 'deleted', false);
    }
  });
}
