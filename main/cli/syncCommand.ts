import { createHash } from 'node:crypto';
import path from 'node:path';
import { ServerSync } from '../library/sync/client/serverSync';
import { syncFolderOnce } from '../library/sync/folder/folderSync';
import { addMember } from '../library/sync/server/members';
import { openServerStore } from '../library/sync/server/serverStore';
import { startSyncServer } from '../library/sync/server/syncServer';
import type { PurgeOutcome } from '../library/sync/purge/purgeDeleted';
import type { SyncEndpoint } from '../library/sync/syncEndpoint';
import { UsageError } from './cliOptions';

interface Out {
  out: (text: string) => void;
}

/** A terminal shows a sync's progress on stderr. */
interface Progress extends Out {
  err?: (text: string) => void;
  isTty?: boolean;
}

export interface SyncValues {
  port?: string;
  host?: string;
  data?: string;
  'read-only'?: boolean;
  server?: string;
  token?: string;
  folder?: string;
  json?: boolean;
}

function dataOption(values: SyncValues, command: string): string {
  if (!values.data) throw new UsageError(`${command} needs --data DIR (the server's folder)`);
  return path.resolve(values.data);
}

/** `pizhu serve --port P --data DIR [--host H]`: runs until `stop` resolves (SIGINT or SIGTERM), then closes cleanly. */
export async function runServe(values: SyncValues, io: Out, stop: Promise<unknown>): Promise<number> {
  const dataDir = dataOption(values, 'serve');
  const port = Number(values.port);
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError('serve needs --port P (0 to 65535; 0 picks a free one)');
  }
  const server = await startSyncServer({ dataDir, port, host: values.host ?? '127.0.0.1' });
  io.out(
    values.json
      ? JSON.stringify({ url: server.url, host: server.host, port: server.port })
      : `Pizhu sync server listening on ${server.url}`,
  );
  await stop;
  await server.close();
  if (!values.json) io.out('Pizhu sync server stopped; every document is stored.');
  return 0;
}

/** `pizhu members add NAME [--read-only] --data DIR`: prints the new member's token (shown this once). */
export function runMembers(args: readonly string[], values: SyncValues, io: Out): number {
  const [action, ...names] = args;
  if (action !== 'add' || names.length !== 1) throw new UsageError('members add NAME [--read-only] --data DIR');
  const store = openServerStore(dataOption(values, 'members'));
  try {
    let token: string;
    try {
      token = addMember(store.db, names[0] ?? '', values['read-only'] ?? false);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    io.out(values.json ? JSON.stringify({ name: names[0], readOnly: values['read-only'] ?? false, token }) : token);
    return 0;
  } finally {
    store.close();
  }
}

/** Where a library remembers what it read from a sync folder: beside the library file, one memory per folder. */
export function folderMemoryPath(dbPath: string, folder: string): string {
  const key = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 16);
  return path.join(path.dirname(path.resolve(dbPath)), 'sync-folders', `${path.basename(dbPath)}.${key}.json`);
}

/** A library's purge after a sync (sync/purge/purgeAfterSync); an endpoint without one (a test's) purges nothing. */
type SyncingLibrary = SyncEndpoint & { purgeAfterSync?: () => PurgeOutcome | undefined };

/** The line saying what the purge after the sync did, when it purged anything. */
function purgeLine(outcome: PurgeOutcome | undefined): string | undefined {
  if (!outcome || outcome.purged === 0) return undefined;
  return `Purged ${outcome.purged} deleted highlight(s) every device has seen (${outcome.storedBefore - outcome.storedAfter} bytes of sync data less).`;
}

/**
 * `pizhu sync --server URL --token T` or `pizhu sync --folder DIR`: once, until quiescent. Then this
 * device's deletes every device has seen are purged (bounded, in a transaction of its own), and a
 * purge goes out before the command exits, so the library is left with nothing unsent.
 */
