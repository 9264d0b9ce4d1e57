import { createHash } from 'node:crypto';

/**
 * One update file of a sync folder: Yjs updates for named documents, then a SHA-256 of all that
 * came before. A file still arriving through a cloud drive fails the check and is read next time.
 */
export interface DocumentUpdate {
  name: string;
  update: Uint8Array;
}

const magic = Buffer.from('PIZHU-YUPD1\n', 'utf8');
const hashBytes = 32;

export function encodeUpdateFile(updates: DocumentUpdate[]): Buffer {
  const parts: Buffer[] = [magic];
  for (const { name, update } of updates) {
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(8);
    head.writeUInt32BE(nameBytes.length, 0);
    head.writeUInt32BE(update.length, 4);
    parts.push(head, nameBytes, Buffer.from(update));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** The file's updates, or a reason it cannot be read (yet). */
export function decodeUpdateFile(bytes: Buffer): DocumentUpdate[] | { invalid: string } {
  if (bytes.length < magic.length + hashBytes || !bytes.subarray(0, magic.length).equals(magic)) {
    return { invalid: 'not a Pizhu update file' };
  }
  const body = bytes.subarray(0, bytes.length - hashBytes);
  if (
    !createHash('sha256')
      .update(body)
      .digest()
      .equals(bytes.subarray(bytes.length - hashBytes))
  ) {
    return { invalid: 'incomplete or damaged (its checksum does not match)' };
  }
  const updates: DocumentUpdate[] = [];
  let at = magic.length;
  while (at < body.length) {
    if (at + 8 > body.length) return { invalid: 'truncated entry' };
    const nameLength = body.readUInt32BE(at);
    const updateLength = body.readUInt32BE(at + 4);
    at += 8;
    if (at + nameLength + updateLength > body.length) return { invalid: 'truncated entry' };
    const name = body.subarray(at, at + nameLength).toString('utf8');
    at += nameLength;
    updates.push({ name, update: new Uint8Array(body.subarray(at, at + updateLength)) });
    at += updateLength;
  }
  return updates;
}

/** Names a file's content: a cloud drive's copy ("x (1).yupd") has the same. */
export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
