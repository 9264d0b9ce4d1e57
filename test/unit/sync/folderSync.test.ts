import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncOnceWithServer } from '../../../main/library/sync/client/serverSync';
import { maxUpdateFileBytes, syncFolderOnce } from '../../../main/library/sync/folder/folderSync';
import { startSyncServer } from '../../../main/library/sync/server/syncServer';
import { dumpEndpoint, memoryEndpoint, refusing, type MemoryEndpoint } from './memoryEndpoint';
import { seededRandom } from './syncedArticle';
import { memberToken, replicate, tempDirs } from './syncFixtures';

const tempDir = tempDirs('pizhu-sync-folder-');

/** Three devices with fixed client ids, so the same edits give the same Yjs state on any transport. */
function devices(): MemoryEndpoint[] {
  return ['laptop', 'desktop', 'tablet'].map((id, i) => memoryEndpoint(id, 101 + i));
}

/** Round `round` of each device's offline edits: one field written on all, a shared note, documents of its own, a delete. */
function edit(all: MemoryEndpoint[], round: number): void {
  all.forEach((device, i) => {
    const library = device.doc('library').getMap('m');
    library.set('title', `${device.deviceId} ${round}`);
    library.set(`${device.deviceId}-${round}`, i);
    if (round > 0) library.delete(`${device.deviceId}-${round - 1}`);
    device.doc('article/shared').getText('t').insert(0, `${device.deviceId} 第${round}次. `);
    device.doc(`article/${device.deviceId}-${round}`).getMap('m').set('colour', round);
  });
}

/**
 * Three rounds of edits through sync folders. In step: every device has every file before the next
 * round's edits (as a server sync of all devices gives); otherwise files arrive by halves, at random.
 */
async function folderRun(seed: number, inStep: boolean): Promise<MemoryEndpoint[]> {
  const all = devices();
  const folders = all.map(() => tempDir());
  const memories = all.map((device) => path.join(tempDir(), `${device.deviceId}.json`));
  const next = seededRandom(seed);
  const pass = async (): Promise<void> => {
    for (const i of [0, 1, 2].sort(() => next() - 0.5)) {
      await syncFolderOnce(all[i] as MemoryEndpoint, { folder: folders[i] ?? '', memoryPath: memories[i] ?? '' });
    }
  };
  for (let round = 0; round < 3; round += 1) {
    edit(all, round);
    await pass();
    replicate(folders, next, inStep ? 1 : 0.5);
    await pass();
  }
  replicate(folders, next);
  await pass();
  replicate(folders, next);
  await pass();
  return all;
}

/** The same rounds through a server: every device synced twice a round, so all have everything before the next. */
async function serverRun(): Promise<MemoryEndpoint[]> {
  const dataDir = tempDir();
  const token = memberToken(dataDir, 'me');
  const server = await startSyncServer({ dataDir, port: 0 });
  try {
    const all = devices();
    for (let round = 0; round < 3; round += 1) {
      edit(all, round);
      for (const device of [...all, ...all])
        await syncOnceWithServer(device, { url: server.url, token, timeoutMs: 10_000 });
    }
    return all;
  } finally {
    await server.close();
  }
}

