import type * as Y from 'yjs';

/** The longest member uid, member name or device name read from a writer record. */
export const maxWriterText = 100;

/** Who wrote through one Yjs client: the member, their name then, and the device's name. */
export interface Writer {
  member: string;
  memberName: string;
  device: string;
}

/**
 * Every document's top-level `writers` map: a Yjs client id (as text) -> the Writer that wrote
 * with it. Yjs stamps every value with the id of the client that wrote it, so the value that won
 * a concurrent write names its writer exactly, whichever field it was and however the devices'
 * writes interleaved. A device draws a new client id per loaded document, so it is recorded in
 * the same transaction as that client's first write (and, coming before it in the client's own
 * order, reaches every device no later than the write). Keys are never shared: Yjs gives a
 * client whose id another device used a new one. Not part of the canonical dump: client ids are
 * drawn at random, and who wrote is not what was written.
 */
export const writersOf = (doc: Y.Doc) => doc.getMap<unknown>('writers');

/** Records the document's current client as `writer`'s, once; inside the caller's transaction. */
export function recordWriter(doc: Y.Doc, writer: Writer): void {
  const writers = writersOf(doc);
  const key = String(doc.clientID);
  if (writers.has(key)) return;
  writers.set(key, { member: writer.member, name: writer.memberName, device: writer.device });
}

/** Who wrote the value a map holds under `key` (see writerOf); null when it holds none. */
export function fieldWriter(doc: Y.Doc, map: Y.Map<unknown>, key: string): Writer | null {
  const item = map._map.get(key);
  return item ? writerOf(doc, item) : null;
}

/** Who wrote an item, when its client recorded it; null for a value written before writers were recorded. */
export function writerOf(doc: Y.Doc, item: Y.Item): Writer | null {
  const found: unknown = writersOf(doc).get(String(item.id.client));
  if (typeof found !== 'object' || found === null) return null;
  const { member, name, device } = found as Record<string, unknown>;
  if (typeof member !== 'string' || typeof device !== 'string') return null;
  // Another device's record is not checked by this device's requests: kept to lengths a notice can show.
  return {
    member: member.slice(0, maxWriterText),
    memberName: typeof name === 'string' ? name.slice(0, maxWriterText) : '',
    device: device.slice(0, maxWriterText),
  };
}
