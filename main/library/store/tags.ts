import { foldToSimplified } from '../../../preload/common/foldScript';
import type { TagSummary } from '../../../preload/contract/annotationTypes';
import { ancestorsOf, depthOf, foldTagCase } from '../annotations/tagNames';
import { readTagDescriptions, removeTagDescription } from '../codebook/tagDescriptions';
import { readRow } from '../journal/journaledTables';
import type { Recorder } from '../journal/recordChanges';
import { madeBySql } from './madeHere';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';

export interface TagRow {
  id: number;
  name: string;
  color: string | null;
}

/** The tag with this name, whatever its case (the column is COLLATE NOCASE). */
export function findTag(db: Db, name: string): TagRow | undefined {
  return db.prepare('SELECT id, name, color FROM tag WHERE name = ?').get(name) as TagRow | undefined;
}

/**
 * The tag a person means by `name`: the same name in any case, else one whose name is the same
 * once both are folded to simplified characters (技術 means 技术, 臺灣 means 台湾), so a tag
 * typed in another script never becomes a second tag. A library from before this rule may
 * hold both spellings; each is still found by its own name first.
 */
export function findTagFolded(db: Db, name: string): TagRow | undefined {
  const exact = findTag(db, name);
  if (exact) return exact;
  const key = foldTagCase(foldToSimplified(name));
  // The fold maps each character to one character, so only names of the same length can match.
  const rows = db
    .prepare('SELECT id, name, color FROM tag WHERE length(name) = ? ORDER BY id')
    .all([...name].length) as TagRow[];
  return rows.find((row) => foldTagCase(foldToSimplified(row.name)) === key);
}

/** The ids of the tag `typed` names (in any case or script: 技術 finds 技术) and of every tag nested under it. */
export function tagAndNestedIds(db: Db, typed: string): number[] {
  return tagSubtree(db, canonicalTagName(db, typed, undefined, findTagFolded)).map((t) => t.id);
}

/**
 * The tag named `name` and every tag nested under it, shallowest first: the order a rename
 * must follow so that a child moved onto its old parent's name meets the parent already moved.
 */
export function tagSubtree(db: Db, name: string): TagRow[] {
  const rows = db
    .prepare(
      `SELECT id, name, color FROM tag
       WHERE name = @name OR substr(name, 1, length(@name) + 1) = @name || '/' COLLATE NOCASE`,
    )
    .all({ name }) as TagRow[];
  return rows.sort((a, b) => depthOf(a.name) - depthOf(b.name) || a.name.localeCompare(b.name));
}

/**
 * Every tag with its counts; a parent's total counts each passage under it once. Passages of
 * articles in the trash are not counted (the tag view leaves them out too); archived ones are.
 */
export function listTagSummaries(db: Db): TagSummary[] {
  const tags = db.prepare('SELECT id, name, color FROM tag ORDER BY name').all() as TagRow[];
  return summariesOf(db, tags, tags);
}

/**
 * `shown` (a subset of `all`, every tag of the library) with their counts and descriptions.
 * Only the shown tags are counted, so a page of the tag pane costs what its own subtrees hold.
 */
export function summariesOf(db: Db, all: readonly TagRow[], shown: readonly TagRow[]): TagSummary[] {
  const counts = countTags(db, all, new Set(shown.map((t) => t.id)));
  const descriptions = readTagDescriptions(db);
  return shown.map((r) => {
    const n = counts.get(r.id);
    const summary: TagSummary = { id: r.id, name: r.name, color: r.color, directCount: n?.direct ?? 0, totalCount: n?.total ?? 0 };
    const description = descriptions.get(r.id);
    if (description) summary.description = description;
    return summary;
  });
}

/**
 * Each wanted tag's own passages and those of its subtree, counted once each. Each tag's
 * subtree comes from the names here: found by comparing every name with every other in SQL
 * they cost T² string comparisons, which at 5,000 tags kept main busy for minutes. Counted
 * per wanted tag over its subtree's index rows, in the index's order: one GROUP BY over every
 * (ancestor, tag) pair sorted all 500,000 tagged highlights of a 100,000-article library in a
 * temporary B-tree first (330 ms for the pane's top level, 90 ms this way).
 */
