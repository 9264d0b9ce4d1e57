/**
 * Errors cross the IPC boundary as values, never as thrown exceptions: Electron keeps only
 * `message` of a thrown error, and the Chromium test bridge serialises the same way.
 */
export type PizhuErrorCode =
  | 'invalid-argument' // the call's arguments did not match the contract
  | 'unknown-channel'
  | 'forbidden-sender' // the call did not come from the app's own page
  | 'not-found'
  | 'decode-failed' // bytes that no supported encoding decodes cleanly
  | 'unsupported-file'
  | 'file-too-large'
  | 'empty-file'
  | 'io-failed'
  | 'protected-path' // an export or import aimed at the library's own files or its backups folder
  | 'library-corrupt'
  | 'content-corrupt' // stored text no longer matches its checksum (store/contentHashes); detail names the row
  | 'library-too-new'
  | 'library-busy' // another Pizhu (the app, or a CLI command) has the library open for writing
  | 'import-running' // an import is running in this window: one at a time
  | 'export-running' // a Markdown export is running in this window: one at a time
  | 'override-conflict' // a term override of the same source in an overlapping mode exists; detail: its id
  | 'sync-unreachable' // no sync server answers at the address (or the sync folder is missing); detail: the address
  | 'sync-refused' // the sync server refused the member's token
  | 'sync-server-too-old' // the sync server speaks an older sync model: whoever runs it must update it
  | 'sync-refused-update' // the sync server refused a document or an update of this device's (detail: the address)
  | 'sync-timeout' // a sync did not become quiescent within its time limit
  | 'internal';

export interface PizhuError {
  code: PizhuErrorCode;
  /** One sentence a person can act on. */
  message: string;
  /** Names the file, channel or field concerned, when there is one. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PizhuError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: PizhuErrorCode, message: string, detail?: string): Result<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}
