import { LibraryError } from '../../libraryError';
import { ServerSync, type ServerSyncOptions } from '../client/serverSync';
import { syncFolderOnce } from '../folder/folderSync';
import type { SyncEndpoint } from '../syncEndpoint';

/** Where a running session syncs: a server with a member's token, or a sync folder with this device's memory of it. */
export type SyncTarget =
  | { kind: 'server'; url: string; token: string }
  | { kind: 'folder'; folder: string; memoryPath: string };

export type SyncPhase = 'off' | 'connecting' | 'synced' | 'offline' | 'error';

export interface SyncSessionStatus {
  phase: SyncPhase;
  /** When the last sync became quiescent (ISO), null before the first. */
  lastSyncAt: string | null;
  /** Local changes made since the last quiescent sync: queued while offline, sent on reconnect. */
  pending: number;
  /** Documents of the sync running now (a first sync of a large library takes a while); null when none runs. */
  progress: { done: number; total: number } | null;
  /** Why the session is offline or stopped; the next attempt is at retryAt (ISO) when it will try again. */
  problem: { code: string; message: string; retryAt: string | null } | null;
  /** The server took none of this device's changes: its member is read-only. */
  readOnly: boolean;
  /** Members syncing with the server now (this one included); null when not known (a folder, offline, an older server). */
  online: string[] | null;
}

