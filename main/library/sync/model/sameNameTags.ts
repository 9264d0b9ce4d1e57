import * as Y from 'yjs';
import { foldTagCase } from '../../annotations/tagNames';
import { fieldOf, root, setField } from './docShape';

/**
 * The same tag name made on two devices that had not seen each other's is one tag: the smaller
 * uid stays and the other is merged into it (`merged_into`, `deleted`), as a person's merge would
 * write it. Decided on the names the library document holds now, not on the names a device
 * happened to see: a clash that exists only in a passing state (A renames 乙 to 丙 while B renames
 * 己 to 丙, and C's rename of 己 to 甲 wins over B's) would otherwise be merged for good by a device
 * that took A's and B's updates before C's, and never by one that took C's first, so the same edits
 * gave other tags depending on the order the transport brought them in. So the merges this rule
 * writes are listed here (tag uid -> the uid it was merged into) and undone when the names no
 * longer meet; a person's rename, delete or merge of the kept tag makes them the person's (keepMergesInto).
 */
const sameNameMerges = (library: Y.Doc) => library.getMap<unknown>('samename_tags');
/**
 * Merges a person made their own (keepMergesInto): tag uid -> the uid it stays merged into. A key of
 * its own, not only the listing's key deleted: another device may have written that key at once
 * (each device that sees a clash writes the merge), and a write the person had not seen would list it again.
 */
const keptMerges = (library: Y.Doc) => library.getMap<unknown>('samename_kept');

interface TagEntry {
  uid: string;
  entry: Y.Map<unknown>;
  name: string | null;
  deleted: boolean;
  mergedInto: string | null;
}

/** Writes the same-name merges the tags' names call for now, and undoes those they no longer call for. */
export function mergeSameTagNames(library: Y.Doc): void {
  const merges = sameNameMerges(library);
  const kept = keptMerges(library);
  const tags: TagEntry[] = [];
  root(library, 'tags').forEach((value, uid) => {
    if (!(value instanceof Y.Map)) return;
    const entry = value as Y.Map<unknown>;
    const name = entry.get('name');
    const into = fieldOf(entry, 'merged_into');
    tags.push({
      uid,
      entry,
      name: typeof name === 'string' ? name : null,
      deleted: fieldOf(entry, 'deleted') === true,
      mergedInto: typeof into === 'string' ? into : null,
    });
  });
  // A merge is this rule's while the tag's merged_into is still the one it wrote (a person's merge written at once may have won).
  const ours = (tag: TagEntry) =>
    tag.mergedInto !== null && merges.get(tag.uid) === tag.mergedInto && kept.get(tag.uid) !== tag.mergedInto;
  const byName = new Map<string, TagEntry[]>();
  for (const tag of tags) {
    // A person's delete or merge takes a tag out of the comparison; one merged by this rule stays in it.
    if (tag.name === null || (tag.deleted && !ours(tag))) continue;
    const key = foldTagCase(tag.name);
    byName.set(key, [...(byName.get(key) ?? []), tag]);
  }
  const wanted = new Map<string, string>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const [keep, ...others] = [...group].sort((a, b) => (a.uid < b.uid ? -1 : 1));
    for (const other of others) wanted.set(other.uid, keep!.uid);
  }
  const toMerge = tags.filter(
    (t) => wanted.has(t.uid) && !(ours(t) && t.mergedInto === wanted.get(t.uid) && t.deleted),
  );
  const toUndo = tags.filter((t) => merges.has(t.uid) && !wanted.has(t.uid));
  if (toMerge.length === 0 && toUndo.length === 0) return;
  library.transact(() => {
    for (const tag of toMerge) {
      const into = wanted.get(tag.uid)!;
      merges.set(tag.uid, into);
      setField(tag.entry, 'merged_into', into);
      setField(tag.entry, 'deleted', true);
    }
    for (const tag of toUndo) {
      // Put back as it was before the merge (a new tag's entry holds both fields); a person's own merge that won stays.
      if (ours(tag)) {
        setField(tag.entry, 'merged_into', null);
        setField(tag.entry, 'deleted', false);
      }
      merges.delete(tag.uid);
    }
  });
}

/**
 * A person renamed, deleted or merged the tag `uid`: the tags this rule merged into it are
 * merged as that person sees them, for good (renamed, they would no longer meet its name and come back).
 */
export function keepMergesInto(library: Y.Doc, uid: string): void {
  const merges = sameNameMerges(library);
  const kept = keptMerges(library);
  for (const [merged, into] of [...merges.entries()]) {
    if (into !== uid) continue;
    kept.set(merged, into);
    merges.delete(merged);
  }
}
