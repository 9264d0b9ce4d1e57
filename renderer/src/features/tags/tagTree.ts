import { foldToSimplified } from '../../../../preload/common/foldScript';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';

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
