/**
 * What a transport (the Hocuspocus client, the sync folder) needs from one side of a sync:
 * a set of named Yjs documents it can read differences from and apply updates to. The
 * library implements it on its SQLite file (main/library/sync); tests implement it on plain
 * Y.Docs. Transports never see rows, paths or ids of the library, only document names and
 * Yjs updates (Uint8Array in Yjs's update format v1).
 */
export interface SyncEndpoint {
  /** Stable per library file and device; names the device's files in a sync folder. */
  readonly deviceId: string;
  /**
   * Every document this side holds: 'library', one 'article/<uid>' per article's annotations and
   * one 'text/<uid>' per article's text, 'text/<uid>/<hash>' when it is a later version (each
   * written once, never changed: sync/text).
   */
  docNames(): string[];
  /** Y.encodeStateVector of the named document (an empty document's when unknown). */
  stateVector(name: string): Uint8Array;
  /** Y.encodeStateAsUpdate of the named document against another side's state vector. */
  diff(name: string, stateVector?: Uint8Array): Uint8Array;
  /**
   * Applies another side's update to the named document (creating it when new) and projects
   * it into the library in one transaction. Applying the same update twice changes nothing.
   */
  apply(name: string, update: Uint8Array): void;
  /**
   * Applies several documents' updates as apply would, in order, in one transaction when none is
   * refused (a first sync's thousands of documents, a commit each, were most of its time). A refused
   * update is left out whole, named with its error; the others are all taken. Optional: a transport
   * calls apply for each when an endpoint has none.
   */
  applyMany?(entries: readonly SyncUpdate[]): RefusedUpdate[];
  /** Called after each local change is committed, with the update it made; returns an unsubscribe. */
  onUpdate(listener: (name: string, update: Uint8Array) => void): () => void;
}

/** One document's update, as a transport hands it over. */
export interface SyncUpdate {
  name: string;
  update: Uint8Array;
}

/** An update the endpoint refused (its error says why: a LibraryError naming the document). */
export interface RefusedUpdate {
  name: string;
  error: unknown;
}
