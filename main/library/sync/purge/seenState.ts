import * as Y from 'yjs';
import { fieldOf, root } from '../model/docShape';
import { covers, decodeState, encodeState, itemsOf, stateVectorOf } from './entryItems';

/**
 * What each device has seen, replicated so a deleting device can tell when its delete may be
 * purged (purgeDeleted). Two top-level maps, each device writing only its own keys (so two
 * devices' writes never meet under one key):
 * - the library document's `purge_devices`: device id -> { member, name, device }, written when
 *   the device first takes anything from another device, before it can have edited anything it
 *   took. A purge waits for every device listed here.
 * - an article document's `purge_seen`: device id -> { state, at }: the device's state vector of
 *   that document (base64) when it last took updates that held a deleted highlight it had not
 *   reported, and when. Written only then, so reports do not answer each other for ever.
 * Neither is in the canonical dump: they say what a device had seen, not what a person wrote.
 */
export const purgeDevices = (library: Y.Doc) => library.getMap<unknown>('purge_devices');
export const seenReports = (doc: Y.Doc) => doc.getMap<unknown>('purge_seen');

export interface DeviceRecord {
  device: string;
  member: string;
  memberName: string;
  name: string;
}

export interface SeenReport {
  state: Map<number, number>;
  at: string;
}

/** Lists this device in the library document, once (inside the caller's transaction). */
export function registerDevice(library: Y.Doc, record: DeviceRecord): void {
  const devices = purgeDevices(library);
  if (devices.has(record.device)) return;
  devices.set(record.device, { member: record.member, memberName: record.memberName, name: record.name });
}

export function listedDevices(library: Y.Doc): DeviceRecord[] {
  const out: DeviceRecord[] = [];
  purgeDevices(library).forEach((value, device) => {
    const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const text = (key: string) => (typeof v[key] === 'string' ? v[key] : '');
    out.push({ device, member: text('member'), memberName: text('memberName'), name: text('name') });
  });
  return out.sort((a, b) => a.device.localeCompare(b.device));
}

export function seenReport(doc: Y.Doc, device: string): SeenReport | undefined {
  const value = seenReports(doc).get(device);
  if (typeof value !== 'object' || value === null) return undefined;
  const { state, at } = value as Record<string, unknown>;
  if (typeof state !== 'string') return undefined;
  try {
    return { state: decodeState(state), at: typeof at === 'string' ? at : '' };
  } catch {
    return undefined;
  }
}

/** The deleted highlight entries of an article document. */
export function deletedEntries(doc: Y.Doc): Array<[string, Y.Map<unknown>]> {
  const out: Array<[string, Y.Map<unknown>]> = [];
  root(doc, 'highlights').forEach((value, uid) => {
    if (value instanceof Y.Map && fieldOf(value as Y.Map<unknown>, 'deleted') === true)
      out.push([uid, value as Y.Map<unknown>]);
  });
  return out;
}

/**
 * Whether this device's report of an article document is out of date: the document holds a
 * deleted highlight (with all its edits) that its last report does not cover.
 */
export function reportDue(doc: Y.Doc, device: string): boolean {
  const deleted = deletedEntries(doc);
  if (deleted.length === 0) return false;
  const last = seenReport(doc, device);
  return !last || !deleted.every(([, entry]) => itemsOf(entry).every((item) => covers(last.state, item)));
}

/** Writes the device's state vector of the document as its report (inside the caller's transaction). */
export function reportSeen(doc: Y.Doc, device: string, at: string): void {
  seenReports(doc).set(device, { state: encodeState(stateVectorOf(doc)), at });
}

/**
 * After this device took another device's updates into a document (syncModel.apply, in its
 * transaction): the device is listed, the first time, before it can edit anything it took; and an
 * article document holding a deleted highlight this device has not reported gets its report.
 */
export function afterTaking(name: string, doc: Y.Doc, library: Y.Doc, me: DeviceRecord, at: string): void {
  if (me.device === '') return;
  if (!purgeDevices(library).has(me.device)) library.transact(() => registerDevice(library, me));
  if (name.startsWith('article/') && reportDue(doc, me.device)) doc.transact(() => reportSeen(doc, me.device, at));
}