describe('sync folder', () => {
  it('gives the state the server path gives, whatever order the files arrive in, with duplicates', async () => {
    const server = (await serverRun()).map((device) => dumpEndpoint(device));
    expect(server[1]).toEqual(server[0]);
    expect(server[2]).toEqual(server[0]);
    const shared = (server[0]?.['article/shared']?.content as { text: string }).text;
    for (const round of [0, 1, 2])
      for (const id of ['laptop', 'desktop', 'tablet']) expect(shared).toContain(`${id} 第${round}次. `);
    for (const seed of [1, 2, 3]) {
      for (const device of await folderRun(seed, true)) expect(dumpEndpoint(device)).toEqual(server[0]);
    }
  });

  it('converges when files arrive late, by halves, in random order, with duplicates', async () => {
    for (const seed of [4, 5, 6]) {
      const [first, ...others] = (await folderRun(seed, false)).map((device) => dumpEndpoint(device));
      const shared = (first?.['article/shared']?.content as { text: string }).text;
      for (const round of [0, 1, 2])
        for (const id of ['laptop', 'desktop', 'tablet']) expect(shared).toContain(`${id} 第${round}次. `);
      for (const other of others) expect(other).toEqual(first);
    }
  });

  it('writes only files named by its own device, never half a file, and remembers what it applied', async () => {
    const [laptop, desktop] = devices() as [MemoryEndpoint, MemoryEndpoint];
    const folder = tempDir();
    const memory = path.join(tempDir(), 'desktop.json');
    laptop.doc('library').getMap('m').set('from', 'laptop');
    const laptopMemory = path.join(tempDir(), 'laptop.json');
    const laptopFirst = await syncFolderOnce(laptop, { folder, memoryPath: laptopMemory });
    expect(laptopFirst.written).toMatch(/^laptop\.00000001\.[0-9a-f]{16}\.yupd$/);
    const laptopFile = path.join(folder, laptopFirst.written ?? '');
    const laptopBytes = fs.readFileSync(laptopFile);

    desktop.doc('article/x').getText('t').insert(0, '桌面');
    // A file still arriving through the cloud drive, and a temporary file of a write in progress.
    fs.writeFileSync(
      path.join(folder, 'tablet.00000001.0000000000000000.yupd'),
      laptopBytes.subarray(0, laptopBytes.length - 5),
    );
    fs.writeFileSync(path.join(folder, '.tablet.00000002.0000000000000000.yupd.99.tmp'), laptopBytes);
    const first = await syncFolderOnce(desktop, { folder, memoryPath: memory });
    expect(first.applied).toBe(1);
    expect(first.written).toMatch(/^desktop\.00000001\./);
    expect(first.skipped).toEqual([
      { file: 'tablet.00000001.0000000000000000.yupd', reason: 'incomplete or damaged (its checksum does not match)' },
    ]);
    expect(desktop.doc('library').getMap('m').get('from')).toBe('laptop');
    // The laptop's file is untouched.
    expect(fs.readFileSync(laptopFile).equals(laptopBytes)).toBe(true);

    // A cloud drive's copy of a file already applied, and nothing new: nothing applied, nothing written.
    fs.copyFileSync(laptopFile, laptopFile.replace('.yupd', ' (1).yupd'));
    const second = await syncFolderOnce(desktop, { folder, memoryPath: memory });
    expect(second).toEqual({ applied: 0, skipped: first.skipped });
    // A delete alone is a change the folder lacks.
    desktop.doc('library').getMap('m').delete('from');
    const third = await syncFolderOnce(desktop, { folder, memoryPath: memory });
    expect(third.written).toMatch(/^desktop\.00000002\./);
    const laptopAgain = await syncFolderOnce(laptop, { folder, memoryPath: laptopMemory });
    expect(laptop.doc('library').getMap('m').has('from')).toBe(false);
    expect(laptop.doc('article/x').getText('t').toJSON()).toBe('桌面');
    expect(laptopAgain.applied).toBe(2);
  });

  it('reports a file the library refuses and reads it again next time', async () => {
    const [laptop, desktop] = devices() as [MemoryEndpoint, MemoryEndpoint];
    const folder = tempDir();
    const memory = path.join(tempDir(), 'desktop.json');
    laptop.doc('article/bad').getMap('m').set('colour', 'blue');
    const { written } = await syncFolderOnce(laptop, { folder, memoryPath: path.join(tempDir(), 'laptop.json') });
    const refused = await syncFolderOnce(refusing(desktop, 'article/bad'), { folder, memoryPath: memory });
    expect(refused).toEqual({
      applied: 0,
      skipped: [{ file: written, reason: 'No document of this library is named article/bad' }],
    });
    expect(desktop.docNames()).not.toContain('article/bad');
    expect(await syncFolderOnce(desktop, { folder, memoryPath: memory })).toEqual({ applied: 1, skipped: [] });
    expect(desktop.doc('article/bad').getMap('m').get('colour')).toBe('blue');
  });

  it.skipIf(process.platform === 'win32')(
    'leaves unread what other machines can put in the shared folder: a pipe, a link, a huge file, a name with control characters',
    { timeout: 20_000 },
    async () => {
      const [laptop, desktop] = devices() as [MemoryEndpoint, MemoryEndpoint];
      const folder = tempDir();
      laptop.doc('library').getMap('m').set('from', 'laptop');
      await syncFolderOnce(laptop, { folder, memoryPath: path.join(tempDir(), 'laptop.json') });
      // A Pizhu file of another device, kept outside the folder.
      const elsewhere = tempDir();
      const mallory = memoryEndpoint('mallory');
      mallory.doc('library').getMap('m').set('mallory', true);
      const { written } = await syncFolderOnce(mallory, {
        folder: elsewhere,
        memoryPath: path.join(tempDir(), 'm.json'),
      });
      const outside = path.join(elsewhere, written ?? '');

      execFileSync('mkfifo', [path.join(folder, 'pipe.yupd')]);
      fs.symlinkSync(outside, path.join(folder, 'link.yupd'));
      fs.closeSync(fs.openSync(path.join(folder, 'huge.yupd'), 'w'));
      fs.truncateSync(path.join(folder, 'huge.yupd'), maxUpdateFileBytes + 1);
      fs.copyFileSync(outside, path.join(folder, '\u001b[2Jred.yupd'));

      const memory = path.join(tempDir(), 'desktop.json');
      const report = await syncFolderOnce(desktop, { folder, memoryPath: memory });
      const skipped = [
        { file: 'huge.yupd', reason: 'larger than 256 MB' },
        { file: 'link.yupd', reason: 'a link, not a file' },
        { file: 'pipe.yupd', reason: 'not a regular file' },
      ];
      expect(report).toMatchObject({ applied: 1, skipped });
      expect(desktop.doc('library').getMap('m').get('from')).toBe('laptop');
      expect(desktop.doc('library').getMap('m').has('mallory')).toBe(false);
      // Tried again next time, and still not read.
      expect(await syncFolderOnce(desktop, { folder, memoryPath: memory })).toEqual({ applied: 0, skipped });
      expect(desktop.doc('library').getMap('m').has('mallory')).toBe(false);
    },
  );

  it('says clearly when the folder does not exist', async () => {
    const missing = path.join(tempDir(), 'not-there');
    await expect(
      syncFolderOnce(memoryEndpoint('x'), { folder: missing, memoryPath: path.join(tempDir(), 'm.json') }),
    ).rejects.toMatchObject({
      code: 'sync-unreachable',
      detail: missing,
    });
  });
});
