import type { PizhuErrorCode } from './errors';

/** Longest sync server address and member token the app accepts. */
export const maxSyncUrlLength = 2_000;
export const maxSyncTokenLength = 200;

/** off: not syncing; connecting: the first sync runs; synced: in step; offline: retrying; error: stopped, see problem. */
export type SyncPhase = 'off' | 'connecting' | 'synced' | 'offline' | 'error';

/** Where the open library syncs. The member's token stays in main: the page only hears that one is kept. */
export type SyncTargetView =
  | { kind: 'server'; url: string; hasToken: true }
  | { kind: 'folder'; folder: string };

export interface SyncStatus {
  phase: SyncPhase;
  /** The target in use, or the one kept from last time when off; null when none was ever set. */
  target: SyncTargetView | null;
  /** When the last sync became quiescent (ISO), null before the first. */
  lastSyncAt: string | null;
  /** Local changes not yet taken by a sync (queued while offline). */
  pending: number;
  /** Documents of the sync running now, for a first sync of a large library; null when none runs. */
  progress: { done: number; total: number } | null;
  /** Why the sync is offline or stopped; retryAt is the next attempt (ISO), null when it will not retry. */
  problem: { code: PizhuErrorCode; message: string; retryAt: string | null } | null;
  /** The server keeps none of this device's changes: its member is read-only. */
  readOnly: boolean;
  /** Members syncing with the server now, this one included; null when not known (a sync folder, offline, an older server). */
  online: string[] | null;
  /** This device's id, as other devices and the sync folder's file names know it. */
  deviceId: string;
  /** Values of this device's another device overwrote at the same time, not yet answered. */
  conflicts: number;
}

/** A value of this device's that another device's concurrent write replaced ("keep theirs / restore yours"). */
export interface SyncConflict {
  id: number;
  /** What was overwritten: only a highlight's colour and a tag's name can be restored here; others are shown. */
  kind: 'highlight-color' | 'tag-name' | 'other';
  /** The field as the documents name it (e.g. color, name). */
  field: string;
  /** Where, for a person: the highlight's quote or the tag's current name; null when it is gone. */
  subject: string | null;
  articleId: number | null;
  articleTitle: string | null;
  /** This device's value that was lost, and the one that won, as text. */
  mine: string;
  theirs: string;
  /**
   * Who wrote the value that won: their member name (as this library knows it now) and the name of
   * the device they wrote on; null for values from before writers were recorded ("another device").
   */
  changedBy: { member: string; device: string } | null;
  recordedAt: string;
  /** Whether "restore yours" can write it back (the highlight or tag is still there). */
  restorable: boolean;
}

/** Which articles another device changed since the page last asked (library: tags, attributes or the list changed). */
export interface SyncChanges {
  articleIds: number[];
  library: boolean;
}
