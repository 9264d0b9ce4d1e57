import type { TagLevelPage, TagLevelRequest, TagLevelRow } from '../../../preload/contract/tagLevelTypes';
import { foldTagCase, normalizeTagName } from '../annotations/tagNames';
import { libraryStamp } from '../store/libraryStamp';
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
  const tree = tagTree(db);
  const parent = request.parent === '' ? '' : foldTagCase(normalizeTagName(request.parent));
  const level = levelOf(tree, parent);
  const page = level.slice(request.offset, request.offset + request.limit);
  const summaries = summariesOf(db, tree.all, page.map((p) => p.tag));
  const rows: TagLevelRow[] = page.map(({ key, label }, i) => ({
    tag: summaries[i]!,
    label,
    children: tree.children.get(key) ?? 0,
    nested: tree.nested.get(key) ?? 0,
  }));
  return { total: level.length, offset: request.offset, rows };
}

interface LevelEntry {
  tag: TagRow;
  /** The name as tags compare (foldTagCase). */
  key: string;
  label: string;
}

/** The tag tree: each level's tags by its parent's key ('' the top), how many children and nested tags each tag has. */
interface TagTree {
  all: TagRow[];
  levels: Map<string, { entries: LevelEntry[]; sorted: boolean }>;
  children: Map<string, number>;
  nested: Map<string, number>;
}

/**
 * The tree, made once while the library is unchanged (libraryStamp): the pane opens with a
 * burst of calls (the top level, then each open level), and at 5,000 tags reading and folding
 * every name again for each took most of each call. Each name is folded and its parent found
 * once, not again at every step up the tree.
 */
function tagTree(db: Db): TagTree {
  const stamp = libraryStamp(db);
  const kept = keptTrees.get(db);
  if (kept && kept.stamp === stamp) return kept.tree;
  const all = preparedStatement(db, 'SELECT id, name, color FROM tag').all() as TagRow[];
  const keys = all.map((t) => foldTagCase(t.name));
  const known = new Set(keys);
  const parentKeys = keys.map((key) => {
    const cut = key.lastIndexOf('/');
    return cut > 0 && known.has(key.slice(0, cut)) ? key.slice(0, cut) : '';
  });
  const parentOfKey = new Map(keys.map((key, i) => [key, parentKeys[i]!]));
  const tree: TagTree = { all, levels: new Map(), children: new Map(), nested: new Map() };
  all.forEach((tag, i) => {
    const up = parentKeys[i]!;
    const label = up === '' ? tag.name : tag.name.slice(tag.name.lastIndexOf('/') + 1);
    const level = tree.levels.get(up);
    if (level) level.entries.push({ tag, key: keys[i]!, label });
    else tree.levels.set(up, { entries: [{ tag, key: keys[i]!, label }], sorted: false });
    tree.children.set(up, (tree.children.get(up) ?? 0) + 1);
    for (let key = up; key !== ''; key = parentOfKey.get(key)!) tree.nested.set(key, (tree.nested.get(key) ?? 0) + 1);
  });
  keptTrees.set(db, { stamp, tree });
  return tree;
}
const keptTrees = new WeakMap<Db, { stamp: string; tree: TagTree }>();

/** A level in the pane's order (by its last part's name), sorted when first asked for. */
function levelOf(tree: TagTree, parent: string): LevelEntry[] {
  const level = tree.levels.get(parent);
  if (!level) return [];
  if (!level.sorted) {
    level.entries.sort((a, b) => a.label.localeCompare(b.label));
    level.sorted = true;
  }
  return level.entries;
}
