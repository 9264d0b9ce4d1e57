import type { TagLevelPage, TagLevelRequest, TagLevelRow } from '../../../preload/contract/tagLevelTypes';
import { foldTagCase, normalizeTagName } from '../annotations/tagNames';
import type { Db } from '../store/openDatabase';
import { summariesOf, type TagRow } from '../store/tags';

/**
 * One page of one level of the tag tree, in the tag pane's order (by the last level's name),
 * with counts for that page's tags only: at 5,000 tags the whole tree with every count is what
 * made the pane slow to open. A name whose parent level is missing (never expected: every level
 * is created) stands at the top under its full name, as the pane always showed it.
 */
export function listTagLevel(db: Db, request: TagLevelRequest): TagLevelPage {
  const all = db.prepare('SELECT id, name, color FROM tag').all() as TagRow[];
  const folded = new Map(all.map((t) => [foldTagCase(t.name), t]));
  const parentOf = (tag: TagRow): string => {
    const key = foldTagCase(tag.name);
    const cut = key.lastIndexOf('/');
    return cut > 0 && folded.has(key.slice(0, cut)) ? key.slice(0, cut) : '';
  };
  const parent = request.parent === '' ? '' : foldTagCase(normalizeTagName(request.parent));
  const children = new Map<string, number>();
  const nested = new Map<string, number>();
  for (const tag of all) {
    const up = parentOf(tag);
    children.set(up, (children.get(up) ?? 0) + 1);
    for (let key = up; key !== ''; key = parentOf(folded.get(key)!)) nested.set(key, (nested.get(key) ?? 0) + 1);
  }
  const labelOf = (tag: TagRow) => (parentOf(tag) === '' ? tag.name : tag.name.slice(tag.name.lastIndexOf('/') + 1));
  const level = all
    .filter((tag) => parentOf(tag) === parent)
    .map((tag) => ({ tag, label: labelOf(tag) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const page = level.slice(request.offset, request.offset + request.limit);
  const summaries = summariesOf(db, all, page.map((p) => p.tag));
  const rows: TagLevelRow[] = page.map(({ tag, label }, i) => {
    const key = foldTagCase(tag.name);
    return { tag: summaries[i]!, label, children: children.get(key) ?? 0, nested: nested.get(key) ?? 0 };
  });
  return { total: level.length, offset: request.offset, rows };
}