export async function runSync(
  endpoint: SyncingLibrary,
  dbPath: string,
  args: readonly string[],
  values: SyncValues,
  io: Progress,
): Promise<number> {
  if (args.length > 0) throw new UsageError('sync takes no arguments: --server URL --token T, or --folder DIR');
  const purgeAfterSync = () => endpoint.purgeAfterSync?.();
  if (values.folder !== undefined && values.server === undefined) {
    const options = { folder: values.folder, memoryPath: folderMemoryPath(dbPath, values.folder) };
    const report = await syncFolderOnce(endpoint, options);
    const purged = purgeAfterSync();
    // The purge's own file (nothing else can be new: the pass before took everything the folder held).
    const purgeFile = purged && purged.purged > 0 ? (await syncFolderOnce(endpoint, options)).written : undefined;
    if (values.json) io.out(JSON.stringify({ ...report, ...(purged && { purge: purged }) }));
    else {
      const written = [report.written, report.writtenOnReceipt, purgeFile].filter((f) => f !== undefined);
      io.out(
        `Synced through ${path.resolve(values.folder)}: ${report.applied} file(s) from other devices applied${written.length > 0 ? `, this device's changes written to ${written.join(', ')}` : ', nothing new to write'}.`,
      );
      for (const { file, reason } of report.skipped) io.out(`not read yet: ${file}: ${reason}`);
      const line = purgeLine(purged);
      if (line) io.out(line);
    }
    return 0;
  }
  if (values.server === undefined || values.folder !== undefined)
    throw new UsageError('sync needs --server URL --token T, or --folder DIR');
  if (!values.token) throw new UsageError('sync --server needs --token T (pizhu members add prints one)');
  const progress = io.isTty && !values.json ? io.err : undefined;
  const sync = await ServerSync.connect(endpoint, {
    url: values.server,
    token: values.token,
    ...(progress && { onProgress: (done: number, total: number) => progress(`\rsyncing ${done}/${total} documents`) }),
  });
  let report: Awaited<ReturnType<ServerSync['syncOnce']>>;
  let purged: PurgeOutcome | undefined;
  try {
    report = await sync.syncOnce();
    purged = purgeAfterSync();
    if (purged && purged.purged > 0) await sync.sendPending();
  } finally {
    sync.close();
  }
  if (progress) progress('\n');
  if (values.json) io.out(JSON.stringify({ ...report, ...(purged && { purge: purged }) }));
  else {
    io.out(`Synced ${report.documents} document(s) with ${values.server}.`);
    if (report.readOnly) {
      io.out(
        report.refusedChanges > 0
          ? `This member is read-only: the server kept none of this library's changes (${report.refusedChanges} refused).`
          : 'This member is read-only: changes made here stay in this library.',
      );
    }
    const line = purgeLine(purged);
    if (line) io.out(line);
  }
  return 0;
}

/** What `pizhu purge` needs of a library's sync model. */
export interface Purging {
  purge(): PurgeOutcome;
  purgeStatus(): PurgeOutcome;
}

/**
 * `pizhu purge [status]`: purges this device's deleted highlights every listed device has seen
 * (sync/purge), or only says what it would; either way names the devices that hold the rest back.
 * A device that never syncs again holds them back for good: it is named, never skipped.
 */
export function runPurge(model: Purging, args: readonly string[], values: SyncValues, io: Out): number {
  if (args.length > 1 || (args.length === 1 && args[0] !== 'status')) throw new UsageError('purge [status]');
  const statusOnly = args[0] === 'status';
  const outcome = statusOnly ? model.purgeStatus() : model.purge();
  if (values.json) {
    io.out(JSON.stringify(outcome));
    return 0;
  }
  const saved = outcome.storedBefore - outcome.storedAfter;
  io.out(
    statusOnly
      ? `${outcome.purged} deleted highlight(s) can be purged now; ${outcome.waiting} wait for other devices.`
      : `Purged ${outcome.purged} deleted highlight(s)${outcome.purged > 0 ? ` (${saved} bytes of sync data less)` : ''}; ${outcome.waiting} wait for other devices.`,
  );
  for (const held of outcome.heldBackBy) {
    const who = held.memberName ? `${held.name} (${held.memberName})` : held.name || held.device;
    const seen = held.lastReport ? `last reported ${held.lastReport}` : 'has not reported since';
    io.out(`  held back by ${who}: ${held.waiting} delete(s), ${seen}`);
  }
  return 0;
}
