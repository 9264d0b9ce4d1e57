import { foldToSimplified } from '../../../../preload/common/foldScript';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';

export interface TagTreeNode {
  tag: TagSummary;
  /** The last level of the name, shown under its parent: `政治/选举` shows `选举`. */
  label: string;
  children: TagTreeNode[];
}

/**
 * A tag name as main compares it (store/tags findTagFolded): folded to simplified characters
 * (技術 is 技术) and case folded as SQLite's NOCASE folds it (ASCII only).
 */
export const foldTagName = (name: string): string => foldToSimplified(name).replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A tag name as main stores it: each `/` level trimmed. */
export const tidyTagName = (raw: string): string =>
  raw
    .trim()
    .split('/')
    .map((part) => part.trim())
    .join('/');

/** True when `name` is `ancestor` or nested anywhere under it. */
export function isSameOrNestedUnder(name: string, ancestor: string): boolean {
  const n = foldTagName(name);
  const a = foldTagName(ancestor);
  return n === a || n.startsWith(`${a}/`);
}

/**
 * The flat tag list as a tree by `/` levels. Main creates every level of a nested name, so
 * each child finds its parent; one that does not (never expected) is shown at the top level
 * under its full name rather than hidden.
 */
export function buildTagTree(tags: readonly TagSummary[]): TagTreeNode[] {
  const byName = new Map<string, TagTreeNode>();
  const sorted = [...tags].sort((a, b) => a.name.split('/').length - b.name.split('/').length);
  const roots: TagTreeNode[] = [];
  for (const tag of sorted) {
    const cut = tag.name.lastIndexOf('/');
    const parent = cut > 0 ? byName.get(foldTagName(tag.name.slice(0, cut))) : undefined;
    const node: TagTreeNode = { tag, label: parent ? tag.name.slice(cut + 1) : tag.name, children: [] };
    byName.set(foldTagName(tag.name), node);
    (parent ? parent.children : roots).push(node);
  }
  const order = (nodes: TagTreeNode[]) => {
    nodes.sort((a, b) => a.label.localeCompare(b.label));
    for (const node of nodes) order(node.children);
  };
  order(roots);
  return roots;
}

/**
 * Existing tags a rename of `from` (and its nested tags) to `to` would land on: renaming onto
 * them merges. A change of case of the same tag is not one.
 */
export function renameCollisions(
  tags: readonly TagSummary[],
  from: string,
  to: string,
): Array<{ moving: string; existing: string }> {
  const existing = new Map(tags.map((t) => [foldTagName(t.name), t.name]));
  const collisions: Array<{ moving: string; existing: string }> = [];
  for (const tag of tags) {
    if (!isSameOrNestedUnder(tag.name, from)) continue;
    const moved = to + tag.name.slice(from.length);
    const holder = existing.get(foldTagName(moved));
    if (holder !== undefined && !isSameOrNestedUnder(holder, from))
      collisions.push({ moving: tag.name, existing: holder });
  }
  return collisions;
}
