import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { writeTextFile } from '../../files/writeTextFile';
import { LibraryError } from '../../libraryError';
import { readRegularFile } from '../../files/readRegularFile';
import type { SyncEndpoint } from '../syncEndpoint';
import { applyAll, applyBatchLimit } from '../applyUpdates';
import { loadFolderMemory, saveFolderMemory } from './folderMemory';
import { contentHash, decodeUpdateFile, encodeUpdateFile, type DocumentUpdate } from './updateFile';

export interface FolderSyncOptions {
  /** The shared folder (Syncthing, Nextcloud, 坚果云, Dropbox...). */
  folder: string;
  /** This device's memory of what it read and wrote: a file outside the folder, next to the library. */
  memoryPath: string;
}

export interface FolderSyncReport {
  /** Other devices' files applied in this pass (a copy of one already applied is not counted). */
  applied: number;
  /** The file this device wrote, when it had changes the folder did not. */
  written?: string;
  /** The file of what taking other devices' files wrote here (a report that a delete was seen), sent in the same pass. */
  writtenOnReceipt?: string;
  /** Files left unread (still arriving, damaged, or not Pizhu's), to be tried again next time. */
  skipped: { file: string; reason: string }[];
}

const extension = '.yupd';
const deviceIdPattern = /^[\w-]{1,64}$/;
// eslint-disable-next-line no-control-regex -- the control characters are what is matched
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The largest update file read. A whole library's first file holds its annotations and its
 * articles' texts (as decoded, uncompressed: about 5 MB per 1,000 articles), below a backup of it
 * (maxBackupBytes, 400 MB); a bigger file in a folder other machines write to is refused before a byte is read.
 */
export const maxUpdateFileBytes = 256 * 1024 * 1024;

/** Why a file of the folder was left unread, in the report's words. */
function unreadable(error: unknown): string {
  if (!(error instanceof LibraryError)) throw error;
  if (error.code === 'file-too-large') return `larger than ${maxUpdateFileBytes / (1024 * 1024)} MB`;
  if (error.code === 'unsupported-file') return 'not a regular file';
  if (error.code === 'not-found') return 'removed before it was read';
  return error.message;
}

/** deviceId.seq.hash.yupd: a device's own files never clash with another's, nor with its earlier ones. */
function fileName(deviceId: string, seq: number, bytes: Buffer): string {
  return `${deviceId}.${String(seq).padStart(8, '0')}.${contentHash(bytes).slice(0, 16)}${extension}`;
}

function highestOwnSeq(deviceId: string, files: string[]): number {
  let highest = 0;
  for (const file of files) {
    const parts = file.split('.');
    if (parts[0] === deviceId && parts.length >= 3)
      highest = Math.max(highest, Number.parseInt(parts[1] ?? '', 10) || 0);
  }
  return highest;
}

/**
 * One pass of the serverless sync folder: this device's changes the folder lacks go into one new
 * file of its own (written under a temporary name and renamed, so nobody reads half of it), then
 * every other file not read before is applied. Files are immutable and applying is idempotent, so
 * any order and any duplicate converge.
 */
