import * as Y from 'yjs';
import { LibraryError } from '../../../main/library/libraryError';
import type { SyncEndpoint } from '../../../main/library/sync/syncEndpoint';

const remote = Symbol('remote');

/** A SyncEndpoint on plain Y.Docs, as a device's library would be: for testing the transports alone. */
export interface MemoryEndpoint extends SyncEndpoint {
  /** The named document (created empty when new); changes made on it are local changes. */
  doc(name: string): Y.Doc;
}

/** clientId: every document's Yjs client id (random unless given), so two runs of one script make identical states. */
export function memoryEndpoint(deviceId: string, clientId?: number): MemoryEndpoint {
  const docs = new Map<string, Y.Doc>();
  const listeners = new Set<(name: string, update: Uint8Array) => void>();
  const doc = (name: string): Y.Doc => {
    let found = docs.get(name);
    if (!found) {
      const created = new Y.Doc({ gc: false, guid: name });
      if (clientId !== undefined) created.clientID = clientId;
      created.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === remote) return;
        for (const listener of listeners) listener(name, update);
      });
      docs.set(name, created);
      found = created;
    }
    return found;
  };
  doc('library');
  return {
    deviceId,
    doc,
    docNames: () => [...docs.keys()],
    stateVector: (name) => Y.encodeStateVector(docs.get(name) ?? new Y.Doc()),
    diff: (name, stateVector) => Y.encodeStateAsUpdate(docs.get(name) ?? new Y.Doc(), stateVector),
    apply: (name, update) => {
      Y.applyUpdate(doc(name), update, remote);
    },
    onUpdate: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The endpoint, refusing (as a library refuses an update it cannot read) every update to the named document. */
export function refusing(endpoint: MemoryEndpoint, refused: string): MemoryEndpoint {
  return {
    ...endpoint,
    apply: (name, update) => {
      if (name === refused)
        throw new LibraryError('invalid-argument', `No document of this library is named ${name}`, name);
      endpoint.apply(name, update);
    },
  };
}

/** Every document of an endpoint as what a person would read from it, plus its exact Yjs snapshot. */
export function dumpEndpoint(endpoint: MemoryEndpoint): Record<string, { content: unknown; snapshot: string }> {
  const dump: Record<string, { content: unknown; snapshot: string }> = {};
  for (const name of [...endpoint.docNames()].sort()) {
    const doc = endpoint.doc(name);
    dump[name] = {
      content: { map: doc.getMap('m').toJSON(), text: doc.getText('t').toJSON() },
      snapshot: Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64'),
    };
  }
  return dump;
}
