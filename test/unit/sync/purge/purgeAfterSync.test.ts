import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSync } from '../../../../main/cli/syncCommand';
import { createAfterSyncPurge } from '../../../../main/library/sync/purge/purgeAfterSync';
import type { Tombstone } from '../../../../main/library/sync/purge/tombstones';
import { startSyncServer } from '../../../../main/library/sync/server/syncServer';
import { createSyncSession, type SyncSession } from '../../../../main/library/sync/session/syncSession';
import { openDevices, syncAll, type Device } from '../model/syncedLibraries';
import { memberToken, tempDirs } from '../syncFixtures';

const tempDir = tempDirs('pizhu-purge-after-sync-');
const sessions: SyncSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Dump = Record<string, { highlights?: Record<string, { deleted?: boolean }> }>;
/** The article document's highlight entries, as the canonical dump holds them (deleted ones too). */
function entriesOf(d: Device): Record<string, { deleted?: boolean }> {
  const dump = d.library.sync.dump() as Dump;
  const name = Object.keys(dump).find((n) => n.startsWith('article/'))!;
  return dump[name]!.highlights ?? {};
}

/** A folder session as the app runs one (syncController): the purge after each quiescent pass. */
function folderSession(device: Device, folder: string, dir: string): SyncSession & { passes: () => number } {
  let passes = 0;
  const session = createSyncSession({
    endpoint: device.library.sync,
    heartbeatMs: 50,
    backoffMs: 50,
    maxBackoffMs: 200,
    afterQuiescent: () => {
      passes += 1;
      device.library.sync.purgeAfterSync();
    },
  });
  sessions.push(session);
  session.start({ kind: 'folder', folder, memoryPath: path.join(dir, `${device.name}.json`) });
  return Object.assign(session, { passes: () => passes });
}