export async function syncFolderOnce(endpoint: SyncEndpoint, options: FolderSyncOptions): Promise<FolderSyncReport> {
  const folder = path.resolve(options.folder);
  if (!deviceIdPattern.test(endpoint.deviceId)) {
    throw new LibraryError(
      'invalid-argument',
      `A device id for a sync folder is letters, digits, - and _: ${endpoint.deviceId}`,
    );
  }
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new LibraryError('sync-unreachable', `The sync folder ${folder} does not exist or is not a folder`, folder);
  }
  const memory = loadFolderMemory(options.memoryPath, folder, endpoint);
  // The folder is written by other machines and a cloud drive: a name no Pizhu writes (a control
  // character would reach the terminal in the report) is not one of its files.
  const entries = (await fs.promises.readdir(folder, { withFileTypes: true })).filter(
    ({ name }) => name.endsWith(extension) && !name.startsWith('.') && !controlCharacter.test(name),
  );
  const files = entries.map(({ name }) => name).sort();
  // A link could lead anywhere on this machine; Pizhu never writes one.
  const links = new Set(entries.filter((entry) => entry.isSymbolicLink()).map(({ name }) => name));

  // 1. Read what is new (applied in 4, after this device's own changes are taken in 2).
  const skipped: FolderSyncReport['skipped'] = [];
  const incoming: { file: string; hash: string; updates: DocumentUpdate[] }[] = [];
  const seenHashes = new Set<string>();
  for (const file of files) {
    if (memory.files[file] !== undefined) continue;
    if (links.has(file)) {
      skipped.push({ file, reason: 'a link, not a file' });
      continue;
    }
    // A FIFO would block the read for ever, a device or a huge file fill the memory.
    let bytes: Buffer;
    try {
      bytes = readRegularFile(path.join(folder, file), { maxBytes: maxUpdateFileBytes, what: 'sync file' });
    } catch (error) {
      skipped.push({ file, reason: unreadable(error) });
      continue;
    }
    const hash = contentHash(bytes);
    if (memory.applied[hash] || seenHashes.has(hash)) {
      memory.files[file] = hash;
      continue;
    }
    const decoded = decodeUpdateFile(bytes);
    if ('invalid' in decoded) {
      skipped.push({ file, reason: decoded.invalid });
      continue;
    }
    seenHashes.add(hash);
    memory.files[file] = hash;
    incoming.push({ file, hash, updates: decoded });
  }
  const touched = new Set(incoming.flatMap(({ updates }) => updates.map(({ name }) => name)));

  // 2. What this device has that the folder lacks, against what it had at its last pass.
  const outgoing: DocumentUpdate[] = [];
  const before = new Map<string, Uint8Array>();
  for (const name of endpoint.docNames()) {
    const saved = memory.docs[name];
    const base = saved ? Y.decodeSnapshot(Buffer.from(saved, 'base64')) : Y.emptySnapshot;
    const update = endpoint.diff(name, saved ? Y.encodeStateVector(base.sv) : undefined);
    const changed = !Y.snapshotContainsUpdate(base, update);
    if (changed) outgoing.push({ name, update });
    if (changed || touched.has(name)) before.set(name, endpoint.diff(name));
  }

  // 3. One new file of this device's own. Durable (its data, then its rename by the folder's fsync)
  // before the memory that counts these changes as sent is saved in 7: after a power cut, a memory
  // that outlived the file would never send them again.
  const writeOwnFile = (updates: DocumentUpdate[]): string => {
    const bytes = encodeUpdateFile(updates);
    memory.nextSeq = Math.max(memory.nextSeq, highestOwnSeq(endpoint.deviceId, files) + 1);
    const name = fileName(endpoint.deviceId, memory.nextSeq, bytes);
    writeTextFile(path.join(folder, name), bytes, { durable: true });
    memory.nextSeq += 1;
    memory.files[name] = contentHash(bytes);
    memory.applied[contentHash(bytes)] = true;
    return name;
  };
  const written = outgoing.length > 0 ? writeOwnFile(outgoing) : undefined;

  // 4. Everyone else's. A file the library refuses is reported and read again next time. What the
  // library writes on taking them (sync/purge's seen-reports, a tag made one) is noted, to go out in 6.
  const applied: typeof incoming = [];
  const wroteOnReceipt = new Set<string>();
  const stopListening = endpoint.onUpdate((name) => wroteOnReceipt.add(name));
  try {
    for (const entry of incoming) {
      // A file of a whole library's documents: a transaction per batch of them, not per document.
      let refusal: unknown;
      for (let at = 0; at < entry.updates.length; at += applyBatchLimit) {
        const [refused] = applyAll(endpoint, entry.updates.slice(at, at + applyBatchLimit));
        if (refused && refusal === undefined) refusal = refused.error;
      }
      if (refusal !== undefined) {
        skipped.push({ file: entry.file, reason: refusal instanceof Error ? refusal.message : 'refused' });
        delete memory.files[entry.file];
        continue;
      }
      memory.applied[entry.hash] = true;
      applied.push(entry);
    }
  } finally {
    stopListening();
  }

  // 5. Remember what the folder now holds of each document: what this side had in 2 plus what it read.
  const incomingByName = new Map<string, Uint8Array[]>();
  for (const { updates } of applied) {
    for (const { name, update } of updates) incomingByName.set(name, [...(incomingByName.get(name) ?? []), update]);
  }
  for (const name of new Set([...before.keys(), ...touched])) {
    const own = before.get(name);
    memory.docs[name] = snapshotOf(name, [...(own ? [own] : []), ...(incomingByName.get(name) ?? [])]);
  }

  // 6. What taking the files wrote goes out in this pass, as a server sync sends it before it is
  // quiescent: left for the next pass, `pizhu sync --folder` would exit with it unsent, and a
  // device's report that it saw a delete would hold the deleting device's purge back a pass more.
  const afterReceipt: DocumentUpdate[] = [];
  for (const name of wroteOnReceipt) {
    const saved = memory.docs[name];
    const base = saved ? Y.decodeSnapshot(Buffer.from(saved, 'base64')) : Y.emptySnapshot;
    const update = endpoint.diff(name, saved ? Y.encodeStateVector(base.sv) : undefined);
    if (Y.snapshotContainsUpdate(base, update)) continue;
    afterReceipt.push({ name, update });
    memory.docs[name] = snapshotOf(name, [endpoint.diff(name)]);
  }
  const writtenOnReceipt = afterReceipt.length > 0 ? writeOwnFile(afterReceipt) : undefined;
  // 7. The memory last, once every file it counts is on the disk.
  saveFolderMemory(options.memoryPath, memory);
  return {
    applied: applied.length,
    ...(written !== undefined && { written }),
    ...(writtenOnReceipt !== undefined && { writtenOnReceipt }),
    skipped,
  };
}

/** What the folder holds of a document, as the folder memory keeps it: the snapshot of these updates, as base64. */
function snapshotOf(name: string, updates: readonly Uint8Array[]): string {
  // A guid given, not drawn at random (see DocumentLink).
  const doc = new Y.Doc({ gc: false, guid: name });
  for (const update of updates) Y.applyUpdate(doc, update);
  const snapshot = Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
  doc.destroy();
  return snapshot;
}
