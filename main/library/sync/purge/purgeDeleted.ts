import type * as Y from 'yjs';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import { currentVersion, existingEntry, fieldOf, root } from '../model/docShape';
import { articleUidOf } from '../model/docStore';
import { covers, includesState, itemsOf, stateVectorOf } from './entryItems';
import { listedDevices, seenReport, type DeviceRecord } from './seenState';
import { dropTombstone, purgedUids, tombstones, type Tombstone } from './tombstones';

/**
 * Purging deleted highlights from this library's sync documents (#19: "soft deletes with
 * tombstones purged only after every member has seen them"). Only the device that deleted a
 * highlight purges it, and only when all of these hold:
 * 1. its delete is final for everyone who could undo it: no other device deleted it too (a second
 *    delete is an edit not covered by 2), so only this device's undo could bring the entry back,
 *    and after a purge that undo makes the entry anew from the journal's row (changesToDocs), which
 *    by 2 holds exactly what the entry held; another device's undo of an earlier edit of it writes
 *    nothing once it is purged (changesToDocs, adoptUnknownRows: the `purged` mark);
 * 2. every item of the entry, but the delete's own, was seen by this device when it deleted
 *    (sync_tombstone's state vector): no edit was concurrent with the delete, so none is lost;
 * 3. every device listed in the library document (seenState) has reported a state of this
 *    document that covers the whole entry, delete included, and this device has all those
 *    devices had then: none can still send an edit of it made before it saw the delete;
 * 4. the highlight is placed in this device's text (an orphan's place is in another text version,
 *    which the journal's row does not hold) and the document waits on nothing.
 * A device that never syncs again holds purges back for ever: purgeStatus names it (the Sync pane,
 * `pizhu sync --purge`), rather than purges going ahead without it.
 * What is purged is recorded in sync_purged (the entry's fields and comment), and the document's
 * stored updates are rewritten as its one current state in the same transaction, so the
 * entry's content leaves the file (purgedContent lets Yjs drop it from the loaded document).
 */

export interface HeldBack extends DeviceRecord {
  /** How many of this device's deletes wait on that device's report. */
  waiting: number;
  /** When it last reported a state of a document one waits in ('' when never). */
  lastReport: string;
}

export interface PurgeOutcome {
  purged: number;
  /** Deletes that may be purged later, once the devices below have reported. */
  waiting: number;
  /** Deletes that will never be purged (an edit concurrent with the delete, a revived or orphan highlight): left as tombstones. */
  kept: number;
  heldBackBy: HeldBack[];
  /** The purged documents' stored updates, in bytes, before and after. */
  storedBefore: number;
  storedAfter: number;
}

export interface PurgeContext {
  db: Db;
  deviceId: string;
  library: Y.Doc;
  doc(name: string): Y.Doc | undefined;
  /** Replaces the document's stored updates with its current state as one update. */
  rewrite(name: string): void;
  now: () => string;
}

type Verdict = { kind: 'purge'; entry: Y.Map<unknown> } | { kind: 'kept' } | { kind: 'waits'; on: DeviceRecord[] };

/**
 * Purges what may be purged (`apply`), or only says what would be (a status). Inside the caller's
 * transaction. `list`: the tombstones to judge (a bounded run after a sync), every one unless given.
 */