function countTags(db: Db, all: readonly TagRow[], wanted: ReadonlySet<number>): Map<number, { direct: number; total: number }> {
  const idByName = new Map(all.map((t) => [foldTagCase(t.name), t.id]));
  const subtrees = new Map<number, number[]>();
  const add = (parent: number, tag: number) => {
    const subtree = subtrees.get(parent);
    if (subtree) subtree.push(tag);
    else subtrees.set(parent, [tag]);
  };
  for (const tag of all) {
    const folded = foldTagCase(tag.name);
    if (wanted.has(tag.id)) add(tag.id, tag.id);
    for (let cut = folded.indexOf('/'); cut > 0; cut = folded.indexOf('/', cut + 1)) {
      const parent = idByName.get(folded.slice(0, cut));
      if (parent !== undefined && wanted.has(parent)) add(parent, tag.id);
    }
  }
  const counts = new Map<number, { direct: number; total: number }>();
  if (subtrees.size === 0) return counts;
  const trash = preparedStatement(db, 'SELECT EXISTS (SELECT 1 FROM article WHERE trashed_at IS NOT NULL)').pluck().get() === 1;
  const rows = preparedStatement(db, tagCountsSql(trash)).raw().all(JSON.stringify([...subtrees])) as Array<
    [number, number, number | null]
  >;
  for (const [id, direct, total] of rows) counts.set(id, { direct, total: total ?? direct });
  return counts;
}

/**
 * For each [tag, [the ids of its subtree]] in ?: its own passages, and its subtree's, each
 * passage once (a highlight under two of the subtree's tags is one passage); NULL for the
 * subtree's when the subtree is the tag alone (its own count is that). The trash is not
 * counted: `trash` says whether any article is in it, and without one no row is tested against
 * its lists, which at the 100,000-article bench's top level (62,500 passages a tag) was a third
 * of the pane's count (store/tags countTags). Exported for the query-plan test.
 */
export function tagCountsSql(trash: boolean): string {
  const notTrashed = (column: string, list: string) => (trash ? ` AND ${column} NOT IN ${list}` : '');
  return `
  WITH
    trashed_highlights AS (SELECT h.id FROM article a JOIN highlight h ON h.article_id = a.id WHERE a.trashed_at IS NOT NULL),
    trashed_paragraphs AS (SELECT p.id FROM article a JOIN paragraph p ON p.article_id = a.id WHERE a.trashed_at IS NOT NULL)
  SELECT s.value ->> 0,
    (SELECT count(*) FROM highlight_tag ht WHERE ht.tag_id = s.value ->> 0${notTrashed('ht.highlight_id', 'trashed_highlights')})
      + (SELECT count(*) FROM paragraph_tag pt WHERE pt.tag_id = s.value ->> 0${notTrashed('pt.paragraph_id', 'trashed_paragraphs')}),
    iif(json_array_length(s.value ->> 1) = 1, NULL,
      (SELECT count(DISTINCT ht.highlight_id) FROM highlight_tag ht
        WHERE ht.tag_id IN (SELECT value FROM json_each(s.value ->> 1))${notTrashed('ht.highlight_id', 'trashed_highlights')})
      + (SELECT count(DISTINCT pt.paragraph_id) FROM paragraph_tag pt
        WHERE pt.tag_id IN (SELECT value FROM json_each(s.value ->> 1))${notTrashed('pt.paragraph_id', 'trashed_paragraphs')}))
  FROM json_each(?) s`;
}

