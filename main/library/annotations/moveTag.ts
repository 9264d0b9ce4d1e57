import { moveTagDescription } from '../codebook/tagDescriptions';
import { noteTagRedirect } from '../journal/changeSink';
import { LibraryError } from '../libraryError';
import type { Recorder } from '../journal/recordChanges';
import { canonicalTagName, ensureTag, findTagFolded, moveAttachments, tagSubtree, type TagRow } from '../store/tags';
import { ancestorsOf, isSameOrNestedUnder, sameTagName } from './tagNames';

/**
 * Renames `source` and every tag nested under it to sit under `target` (`a` -> `b` makes
 * `a/x` -> `b/x`). Where a new name is already taken, that tag is merged into the one holding
 * it: its attachments move over without duplicates and it is deleted. So a rename onto an
 * existing name is a merge, and a merge is this same move.
 */
export function moveTag(rec: Recorder, source: TagRow, requested: string, now: string): void {
  const target = canonicalTagName(rec.db, requested, source.id, findTagFolded);
  if (!sameTagName(source.name, target) && isSameOrNestedUnder(target, source.name)) {
    throw new LibraryError('invalid-argument', `"${source.name}" cannot move inside itself ("${target}").`, target);
  }
  const ancestors = ancestorsOf(target);
  const parent = ancestors[ancestors.length - 1];
  if (parent !== undefined) ensureTag(rec, parent, now);
  // Shallowest first: a child whose new name is its old parent's meets that parent already moved.
  for (const tag of tagSubtree(rec.db, source.name)) {
    const newName = target + tag.name.slice(source.name.length);
    const holder = findTagFolded(rec.db, newName);
    if (holder && holder.id !== tag.id) {
      moveAttachments(rec, tag.id, holder.id);
      moveTagDescription(rec, tag.id, holder.id);
      rec.remove('tag', { id: tag.id });
      noteTagRedirect(rec.changes, tag.id, holder.id);
    } else {
      rec.update('tag', { id: tag.id }, { name: newName });
    }
  }
}
