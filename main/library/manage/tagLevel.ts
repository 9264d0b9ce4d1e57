import type { TagLevelPage, TagLevelRequest, TagLevelRow } from '../../../preload/contract/tagLevelTypes';
import { foldTagCase, normalizeTagName } from '../annotations/tagNames';
import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { summariesOf, type TagRow } from '../store/tags';

/**
 * One page of one level of the tag tree, in the tag pane's order (by the last level's name),
 * with counts for that page's tags only: at 5,000 tags the whole tree with every count is what
 * made the pane slow to open. A name whose parent level is missing (never expected: every level
 * is created) stands at the top under its full name, as the pane always showed it.
 */
export function listTagLevel(db: Db, request: TagLevelRequest): TagLevelPage {
  const all = preparedStatement(db, 'SELECT id, name, color FROM tag').all() as TagRow[];
  // Each name folded and its parent found once: the pane opens with a burst of these calls (the
  // top level, then each open level), and at 5,000 tags folding names again at every step up
  // the tree took most of each call.
  const keys = all.map((t) => foldTagCase(t.name));
  const known = new Set(keys);
  const parentKeys = keys.map((key) => {
    const cut = key.lastIndexOf('/');
    return cut > 0 && known.has(key.slice(0, cut)) ? key.slice(0, cut) : '';
  });
  const parentOfKey = new Map(keys.map((key, i) => [key, parentKeys[i]!]));
  const parent = request.parent === '' ? '' : foldTagCase(normalizeTagName(request.parent));
  const children = new Map<string, number>();
  const nested = new Map<string, number>();
  for (const up of parentKeys) {
    children.set(up, (children.get(up) ?? 0) + 1);
    for (let key = up; key !== ''; key = parentOfKey.get(key)!) nested.set(key, (nested.get(key) ?? 0) + 1);
  }
  const level = all
    .flatMap((tag, i) => (parentKeys[i] === parent ? [{ tag, key: keys[i]!, label: parent === '' ? tag.name : tag.name.slice(tag.name.lastIndexOf('/') + 1) }] : []))
    .sort((a, b) => a.label.localeCompare(b.label));
  const page = level.slice(request.offset, request.offset + request.limit);
  const summaries = summariesOf(db, all, page.map((p) => p.tag));
  const rows: TagLevelRow[] = page.map(({ key, label }, i) => ({
    tag: summaries[i]!,
    label,
    children: children.get(key) ?? 0,
    nested: nested.get(key) ?? 0,
  }));
  return { total: level.length, offset: request.offset, rows };
}