export function readParagraphTags(db: Db, paragraphId: number): string[] {
  const rows = db
    .prepare(
      'SELECT t.name FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.paragraph_id = ? ORDER BY t.name',
    )
    .all(paragraphId) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/** A row naming one tag of one owner (a highlight or a paragraph id). */
export interface OwnedTagName {
  owner: number;
  name: string;
}

/** Tag names by owner, in the rows' order. */
export function groupTagNames(rows: readonly OwnedTagName[]): Map<number, string[]> {
  const byOwner = new Map<number, string[]>();
  for (const { owner, name } of rows) {
    const list = byOwner.get(owner);
    if (list) list.push(name);
    else byOwner.set(owner, [name]);
  }
  return byOwner;
}

/** The tags of every tagged paragraph of an article, in one query. */
export function readArticleParagraphTags(db: Db, articleId: number): Record<number, string[]> {
  const rows = db
    .prepare(
      `SELECT pt.paragraph_id, t.name FROM paragraph p
         JOIN paragraph_tag pt ON pt.paragraph_id = p.id JOIN tag t ON t.id = pt.tag_id
       WHERE p.article_id = ? ORDER BY t.name`,
    )
    .all(articleId) as Array<{ paragraph_id: number; name: string }>;
  const byParagraph: Record<number, string[]> = {};
  for (const { paragraph_id, name } of rows) (byParagraph[paragraph_id] ??= []).push(name);
  return byParagraph;
}

/**
 * The name spelled with the case of the tags that already hold its levels: with `Policing`
 * stored, `policing/Raids` becomes `Policing/Raids`. A level held by `exceptId` keeps the
 * asked-for spelling (a tag being renamed to another case).
 */
export function canonicalTagName(
  db: Db,
  name: string,
  exceptId?: number,
  find: (db: Db, name: string) => TagRow | undefined = findTag,
): string {
  let canonical = '';
  for (const part of name.split('/')) {
    const level = canonical === '' ? part : `${canonical}/${part}`;
    const found = find(db, level);
    canonical = found && found.id !== exceptId ? found.name : level;
  }
  return canonical;
}

/**
 * The id of the tag with this (normalized) name, creating it and any missing parent, so a
 * nested tag always sits in a tree whose every level exists. An existing name in another case
 * or script (技術 for 技术) is reused.
 */
export function ensureTag(rec: Recorder, name: string, now: string): number {
  const canonical = canonicalTagName(rec.db, name, undefined, findTagFolded);
  let id = 0;
  for (const level of [...ancestorsOf(canonical), canonical]) {
    id = findTag(rec.db, level)?.id ?? rec.insert('tag', { name: level, color: null, created_at: now });
  }
  return id;
}

/** Moves every attachment of one tag onto another, never attaching the same thing twice. */
export function moveAttachments(rec: Recorder, fromId: number, toId: number): void {
  // Each moved use keeps its maker: a merge changes which tag a use is, never who made it
  // (agreement counts coders' uses; their undo of one finds it as theirs, #19).
  const highlights = rec.db
    .prepare(`SELECT highlight_id, ${madeBySql('highlight_tag')} FROM highlight_tag WHERE tag_id = ?`)
    .all(fromId) as Array<{ highlight_id: number; made_by: string | null }>;
  for (const { highlight_id, made_by } of highlights) {
    attach(rec, 'highlight_tag', { highlight_id, tag_id: toId }, made_by);
    rec.remove('highlight_tag', { highlight_id, tag_id: fromId });
  }
  const paragraphs = rec.db
    .prepare(`SELECT paragraph_id, ${madeBySql('paragraph_tag')} FROM paragraph_tag WHERE tag_id = ?`)
    .all(fromId) as Array<{ paragraph_id: number; made_by: string | null }>;
  for (const { paragraph_id, made_by } of paragraphs) {
    attach(rec, 'paragraph_tag', { paragraph_id, tag_id: toId }, made_by);
    rec.remove('paragraph_tag', { paragraph_id, tag_id: fromId });
  }
}

/** Removes every attachment of a tag, then the tag. */
export function removeTag(rec: Recorder, tagId: number): void {
  const highlights = rec.db.prepare('SELECT highlight_id FROM highlight_tag WHERE tag_id = ?').all(tagId) as Array<{
    highlight_id: number;
  }>;
  for (const { highlight_id } of highlights) rec.remove('highlight_tag', { highlight_id, tag_id: tagId });
  const paragraphs = rec.db.prepare('SELECT paragraph_id FROM paragraph_tag WHERE tag_id = ?').all(tagId) as Array<{
    paragraph_id: number;
  }>;
  for (const { paragraph_id } of paragraphs) rec.remove('paragraph_tag', { paragraph_id, tag_id: tagId });
  removeTagDescription(rec, tagId);
  rec.remove('tag', { id: tagId });
}

/** Attaches unless already attached; true when it attached. */
export function attach(
  rec: Recorder,
  table: 'highlight_tag' | 'paragraph_tag',
  row: { highlight_id: number; tag_id: number } | { paragraph_id: number; tag_id: number },
  madeBy: string | null = null,
): boolean {
  const exists = readRow(rec.db, table, row) !== null;
  if (exists) return false;
  // No maker given: the insert trigger makes it this person's.
  rec.insert(table, madeBy === null ? row : { ...row, made_by: madeBy });
  return true;
}
