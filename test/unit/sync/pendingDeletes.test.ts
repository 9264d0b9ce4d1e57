import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLibrary, type Library } from '../../../main/library/createLibrary';

/**
 * An update that only deletes what this device has not received yet waits in the document (Yjs's
 * pending delete set) and must be in the file as well: the device may be killed, or the document
 * dropped and read again (a rolled-back transaction, many loaded), before what it deletes arrives.
 * Yjs merges a pending delete with an adjacent one already waiting ([0,3) and [3,5) become [0,5),
 * the same number of bytes), so a check by length took the second for a duplicate and did not
 * store it: read again, the document lost that delete, and a sync folder never reads the file twice.
 */
const opened: Library[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const library of opened.splice(0)) library.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(dbPath: string): Promise<Library> {
  const library = await createLibrary({ dbPath, deviceName: 'laptop' });
  opened.push(library);
  return library;
}

describe('deletes waiting for what they delete', () => {
  it('are kept in the file, each of them, and applied once it arrives after the library is opened again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-pending-deletes-'));
    dirs.push(dir);
    const dbPath = path.join(dir, 'library.sqlite');
    // Another device's words, then two deletes of neighbouring characters sent on their own.
    const other = new Y.Doc({ guid: 'library' });
    other.getText('pending-test').insert(0, 'abcdefgh');
    const words = Y.encodeStateAsUpdate(other);
    const before = Y.encodeStateVector(other);
    const later = new Y.Doc({ guid: 'library' });
    Y.applyUpdate(later, words);
    other.getText('pending-test').delete(0, 3);
    later.getText('pending-test').delete(3, 2);
    const firstDelete = Y.encodeStateAsUpdate(other, before);
    const secondDelete = Y.encodeStateAsUpdate(later, before);

    let library = await open(dbPath);
    library.sync.apply('library', firstDelete);
    library.sync.apply('library', secondDelete);
    library.close();
    opened.splice(opened.indexOf(library), 1);
    library = await open(dbPath);
    library.sync.apply('library', words);

    const read = new Y.Doc();
    Y.applyUpdate(read, library.sync.diff('library'));
    expect(read.getText('pending-test').toJSON()).toBe('fgh');
  });
});