export interface SyncSessionOptions {
  endpoint: SyncEndpoint;
  now?: () => Date;
  /** The status changed (phase, progress, pending, last sync). */
  onStatus?: (status: SyncSessionStatus) => void;
  /** Another device's changes reached these documents (already projected into the library). */
  onRemoteChange?: (docNames: string[]) => void;
  /**
   * Runs once a sync is quiescent, outside any apply: the library's upkeep that needs every device's
   * updates taken (sync/purge: this device's deletes every device has seen). What it writes goes out
   * with the next sync, as an edit would. A failure of it leaves the sync as it was: it runs again next time.
   */
  afterQuiescent?: () => void;
  /** How long one step of a sync may make no progress before the session goes offline (10 s unless given). */
  stepTimeoutMs?: number;
  /** How often a connected session checks its socket (2 s), and a folder session reads the folder (30 s). */
  heartbeatMs?: number;
  /**
   * How often a connected session brings every document in step again, as at connect (5 min): a
   * catch-all for a notice missed; it reads every document, so not at each edit.
   */
  fullSyncMs?: number;
  /** How often a connected session asks the server who is online (15 s). */
  onlineMs?: number;
  /** First wait before a reconnect, doubled per failure up to maxBackoffMs (1 s and 60 s unless given). */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface SyncSession {
  /** Starts syncing with the target (stopping a running sync first). */
  start(target: SyncTarget): void;
  /** Stops syncing; resolves once the connection is closed. */
  stop(): Promise<void>;
  status(): SyncSessionStatus;
  /** The library changed under the session (a restore from a backup): bring everything in step again now. */
  nudge(): void;
  /** Stops and lets go of the library (before it closes). */
  close(): Promise<void>;
}

/** Failures a retry cannot mend: the person must change something (the token, the address, Pizhu's version). */
const permanent = new Set(['sync-refused', 'library-too-new', 'sync-server-too-old', 'invalid-argument']);

/** Coalesces local edits made in one burst (typing, an autocode of many spans) into one sync. */
const localQuietMs = 300;

/**
 * The app's sync of its open library while it runs: connects, brings every document in step, then
 * keeps in step (local changes go out as they are made and are confirmed by a sync shortly after;
 * another device's arrive as the server announces them, and a heartbeat sync catches any missed).
 * An unreachable server or folder puts the session offline: local edits wait in the library's
 * documents and are sent on reconnect, tried again with a growing backoff. A refused token or a
 * newer library stops it with the reason.
 */
export function createSyncSession(options: SyncSessionOptions): SyncSession {
  const now = options.now ?? (() => new Date());
  const stepTimeoutMs = options.stepTimeoutMs ?? 10_000;
  const heartbeatMs = options.heartbeatMs;
  const fullSyncMs = options.fullSyncMs ?? 5 * 60_000;
  const onlineEveryMs = options.onlineMs ?? 15_000;
  const backoffMs = options.backoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;

  let status: SyncSessionStatus = {
    phase: 'off',
    lastSyncAt: null,
    pending: 0,
    progress: null,
    problem: null,
    readOnly: false,
    online: null,
  };
  /** Each start makes a new run; an old run's callbacks see they are stale and stop. */
  let run: { stopped: boolean; wake: () => void; done: Promise<void> } | undefined;
  let wakeSoon: NodeJS.Timeout | undefined;
  /** A full pass is due at the next wake (nudge). */
  let fullNeeded = false;

  const set = (change: Partial<SyncSessionStatus>) => {
    status = { ...status, ...change };
    options.onStatus?.(status);
  };

  // Remote updates come in through apply: the app hears which documents changed.
  const changedDocs = new Set<string>();
  /** Another device's updates arrived (a server announces them between syncs): afterQuiescent is due. */
  let takenSinceQuiescent = false;
  let reportSoon: NodeJS.Timeout | undefined;
  const endpoint: SyncEndpoint = {
    deviceId: options.endpoint.deviceId,
    docNames: () => options.endpoint.docNames(),
    stateVector: (name) => options.endpoint.stateVector(name),
    diff: (name, stateVector) => options.endpoint.diff(name, stateVector),
    apply(name, update) {
      options.endpoint.apply(name, update);
      takenSinceQuiescent = true;
      changedDocs.add(name);
      reportSoon ??= setTimeout(() => {
        reportSoon = undefined;
        const names = [...changedDocs];
        changedDocs.clear();
        options.onRemoteChange?.(names);
      }, 50);
    },
    onUpdate: (listener) => options.endpoint.onUpdate(listener),
  };

  // Every local change counts as pending until a sync has taken it; it also wakes the run.
  const unsubscribe = options.endpoint.onUpdate(() => {
    if (status.phase === 'off') return;
    set({ pending: status.pending + 1 });
    clearTimeout(wakeSoon);
    wakeSoon = setTimeout(() => run?.wake(), localQuietMs);
  });

  function sleep(ms: number, current: { stopped: boolean }, wakeable: { wake: () => void }): Promise<void> {
    return new Promise((resolve) => {
      if (current.stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeable.wake = () => undefined;
        resolve();
      }
      wakeable.wake = done;
    });
  }

  /**
   * A failed pass: a refused token or a newer library stops the sync with its reason (undefined);
   * anything else is offline, retried after a backoff that doubles with each failure in a row (returned).
   */
  function failed(error: unknown, failuresBefore: number, also: Partial<SyncSessionStatus> = {}): number | undefined {
    const stop = error instanceof LibraryError && permanent.has(error.code);
    const wait = Math.min(maxBackoffMs, backoffMs * 2 ** failuresBefore);
    set({
      ...also,
      phase: stop ? 'error' : 'offline',
      problem: problemOf(error, stop ? null : new Date(now().getTime() + wait).toISOString()),
    });
    return stop ? undefined : wait;
  }

  /** See afterQuiescent. Its failure (a busy file, say) changes nothing and is not the sync's: it is tried after the next sync. */
  function quiescent(): void {
    takenSinceQuiescent = false;
    try {
      options.afterQuiescent?.();
    } catch {
      // Rolled back by the library; nothing was written.
    }
  }

  function problemOf(error: unknown, retryAt: string | null): SyncSessionStatus['problem'] {
    if (error instanceof LibraryError) return { code: error.code, message: error.message, retryAt };
    return { code: 'internal', message: error instanceof Error ? error.message : String(error), retryAt };
  }

  async function serverLoop(target: Extract<SyncTarget, { kind: 'server' }>, current: NonNullable<typeof run>) {
    let failures = 0;
    const syncOptions: ServerSyncOptions = {
      url: target.url,
      token: target.token,
      timeoutMs: stepTimeoutMs,
      onProgress: (done, total) => {
        if (!current.stopped) set({ progress: total > 0 ? { done, total } : null });
      },
    };
    while (!current.stopped) {
      let sync: ServerSync | undefined;
      try {
        // A retry after a failure stays 'offline' until it succeeds.
        if (status.phase !== 'offline') set({ phase: 'connecting' });
        sync = await ServerSync.connect(endpoint, syncOptions);
        let fullSyncAt = 0;
        let askedOnlineAt = 0;
        while (!current.stopped) {
          const pendingBefore = status.pending;
          // In step with everything at connect and now and then; otherwise only this side's changes are waited on.
          const full = fullNeeded || Date.now() - fullSyncAt >= fullSyncMs;
          fullNeeded = false;
          const report = full ? await sync.syncOnce() : undefined;
          if (full) fullSyncAt = Date.now();
          else if (pendingBefore > 0) await sync.sendPending();
          if (current.stopped) break;
          failures = 0;
          // Changes made during this sync stay pending for the next one.
          if (full || pendingBefore > 0) {
            set({
              phase: 'synced',
              lastSyncAt: now().toISOString(),
              pending: Math.max(0, status.pending - pendingBefore),
              progress: null,
              problem: null,
              ...(report && { readOnly: report.readOnly }),
            });
            quiescent();
          } else if (takenSinceQuiescent) quiescent();
          // Who else syncs now: asked now and then, beside the sync (a server that does not answer leaves it unknown).
          if (Date.now() - askedOnlineAt >= onlineEveryMs) {
            askedOnlineAt = Date.now();
            const asking = sync;
            void asking.whoIsOnline().then(
              (online) => {
                if (!current.stopped && JSON.stringify(online) !== JSON.stringify(status.online)) set({ online });
              },
              () => undefined,
            );
          }
          await sleep(status.pending > 0 ? 0 : (heartbeatMs ?? 2_000), current, current);
          // A dropped socket: offline, and connected afresh (with a full sync) after the backoff.
          if (!current.stopped && !sync.connected()) {
            throw new LibraryError('sync-unreachable', `The connection to ${target.url} was lost`, target.url);
          }
        }
      } catch (error) {
        if (current.stopped) break;
        const wait = failed(error, failures++, { progress: null, online: null });
        if (wait === undefined) break;
        sync?.close();
        sync = undefined;
        await sleep(wait, current, current);
      } finally {
        sync?.close();
      }
    }
  }

  async function folderLoop(target: Extract<SyncTarget, { kind: 'folder' }>, current: NonNullable<typeof run>) {
    let failures = 0;
    if (status.lastSyncAt === null) set({ phase: 'connecting' });
    while (!current.stopped) {
      try {
        const pendingBefore = status.pending;
        await syncFolderOnce(endpoint, { folder: target.folder, memoryPath: target.memoryPath });
        if (current.stopped) break;
        failures = 0;
        set({
          phase: 'synced',
          lastSyncAt: now().toISOString(),
          pending: Math.max(0, status.pending - pendingBefore),
          problem: null,
        });
        quiescent();
        await sleep(status.pending > 0 ? 0 : (heartbeatMs ?? 30_000), current, current);
      } catch (error) {
        if (current.stopped) break;
        const wait = failed(error, failures++);
        if (wait === undefined) break;
        await sleep(wait, current, current);
      }
    }
  }

  async function stopRun(): Promise<void> {
    const current = run;
    run = undefined;
    if (!current) return;
    current.stopped = true;
    current.wake();
    await current.done;
  }

  return {
    start(target) {
      const previous = run;
      if (previous) {
        previous.stopped = true;
        previous.wake();
      }
      set({ phase: 'connecting', progress: null, problem: null, readOnly: false, online: null });
      const current = { stopped: false, wake: () => undefined, done: Promise.resolve() };
      run = current;
      current.done = (async () => {
        await previous?.done;
        if (current.stopped) return;
        await (target.kind === 'server' ? serverLoop(target, current) : folderLoop(target, current));
      })().catch((error: unknown) => {
        if (!current.stopped) set({ phase: 'error', progress: null, problem: problemOf(error, null) });
      });
    },
    async stop() {
      await stopRun();
      clearTimeout(wakeSoon);
      set({ phase: 'off', progress: null, problem: null, online: null });
    },
    status: () => status,
    nudge() {
      fullNeeded = true;
      run?.wake();
    },
    async close() {
      unsubscribe();
      await stopRun();
      clearTimeout(wakeSoon);
      clearTimeout(reportSoon);
    },
  };
}
