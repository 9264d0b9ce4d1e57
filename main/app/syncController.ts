import type { PizhuErrorCode } from '../../preload/contract/errors';
import type { SyncChanges, SyncConflict, SyncStatus, SyncTargetView } from '../../preload/contract/syncTypes';
import { folderMemoryPath } from '../cli/syncCommand';
import type { Library } from '../library/createLibrary';
import { LibraryError } from '../library/libraryError';
import { articleIdOfUid } from '../library/sync/model/articleRows';
import { articleUidOf } from '../library/sync/model/docStore';
import { countSyncConflicts, listSyncConflicts, restoreSyncConflict } from '../library/sync/session/syncConflicts';
import { createSyncSession, type SyncSessionStatus } from '../library/sync/session/syncSession';
import type { SyncEndpoint } from '../library/sync/syncEndpoint';
import type { SyncSettingsFile } from './syncSettings';

export interface SyncControllerDeps {
  library: Library;
  settings: SyncSettingsFile;
  /** Main's folder dialog for the sync folder; null when cancelled (or where there is no one to ask). */
  chooseSyncFolder?: () => Promise<string | null>;
  /** Tells the window the sync's state moved on (it then asks getSyncStatus). */
  announceStatus?: () => void;
  /** Tells the window another device's changes arrived (it then asks takeSyncChanges). */
  announceChanges?: () => void;
  /** Shorter waits for tests; the app's are the session's defaults. */
  timing?: { heartbeatMs?: number; backoffMs?: number; maxBackoffMs?: number; stepTimeoutMs?: number };
}

export interface SyncController {
  status(): SyncStatus;
  startServer(url: string, token: string | undefined): SyncStatus;
  chooseFolder(): Promise<SyncStatus | null>;
  stop(): Promise<SyncStatus>;
  takeChanges(): SyncChanges;
  conflicts(): SyncConflict[];
  resolveConflict(id: number, keep: 'theirs' | 'mine'): SyncStatus;
  /** Resumes the sync kept from last time (at start). */
  resume(): void;
  close(): Promise<void>;
}

const knownCodes = new Set<PizhuErrorCode>([
  'sync-unreachable',
  'sync-refused',
  'sync-timeout',
  'library-too-new',
  'sync-server-too-old',
  'sync-refused-update',
  'invalid-argument',
]);

/**
 * The app's sync of its open library (#19 item 4): a session kept in main while the app runs, its
 * settings beside the library, the page told when the state moves or another device's changes
 * arrive. The address and token come from the page, a folder only from main's dialog.
 */
