import { foldToSimplified } from '../../../preload/common/foldScript';
import type { TagSummary } from '../../../preload/contract/annotationTypes';
import { ancestorsOf, depthOf, foldTagCase } from '../annotations/tagNames';
import { readTagDescriptions, removeTagDescription } from '../codebook/tagDescriptions';
import { readRow } from '../journal/journaledTables';
import type { Recorder } from '../journal/recordChanges';
import type { Db } from './openDatabase';

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
  const rows = db
    .prepare(
      `WITH
         pairs AS (
           SELECT p.id AS parent_id, c.id AS child_id FROM tag p JOIN tag c
             ON c.id = p.id OR substr(c.name, 1, length(p.name) + 1) = p.name || '/' COLLATE NOCASE
         ),
         trashed AS (SELECT id FROM article WHERE trashed_at IS NOT NULL),
         live_ht AS (
           SELECT ht.tag_id, ht.highlight_id FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id
           WHERE h.article_id NOT IN trashed
         ),
         live_pt AS (
           SELECT pt.tag_id, pt.paragraph_id FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
           WHERE p.article_id NOT IN trashed
         ),
         direct AS (
           SELECT tag_id, count(*) AS n FROM (SELECT tag_id FROM live_ht UNION ALL SELECT tag_id FROM live_pt)
           GROUP BY tag_id
         ),
         highlights AS (
           SELECT parent_id, count(DISTINCT ht.highlight_id) AS n
           FROM pairs JOIN live_ht ht ON ht.tag_id = pairs.child_id GROUP BY parent_id
         ),
         paragraphs AS (
           SELECT parent_id, count(DISTINCT pt.paragraph_id) AS n
           FROM pairs JOIN live_pt pt ON pt.tag_id = pairs.child_id GROUP BY parent_id
         )
       SELECT t.id, t.name, t.color, coalesce(d.n, 0) AS direct_count,
         coalesce(h.n, 0) + coalesce(p.n, 0) AS total_count
       FROM tag t
         LEFT JOIN direct d ON d.tag_id = t.id
         LEFT JOIN highlights h ON h.parent_id = t.id
         LEFT JOIN paragraphs p ON p.parent_id = t.id
       ORDER BY t.name`,
    )
    .all() as Array<TagRow & { direct_count: number; total_count: number }>;
  const descriptions = readTagDescriptions(db);
  return rows.map((r) => {
    const summary: TagSummary = {
      id: r.id,
      name: r.name,
      color: r.color,
      directCount: r.direct_count,
      totalCount: r.total_count,
    };
    const description = descriptions.get(r.id);
    if (description) summary.description = description;
    return summary;
  });
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
  const highlights = rec.db.prepare('SELECT highlight_id FROM highlight_tag WHERE tag_id = ?').all(fromId) as Array<{
    highlight_id: number;
  }>;
  for (const { highlight_id } of highlights) {
    attach(rec, 'highlight_tag', { highlight_id, tag_id: toId });
    rec.remove('highlight_tag', { highlight_id, tag_id: fromId });
  }
  const paragraphs = rec.db.prepare('SELECT paragraph_id FROM paragraph_tag WHERE tag_id = ?').all(fromId) as Array<{
    paragraph_id: number;
  }>;
  for (const { paragraph_id } of paragraphs) {
    attach(rec, 'paragraph_tag', { paragraph_id, tag_id: toId });
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
): boolean {
  const exists = readRow(rec.db, table, row) !== null;
  if (exists) return false;
  rec.insert(table, row);
  return true;
}