export function purgeDeleted(context: PurgeContext, apply: boolean, list?: readonly Tombstone[]): PurgeOutcome {
  const { db } = context;
  const devices = listedDevices(context.library).filter((d) => d.device !== context.deviceId);
  const outcome: PurgeOutcome = { purged: 0, waiting: 0, kept: 0, heldBackBy: [], storedBefore: 0, storedAfter: 0 };
  const held = new Map<string, HeldBack>();
  const purgedDocs = new Set<string>();
  const stored = (name: string) =>
    Number(
      preparedStatement(db, 'SELECT coalesce(sum(length(data)), 0) FROM sync_update WHERE doc = ?')
        .pluck(true)
        .get(name),
    );
  for (const tombstone of list ?? tombstones(db)) {
    const doc = context.doc(tombstone.doc);
    const verdict = doc ? judge(context, doc, tombstone, devices) : ({ kind: 'kept' } as const);
    if (verdict.kind === 'kept') {
      outcome.kept += 1;
      if (apply) dropTombstone(db, tombstone.doc, tombstone.uid);
      continue;
    }
    if (verdict.kind === 'waits') {
      outcome.waiting += 1;
      for (const device of verdict.on) {
        const known = held.get(device.device) ?? { ...device, waiting: 0, lastReport: '' };
        known.waiting += 1;
        const report = doc ? seenReport(doc, device.device) : undefined;
        if (report && report.at > known.lastReport) known.lastReport = report.at;
        held.set(device.device, known);
      }
      continue;
    }
    outcome.purged += 1;
    if (!apply || !doc) continue;
    if (!purgedDocs.has(tombstone.doc)) outcome.storedBefore += stored(tombstone.doc);
    purgedDocs.add(tombstone.doc);
    preparedStatement(db, 'INSERT INTO sync_purged (doc, uid, entry, purged_at) VALUES (?, ?, ?, ?)').run(
      tombstone.doc,
      tombstone.uid,
      JSON.stringify(verdict.entry.toJSON()),
      context.now(),
    );
    doc.transact(() => {
      root(doc, 'highlights').delete(tombstone.uid);
      purgedUids(doc).set(tombstone.uid, true);
    });
    dropTombstone(db, tombstone.doc, tombstone.uid);
  }
  for (const name of purgedDocs) {
    context.rewrite(name);
    outcome.storedAfter += stored(name);
  }
  outcome.heldBackBy = [...held.values()].sort(
    (a, b) => b.waiting - a.waiting || a.name.localeCompare(b.name) || a.device.localeCompare(b.device),
  );
  return outcome;
}

function judge(context: PurgeContext, doc: Y.Doc, tombstone: Tombstone, devices: DeviceRecord[]): Verdict {
  const entry = existingEntry(root(doc, 'highlights'), tombstone.uid);
  // Purged already, or put back by an undo since: nothing of this delete to purge.
  if (!entry || fieldOf(entry, 'deleted') !== true) return { kind: 'kept' };
  const deleteItem = entry._map.get('deleted');
  const items = itemsOf(entry);
  // 2: an edit this device had not seen when it deleted (another device's, or a delete of theirs too).
  if (items.some((item) => item !== deleteItem && !covers(tombstone.seen, item))) return { kind: 'kept' };
  if (!placedHere(context, doc.guid, entry)) return { kind: 'kept' };
  // Updates waiting on others not yet here may be edits of it.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return { kind: 'waits', on: [] };
  const mine = stateVectorOf(doc);
  const waitingOn = devices.filter((device) => {
    const report = seenReport(doc, device.device);
    return !report || !items.every((item) => covers(report.state, item)) || !includesState(mine, report.state);
  });
  return waitingOn.length === 0 ? { kind: 'purge', entry } : { kind: 'waits', on: waitingOn };
}

/** Whether the entry's place reads its quote in this device's text of the article (as the projection places it). */
function placedHere(context: PurgeContext, name: string, entry: Y.Map<unknown>): boolean {
  const uid = articleUidOf(name);
  if (uid === undefined) return false;
  const article = preparedStatement(context.db, 'SELECT id, content_hash FROM article WHERE uid = ?')
    .pluck(false)
    .get(uid) as { id: number; content_hash: string } | undefined;
  if (!article || article.content_hash !== currentVersion(context.library, uid)) return false;
  const ord = fieldOf(entry, 'paragraph');
  const start = fieldOf(entry, 'start_offset');
  const end = fieldOf(entry, 'end_offset');
  if (typeof ord !== 'number' || typeof start !== 'number' || typeof end !== 'number' || start > end) return false;
  const text: unknown = preparedStatement(context.db, 'SELECT text FROM paragraph WHERE article_id = ? AND ord = ?')
    .pluck(true)
    .get(article.id, ord);
  return typeof text === 'string' && text.slice(start, end) === String(fieldOf(entry, 'quote') ?? '');
}
