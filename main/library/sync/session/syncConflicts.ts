import type { HighlightColor } from '../../../../preload/contract/annotationTypes';
import { highlightColors } from '../../../../preload/contract/annotationTypes';
import type { SyncConflict } from '../../../../preload/contract/syncTypes';
import { LibraryError } from '../../libraryError';
import type { Db } from '../../store/openDatabase';
import { highlightColumnSql } from '../../store/highlightContext';
import { supersededRowColumns, type SupersededRow } from '../model/supersededValues';

/** The journalled writes "restore yours" makes: the person's own undoable steps. */
export interface ConflictWriters {
  recolorHighlight(highlightId: number, color: HighlightColor): unknown;
  renameTag(from: string, to: string): unknown;
}

/** The most conflicts listed at once: the newest; older ones wait for these to be answered. */
export const maxListedConflicts = 200;

const asText = (json: string): string => {
  const value: unknown = JSON.parse(json);
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/**
 * Who wrote the winning value: the member's name as this library knows it now (they may have
 * renamed themselves since), else the name their device recorded with the write. Null when the
 * write recorded nobody, or no device name: the notice then says "another device".
 */
function changedBy(db: Db, row: SupersededRow): SyncConflict['changedBy'] {
  if (row.kept_member === null || !row.kept_device) return null;
  const known = db.prepare('SELECT name FROM library_member WHERE uid = ?').pluck().get(row.kept_member) as
    string | undefined;
  const member = known ?? row.kept_member_name ?? '';
  return member === '' ? null : { member, device: row.kept_device };
}

/** What a recorded superseded value is about, and whether this device can write it back. */
function describe(db: Db, row: SupersededRow): SyncConflict {
  const [root, uid] = row.path.split('/');
  const base = {
    id: row.id,
    field: row.field,
    mine: asText(row.lost),
    theirs: asText(row.kept),
    changedBy: changedBy(db, row),
    recordedAt: row.recorded_at,
  };
  if (row.doc.startsWith('article/') && root === 'highlights' && uid) {
    const found = db
      .prepare(
        `SELECT ${highlightColumnSql('quote', 'h')}, a.id AS articleId, a.title AS title FROM highlight h
           JOIN article a ON a.id = h.article_id WHERE h.uid = ?`,
      )
      .get(uid) as { quote: string; articleId: number; title: string } | undefined;
    const kind = row.field === 'color' ? 'highlight-color' : 'other';
    return {
      ...base,
      kind,
      subject: found?.quote ?? null,
      articleId: found?.articleId ?? null,
      articleTitle: found?.title ?? null,
      restorable:
        found !== undefined && kind === 'highlight-color' && (highlightColors as readonly string[]).includes(base.mine),
    };
  }
  if (row.doc === 'library' && root === 'tags' && uid) {
    const name = db.prepare('SELECT name FROM tag WHERE uid = ?').pluck().get(uid) as string | undefined;
    const kind = row.field === 'name' ? 'tag-name' : 'other';
    return {
      ...base,
      kind,
      subject: name ?? null,
      articleId: null,
      articleTitle: null,
      restorable: name !== undefined && kind === 'tag-name' && base.mine.trim() !== '',
    };
  }
  return { ...base, kind: 'other', subject: null, articleId: null, articleTitle: null, restorable: false };
}

/** The values of this device's lost to another device's concurrent write, newest first, less those answered. */
export function listSyncConflicts(db: Db, answered: ReadonlySet<number>): SyncConflict[] {
  const rows = db
    .prepare(`SELECT ${supersededRowColumns} FROM sync_superseded ORDER BY id DESC`)
    .all() as SupersededRow[];
  const out: SyncConflict[] = [];
  for (const row of rows) {
    if (answered.has(row.id)) continue;
    out.push(describe(db, row));
    if (out.length === maxListedConflicts) break;
  }
  return out;
}

export function countSyncConflicts(db: Db, answered: ReadonlySet<number>): number {
  const ids = db.prepare('SELECT id FROM sync_superseded').pluck().all() as number[];
  return ids.filter((id) => !answered.has(id)).length;
}

/**
 * "Restore yours": writes this device's lost value back as a new local change of the person's
 * (journalled, one undo step; it then syncs like any edit and wins over the value it replaces,
 * having seen it). 'not-found' when the record or what it names is gone, 'invalid-argument' when
 * the value is not one this device can write back.
 */
export function restoreSyncConflict(db: Db, id: number, writers: ConflictWriters): void {
  const row = db.prepare(`SELECT ${supersededRowColumns} FROM sync_superseded WHERE id = ?`).get(id) as
    SupersededRow | undefined;
  if (!row) throw new LibraryError('not-found', `No sync conflict ${id}; nothing changed.`, String(id));
  const conflict = describe(db, row);
  if (!conflict.restorable) {
    throw new LibraryError(
      'invalid-argument',
      'This value cannot be restored here (what it belonged to is gone, or it is not a colour or a tag name); nothing changed.',
      String(id),
    );
  }
  const uid = row.path.split('/')[1] ?? '';
  if (conflict.kind === 'highlight-color') {
    const highlightId = db.prepare('SELECT id FROM highlight WHERE uid = ?').pluck().get(uid) as number;
    writers.recolorHighlight(highlightId, conflict.mine as HighlightColor);
  } else if (conflict.kind === 'tag-name' && conflict.subject !== null) {
    writers.renameTag(conflict.subject, conflict.mine);
  }
}
