import {
  maxTagDescriptionPartLength,
  tagDescriptionParts,
  type TagDescription,
  type TagDescriptionText,
} from '../../../preload/contract/codebookTypes';
import type { Recorder } from '../journal/recordChanges';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';

interface DescriptionRow {
  tag_id: number;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  updated_at: string;
}

const columns = 'tag_id, definition, inclusion, exclusion, example, updated_at';

/** Every stored description by tag id. */
export function readTagDescriptions(db: Db): Map<number, TagDescription> {
  const rows = db.prepare(`SELECT ${columns} FROM tag_description`).all() as DescriptionRow[];
  return new Map(rows.map((row) => [row.tag_id, toDescription(row)]));
}

export function readTagDescription(db: Db, tagId: number): TagDescription | undefined {
  const row = db.prepare(`SELECT ${columns} FROM tag_description WHERE tag_id = ?`).get(tagId) as
    DescriptionRow | undefined;
  return row && toDescription(row);
}

/**
 * A description for a tag that has none, outside the journal (an import, which then discards
 * the undo history): the library's own is never overwritten. True when it was added.
 */
export function addTagDescription(db: Db, tagId: number, description: TagDescription): boolean {
  const { definition, inclusion, exclusion, example, updatedAt } = description;
  return (
    db
      .prepare(`INSERT INTO tag_description (${columns}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tag_id) DO NOTHING`)
      .run(tagId, definition, inclusion, exclusion, example, updatedAt).changes > 0
  );
}

/**
 * The parts as they are kept: each trimmed at its ends (a part of spaces is empty), inner line
 * breaks kept as \n. A part over the limit is refused by name, so nothing is cut silently.
 */
export function normalizeDescription(text: TagDescriptionText): TagDescriptionText {
  const out = { definition: '', inclusion: '', exclusion: '', example: '' };
  for (const part of tagDescriptionParts) {
    const value = text[part].replace(/\r\n?/g, '\n').trim();
    if (value.length > maxTagDescriptionPartLength) {
      throw new LibraryError(
        'invalid-argument',
        `The ${part} is ${value.length} characters long; a description part holds at most ${maxTagDescriptionPartLength}.`,
        part,
      );
    }
    out[part] = value;
  }
  return out;
}

export function isEmptyDescription(text: TagDescriptionText): boolean {
  return tagDescriptionParts.every((part) => text[part] === '');
}

/**
 * Writes a tag's description through the journal: all four parts empty removes it. Answers
 * whether anything changed (the same text again changes nothing, not even the date).
 */
export function writeTagDescription(rec: Recorder, tagId: number, text: TagDescriptionText, now: string): boolean {
  const next = normalizeDescription(text);
  const current = readTagDescription(rec.db, tagId);
  if (isEmptyDescription(next)) return current ? rec.remove('tag_description', { tag_id: tagId }) : false;
  if (current && tagDescriptionParts.every((part) => current[part] === next[part])) return false;
  const row = { ...next, updated_at: now };
  if (current) return rec.update('tag_description', { tag_id: tagId }, row);
  rec.insert('tag_description', { tag_id: tagId, ...row });
  return true;
}

/**
 * A tag merged into another: its description goes over when the tag it joins has none, so a
 * definition is never lost to a merge; else the holder's stays. Either way the merged tag's row
 * is removed through the journal before its tag, so undo brings both back.
 */
export function moveTagDescription(rec: Recorder, fromId: number, toId: number): void {
  const from = readTagDescription(rec.db, fromId);
  if (!from) return;
  rec.remove('tag_description', { tag_id: fromId });
  if (readTagDescription(rec.db, toId)) return;
  const { updatedAt, ...text } = from;
  rec.insert('tag_description', { tag_id: toId, ...text, updated_at: updatedAt });
}

/** Before a tag is deleted: its description goes through the journal, not the cascade. */
export function removeTagDescription(rec: Recorder, tagId: number): void {
  rec.remove('tag_description', { tag_id: tagId });
}

function toDescription(row: DescriptionRow): TagDescription {
  return {
    definition: row.definition,
    inclusion: row.inclusion,
    exclusion: row.exclusion,
    example: row.example,
    updatedAt: row.updated_at,
  };
}