describe('the purge a device runs after each sync', () => {
  it(
    'purges a delete once every listed device has seen it, and not while one has not synced since',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const folder = path.join(dir, 'Sync');
      fs.mkdirSync(folder);
      const { devices, dispose } = await openDevices(3);
      try {
        const [a, b, c] = devices as [Device, Device, Device];
        const made = a.library.annotations.createHighlight({
          paragraphId: a.paragraphId(1),
          start: 3,
          end: 7,
          color: 'yellow',
        });
        // Every device has the highlight, and each is listed in the library document.
        syncAll(devices);
        const uid = Object.keys(entriesOf(a))[0]!;
        a.library.annotations.deleteHighlight(made.id);

        // C is off. A and B sync through the folder again and again: B sees the delete, C has not.
        const sa = folderSession(a, folder, dir);
        const sb = folderSession(b, folder, dir);
        await until('the delete on B', () => entriesOf(b)[uid]?.deleted === true);
        const passesThen = sa.passes();
        await until('A passing five times more', () => sa.passes() >= passesThen + 5 && sb.passes() >= 5);
        expect(entriesOf(a)[uid]).toMatchObject({ deleted: true });
        expect(entriesOf(b)[uid]).toMatchObject({ deleted: true });
        expect(a.library.sync.purgeStatus().heldBackBy.map((held) => held.name)).toEqual(['laptop C']);

        // C syncs: it takes the delete and reports it; A purges it by itself, and the purge reaches B and C.
        folderSession(c, folder, dir);
        await until('the entry purged everywhere', () => devices.every((d) => entriesOf(d)[uid] === undefined));
        for (const d of devices) expect(d.library.getArticle(d.articleId).highlights).toEqual([]);
        const recorded = a.library.database().prepare('SELECT uid FROM sync_purged').pluck().all();
        expect(recorded).toEqual([uid]);
        expect(a.library.sync.purgeStatus()).toMatchObject({ purged: 0, waiting: 0, heldBackBy: [] });
      } finally {
        for (const s of sessions.splice(0)) await s.close();
        dispose();
      }
    },
  );

  it('pizhu sync --folder purges after its pass once the others have seen the delete, and writes the purge out before it exits', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Sync');
    fs.mkdirSync(folder);
    const { devices, dispose } = await openDevices(2);
    try {
      const [a, b] = devices as [Device, Device];
      const made = a.library.annotations.createHighlight({
        paragraphId: a.paragraphId(1),
        start: 3,
        end: 7,
        color: 'yellow',
      });
      syncAll(devices);
      const uid = Object.keys(entriesOf(a))[0]!;
      a.library.annotations.deleteHighlight(made.id);
      const lines: string[] = [];
      const io = { out: (text: string) => lines.push(text) };
      const sync = (d: Device) => runSync(d.library.sync, path.join(dir, `${d.name}.sqlite`), [], { folder }, io);

      // A's delete goes out; B has not seen it, so nothing is purged.
      await sync(a);
      expect(lines.splice(0)).toEqual([expect.stringMatching(/this device's changes written to /)]);
      // One pass of B's takes the delete and sends its report in the same pass.
      await sync(b);
      expect(lines.splice(0)).toEqual([
        expect.stringMatching(/: 1 file\(s\) from other devices applied, this device's changes written to .+\.yupd\.$/),
      ]);
      // A's next pass takes the report and purges; the purge is in the folder when the command ends.
      await sync(a);
      expect(lines.splice(0)).toEqual([
        expect.stringMatching(/: \d file\(s\) from other devices applied, this device's changes written to /),
        expect.stringMatching(
          /^Purged 1 deleted highlight\(s\) every device has seen \(\d+ bytes of sync data less\)\.$/,
        ),
      ]);
      expect(entriesOf(a)[uid]).toBeUndefined();
      expect(entriesOf(b)[uid]).toMatchObject({ deleted: true });
      await sync(b);
      expect(entriesOf(b)[uid]).toBeUndefined();
    } finally {
      dispose();
    }
  });

  it(
    'pizhu sync --server purges after its sync once the others have seen the delete, and sends the purge before it exits',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const data = path.join(dir, 'server');
      const server = await startSyncServer({ dataDir: data, host: '127.0.0.1', port: 0 });
      const { devices, dispose } = await openDevices(2);
      try {
        const [a, b] = devices as [Device, Device];
        const token = memberToken(data, 'me');
        const lines: string[] = [];
        const io = { out: (text: string) => lines.push(text) };
        const sync = (d: Device) =>
          runSync(d.library.sync, path.join(dir, `${d.name}.sqlite`), [], { server: server.url, token }, io);
        const made = a.library.annotations.createHighlight({
          paragraphId: a.paragraphId(1),
          start: 3,
          end: 7,
          color: 'yellow',
        });
        await sync(a);
        await sync(b);
        await sync(a);
        const uid = Object.keys(entriesOf(a))[0]!;
        a.library.annotations.deleteHighlight(made.id);
        lines.splice(0);
        // B has not seen the delete: A's sync purges nothing.
        await sync(a);
        expect(lines.splice(0)).toEqual([expect.stringMatching(/^Synced \d+ document\(s\)/)]);
        expect(entriesOf(a)[uid]).toMatchObject({ deleted: true });
        await sync(b);
        lines.splice(0);
        // B's report reached the server with its sync; A's next sync takes it, purges, and sends the purge.
        await sync(a);
        expect(lines.splice(0)).toEqual([
          expect.stringMatching(/^Synced \d+ document\(s\) with ws:/),
          expect.stringMatching(
            /^Purged 1 deleted highlight\(s\) every device has seen \(\d+ bytes of sync data less\)\.$/,
          ),
        ]);
        expect(entriesOf(a)[uid]).toBeUndefined();
        await sync(b);
        expect(entriesOf(b)[uid]).toBeUndefined();
        expect(lines.splice(0)).toEqual([expect.stringMatching(/^Synced \d+ document\(s\)/)]);
      } finally {
        dispose();
        await server.close();
      }
    },
  );

  it('judges every delete once after the open, then only those of the documents updates were taken into or deleted in, a bounded batch a run', async () => {
    const { devices, dispose } = await openDevices(1);
    try {
      const db = devices[0]!.library.database();
      const judged: string[][] = [];
      let taken: string[] = [];
      const runner = () =>
        createAfterSyncPurge({
          db,
          takeTaken: () => new Set(taken.splice(0)),
          batch: 2,
          purge: (list: readonly Tombstone[]) => {
            judged.push(list.map((t) => t.uid));
            return { purged: 0, waiting: list.length, kept: 0, heldBackBy: [], storedBefore: 0, storedAfter: 0 };
          },
        });
      // No delete of this device's: nothing is judged.
      expect(runner()()).toBeUndefined();
      const insert = db.prepare("INSERT INTO sync_tombstone (doc, uid, seen, deleted_at) VALUES (?, ?, x'00', ?)");
      for (const uid of ['h1', 'h2', 'h3']) insert.run('article/x', uid, '2026-01-01T00:00:00.000Z');
      insert.run('article/z', 'h4', '2026-01-01T00:00:00.000Z');
      // The library opened again: what was taken before is not known.
      const run = runner();
      // The first runs go over every one, two a run.
      expect(run()).toMatchObject({ waiting: 2 });
      expect(run()).toMatchObject({ waiting: 2 });
      // Then nothing is due: the next runs cost a query or two.
      expect(run()).toBeUndefined();
      expect(run()).toBeUndefined();
      expect(judged.splice(0)).toEqual([
        ['h1', 'h2'],
        ['h3', 'h4'],
      ]);
      // Updates taken into documents holding none of them bring no report of these: nothing is judged.
      taken = ['article/y', 'library'];
      expect(run()).toBeUndefined();
      // One taken into a document holding some may: that document's are judged.
      taken = ['article/z'];
      run();
      expect(judged.splice(0)).toEqual([['h4']]);
      // Two documents: whole documents, about a batch a run, the rest at the next.
      taken = ['article/x', 'article/z'];
      run();
      run();
      expect(run()).toBeUndefined();
      expect(judged.splice(0)).toEqual([['h1', 'h2', 'h3'], ['h4']]);
      // A new delete: its document's.
      insert.run('article/z', 'h0', '2026-01-02T00:00:00.000Z');
      run();
      expect(judged.splice(0)).toEqual([['h0', 'h4']]);
      expect(run()).toBeUndefined();
    } finally {
      dispose();
    }
  });
});