export function createSyncController(deps: SyncControllerDeps): SyncController {
  const { library, settings } = deps;
  // Read through library.sync on each call: a restore from a backup remakes it in place (the same
  // object, its methods those of a new model), and the listeners of the local changes are moved
  // onto the new one (checked at each call and every 2 s).
  const listeners = new Set<(name: string, update: Uint8Array) => void>();
  let subscribed: { model: unknown; unsubscribe: () => void } | undefined;
  const current = (): Library['sync'] => {
    const model = library.sync;
    // The model is known by its onUpdate method, compared by identity (never called unbound).
    // eslint-disable-next-line @typescript-eslint/unbound-method -- see above
    const identity: unknown = model.onUpdate;
    if (subscribed?.model !== identity) {
      const replaced = subscribed !== undefined;
      subscribed?.unsubscribe();
      const unsubscribe = model.onUpdate((name, update) => {
        for (const listener of listeners) listener(name, update);
      });
      subscribed = { model: identity, unsubscribe };
      // Restored from a backup: what changed is not known, so everything is brought in step.
      if (replaced) queueMicrotask(() => session.nudge());
    }
    return model;
  };
  const follow = setInterval(() => void current(), 2_000);
  follow.unref();
  const endpoint: SyncEndpoint = {
    get deviceId() {
      return current().deviceId;
    },
    docNames: () => current().docNames(),
    stateVector: (name) => current().stateVector(name),
    diff: (name, sv) => current().diff(name, sv),
    apply: (name, update) => current().apply(name, update),
    onUpdate: (listener) => {
      current();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const changes: { articleIds: Set<number>; library: boolean } = { articleIds: new Set(), library: false };
  const session = createSyncSession({
    endpoint,
    ...deps.timing,
    // This device's deletes every device has now seen leave the documents (sync/purge).
    afterQuiescent: () => void current().purgeAfterSync(),
    onStatus: () => deps.announceStatus?.(),
    onRemoteChange: (names) => {
      for (const name of names) {
        const uid = articleUidOf(name);
        const articleId = uid === undefined ? undefined : articleIdOfUid(library.database(), uid);
        if (articleId !== undefined) changes.articleIds.add(articleId);
        else changes.library = true;
      }
      deps.announceChanges?.();
      // A conflict may have been recorded with the change.
      deps.announceStatus?.();
    },
  });

  const answered = () => new Set(settings.get().answered);

  const targetView = (): SyncTargetView | null => {
    const kept = settings.get();
    if (kept.active === 'folder' && kept.folder) return { kind: 'folder', folder: kept.folder };
    if (kept.server) return { kind: 'server', url: kept.server.url, hasToken: true };
    if (kept.folder) return { kind: 'folder', folder: kept.folder };
    return null;
  };

  const problemOf = (problem: SyncSessionStatus['problem']): SyncStatus['problem'] => {
    if (!problem) return null;
    const code = knownCodes.has(problem.code as PizhuErrorCode) ? (problem.code as PizhuErrorCode) : 'internal';
    return { code, message: problem.message, retryAt: problem.retryAt };
  };

  const status = (): SyncStatus => {
    const now = session.status();
    return {
      phase: now.phase,
      target: targetView(),
      lastSyncAt: now.lastSyncAt,
      pending: now.pending,
      progress: now.progress,
      problem: problemOf(now.problem),
      readOnly: now.readOnly,
      online: now.online,
      deviceId: library.sync.deviceId,
      conflicts: countSyncConflicts(library.database(), answered()),
    };
  };

  const startFolder = (folder: string) =>
    session.start({ kind: 'folder', folder, memoryPath: folderMemoryPath(library.path, folder) });

  return {
    status,
    startServer(url, token) {
      const kept = settings.get();
      // Without a token: the one kept for this address (the page never has it to send back).
      const useToken = token ?? (kept.server?.url === url ? kept.server.token : undefined);
      if (useToken === undefined) {
        throw new LibraryError('invalid-argument', `A member token is needed for ${url} (pizhu members add prints one).`, url);
      }
      settings.set({ ...kept, server: { url, token: useToken }, active: 'server' });
      session.start({ kind: 'server', url, token: useToken });
      return status();
    },
    async chooseFolder() {
      const folder = (await deps.chooseSyncFolder?.()) ?? null;
      if (folder === null) return null;
      settings.set({ ...settings.get(), folder, active: 'folder' });
      startFolder(folder);
      return status();
    },
    async stop() {
      await session.stop();
      settings.set({ ...settings.get(), active: null });
      return status();
    },
    takeChanges() {
      const taken = { articleIds: [...changes.articleIds].sort((a, b) => a - b), library: changes.library };
      changes.articleIds.clear();
      changes.library = false;
      return taken;
    },
    conflicts: () => listSyncConflicts(library.database(), answered()),
    resolveConflict(id, keep) {
      const kept = settings.get();
      const known = library.database().prepare('SELECT 1 FROM sync_superseded WHERE id = ?').get(id);
      if (!known) throw new LibraryError('not-found', `No sync conflict ${id}; nothing changed.`, String(id));
      if (keep === 'mine') {
        restoreSyncConflict(library.database(), id, {
          recolorHighlight: (highlightId, color) => library.annotations.updateHighlight(highlightId, color),
          renameTag: (from, to) => library.annotations.renameTag(from, to),
        });
      }
      if (!kept.answered.includes(id)) settings.set({ ...kept, answered: [...kept.answered, id] });
      return status();
    },
    resume() {
      const kept = settings.get();
      if (kept.active === 'server' && kept.server) session.start({ kind: 'server', ...kept.server });
      else if (kept.active === 'folder' && kept.folder) startFolder(kept.folder);
    },
    async close() {
      clearInterval(follow);
      await session.close();
      subscribed?.unsubscribe();
      listeners.clear();
    },
  };
}
