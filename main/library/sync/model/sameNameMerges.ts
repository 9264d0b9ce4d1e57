import type * as Y from 'yjs';
import { foldTagCase } from '../../annotations/tagNames';
import { foldedName } from '../../attributes/attributeValues';
import { setField } from './docShape';
import { namedOf, type Named } from './namedEntries';

/** The named entries of the library document a same-name merge is for. */
export type NamedKind = 'tags' | 'attributes';

/**
 * The same tag (or attribute) name made on two devices that had not seen each other's is one
 * entry: the smaller uid stays and the other is merged into it (`merged_into`, `deleted`), as a
 * person's merge would write it. Decided on the names the library document holds now, not on the
 * names a device happened to see: a clash that exists only in a passing state (A renames 乙 to 丙
 * while B renames 己 to 丙, and C's rename of 己 to 甲 wins over B's) would otherwise be merged for
 * good by a device that took A's and B's updates before C's, and never by one that took C's first,
 * so the same edits gave other tags depending on the order the transport brought them in. So the
 * merges this rule writes are listed (uid -> the uid it was merged into) and undone when the names
 * no longer meet; a person's rename, delete or merge of the kept entry makes them the person's (keepMergesInto).
 * Which names are the same: the ones one device refuses a second of. Tags fold their case (as their
 * unique name does); attributes their case and script (attributeOperations' check).
 */
const sameNameKey: Record<NamedKind, (name: string) => string> = {
  tags: foldTagCase,
  attributes: foldedName,
};

// The tags' maps keep the names they were first written under: documents already hold them.
const listingName: Record<NamedKind, string> = { tags: 'samename_tags', attributes: 'samename_attributes' };
const keptName: Record<NamedKind, string> = { tags: 'samename_kept', attributes: 'samename_attributes_kept' };

const sameNameMerges = (library: Y.Doc, kind: NamedKind) => library.getMap<unknown>(listingName[kind]);
/**
 * Merges a person made their own (keepMergesInto): uid -> the uid it stays merged into. A key of
 * its own, not only the listing's key deleted: another device may have written that key at once
 * (each device that sees a clash writes the merge), and a write the person had not seen would list it again.
 */
const keptMerges = (library: Y.Doc, kind: NamedKind) => library.getMap<unknown>(keptName[kind]);

/** Writes the same-name merges the names of `kind` call for now, and undoes those they no longer call for. */
export function mergeSameNames(library: Y.Doc, kind: NamedKind): void {
  const merges = sameNameMerges(library, kind);
  const kept = keptMerges(library, kind);
  const entries = [...namedOf(library, kind).values()];
  const nameOf = (named: Named) => {
    const name = named.entry.get('name');
    return typeof name === 'string' ? name : null;
  };
  // A merge is this rule's while the entry's merged_into is still the one it wrote (a person's merge written at once may have won).
  const ours = (named: Named) =>
    named.mergedInto !== null && merges.get(named.uid) === named.mergedInto && kept.get(named.uid) !== named.mergedInto;
  const byName = new Map<string, Named[]>();
  for (const named of entries) {
    const name = nameOf(named);
    // A person's delete or merge takes an entry out of the comparison; one merged by this rule stays in it.
    if (name === null || (named.deleted && !ours(named))) continue;
    const key = sameNameKey[kind](name);
    byName.set(key, [...(byName.get(key) ?? []), named]);
  }
  const wanted = new Map<string, string>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const [keep, ...others] = [...group].sort((a, b) => (a.uid < b.uid ? -1 : 1));
    for (const other of others) wanted.set(other.uid, keep!.uid);
  }
  const toMerge = entries.filter(
    (n) => wanted.has(n.uid) && !(ours(n) && n.mergedInto === wanted.get(n.uid) && n.deleted),
  );
  const toUndo = entries.filter((n) => merges.has(n.uid) && !wanted.has(n.uid));
  if (toMerge.length === 0 && toUndo.length === 0) return;
  library.transact(() => {
    for (const named of toMerge) {
      const into = wanted.get(named.uid)!;
      merges.set(named.uid, into);
      setField(named.entry, 'merged_into', into);
      setField(named.entry, 'deleted', true);
    }
    for (const named of toUndo) {
      // Put back as it was before the merge (a new entry holds both fields); a person's own merge that won stays.
      if (ours(named)) {
        setField(named.entry, 'merged_into', null);
        setField(named.entry, 'deleted', false);
      }
      merges.delete(named.uid);
    }
  });
}

/**
 * A person renamed, deleted or merged the tag (or attribute) `uid`: the entries this rule merged
 * into it are merged as that person sees them, for good (renamed, they would no longer meet its name and come back).
 */
export function keepMergesInto(library: Y.Doc, kind: NamedKind, uid: string): void {
  const merges = sameNameMerges(library, kind);
  const kept = keptMerges(library, kind);
  for (const [merged, into] of [...merges.entries()]) {
    if (into !== uid) continue;
    kept.set(merged, into);
    merges.delete(merged);
  }
}
