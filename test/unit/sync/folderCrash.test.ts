import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFolderOnce } from '../../../main/library/sync/folder/folderSync';
import { decodeUpdateFile, encodeUpdateFile } from '../../../main/library/sync/folder/updateFile';
import { dumpEndpoint, memoryEndpoint, type MemoryEndpoint } from './memoryEndpoint';
import { tempDirs } from './syncFixtures';

/**
 * A device killed (kill -9, a power cut of the app) at each point of a sync-folder pass, as the
 * files it leaves show it: its changes are in its library (SQLite commits them before a pass writes
 * anything), and what the pass had not finished is done by the next one, nothing lost or applied
 * half. The points: its file written under the temporary name and not renamed; renamed but its
 * memory of the folder not saved; another device's files applied but that memory not saved. And a
 * file the cloud drive has copied only in part is not read until it is whole.
 */
const tempDir = tempDirs('pizhu-folder-crash-');

interface Device {
  endpoint: MemoryEndpoint;
  folder: string;
  memoryPath: string;
}

function twoDevices(): [Device, Device] {
  const memories = tempDir();
  return (['laptop', 'desktop'] as const).map((id, i) => ({
    endpoint: memoryEndpoint(id, 501 + i),
    folder: tempDir(),
    memoryPath: path.join(memories, `${id}.json`),
  })) as [Device, Device];
}

const pass = (d: Device) => syncFolderOnce(d.endpoint, { folder: d.folder, memoryPath: d.memoryPath });

/** The cloud drive: every update file of one folder copied into the other, whole. */
function copyAll(from: Device, to: Device): void {
  for (const name of fs.readdirSync(from.folder).filter((f) => f.endsWith('.yupd'))) {
    if (!fs.existsSync(path.join(to.folder, name)))
      fs.copyFileSync(path.join(from.folder, name), path.join(to.folder, name));
  }
}

/** Each device writes a field, a character of a shared text and a delete. */
function edit(d: Device, round: number): void {
  const map = d.endpoint.doc('library').getMap('m');
  map.set(`${d.endpoint.deviceId}-${round}`, round);
  if (round > 0) map.delete(`${d.endpoint.deviceId}-${round - 1}`);
  d.endpoint.doc('article/shared').getText('t').insert(0, `${d.endpoint.deviceId}${round} `);
}

/** Both in step through the folders: a pass each, the files copied both ways, a pass each. */
async function settle(a: Device, b: Device): Promise<void> {
  await pass(a);
  await pass(b);
  copyAll(a, b);
  copyAll(b, a);
  await pass(a);
  await pass(b);
}

/** The memory file as it was before the pass: the kill came before the pass saved it. */
async function killedBeforeSaving(d: Device, during: () => Promise<void>): Promise<void> {
  const saved = fs.existsSync(d.memoryPath) ? fs.readFileSync(d.memoryPath) : undefined;
  await during();
  if (saved === undefined) fs.rmSync(d.memoryPath);
  else fs.writeFileSync(d.memoryPath, saved);
}

async function expectInStep(a: Device, b: Device): Promise<void> {
  await settle(a, b);
  expect(dumpEndpoint(b.endpoint)).toEqual(dumpEndpoint(a.endpoint));
  const text = a.endpoint.doc('article/shared').getText('t').toJSON();
  for (const d of [a, b])
    for (let round = 0; round < 3; round++) expect(text).toContain(`${d.endpoint.deviceId}${round} `);
  expect(a.endpoint.doc('library').getMap('m').toJSON()).toEqual({ 'laptop-2': 2, 'desktop-2': 2 });
}

describe('a sync-folder pass killed part way', () => {
  it('killed after writing its file under the temporary name: the next pass writes its changes again', async () => {
    const [a, b] = twoDevices();
    for (let round = 0; round < 3; round++) {
      edit(a, round);
      edit(b, round);
      await killedBeforeSaving(a, async () => {
        const { written } = await pass(a);
        // Not renamed yet: the temporary name is all the folder has.
        if (written) fs.renameSync(path.join(a.folder, written), path.join(a.folder, `.${written}.99999.tmp`));
      });
      await settle(a, b);
    }
    await expectInStep(a, b);
    // The temporary file is nobody's update.
    expect(fs.readdirSync(b.folder).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('killed after renaming its file, before saving its memory: the next file does not take its name', async () => {
    const [a, b] = twoDevices();
    for (let round = 0; round < 3; round++) {
      edit(a, round);
      edit(b, round);
      await killedBeforeSaving(a, async () => void (await pass(a)));
      const { written } = await pass(a);
      // Written again (the memory says the folder lacks it), as a file of its own.
      expect(written).toBeDefined();
      copyAll(a, b);
      await settle(a, b);
    }
    const own = fs.readdirSync(a.folder).filter((f) => f.startsWith('laptop.'));
    expect(new Set(own.map((f) => f.split('.')[1])).size).toBe(own.length);
    await expectInStep(a, b);
  });

  it('killed while applying the other device’s files: the next pass reads them again, and applying twice changes nothing', async () => {
    const [a, b] = twoDevices();
    for (let round = 0; round < 3; round++) {
      edit(a, round);
      edit(b, round);
      await pass(b);
      copyAll(b, a);
      await killedBeforeSaving(a, async () => void (await pass(a)));
      const again = await pass(a);
      expect(again.applied).toBeGreaterThan(0);
      await settle(a, b);
    }
    await expectInStep(a, b);
  });

  it('a file the cloud drive has copied only in part is left for the next pass, then applied whole', async () => {
    const [a, b] = twoDevices();
    edit(a, 0);
    const { written } = await pass(a);
    const bytes = fs.readFileSync(path.join(a.folder, written!));
    // Every length short of whole is refused, and nothing of it is taken.
    for (let cut = 0; cut < bytes.length; cut++)
      expect(decodeUpdateFile(bytes.subarray(0, cut))).toHaveProperty('invalid');
    fs.writeFileSync(path.join(b.folder, written!), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const early = await pass(b);
    expect(early.applied).toBe(0);
    expect(early.skipped).toEqual([{ file: written, reason: 'incomplete or damaged (its checksum does not match)' }]);
    expect(b.endpoint.doc('library').getMap('m').toJSON()).toEqual({});
    fs.writeFileSync(path.join(b.folder, written!), bytes);
    expect((await pass(b)).applied).toBe(1);
    expect(b.endpoint.doc('library').getMap('m').toJSON()).toEqual({ 'laptop-0': 0 });
  });

  it('a record cut off inside a file whose checksum was made over the cut bytes is refused, not read short', () => {
    const whole = encodeUpdateFile([{ name: 'library', update: new Uint8Array([1, 2, 3, 4]) }]);
    const body = whole.subarray(0, whole.length - 32);
    // A writer that lost the record's last bytes but hashed what it had: the entry says 4 bytes, 2 are there.
    const cut = body.subarray(0, body.length - 2);
    const rehashed = Buffer.concat([cut, createHash('sha256').update(cut).digest()]);
    expect(decodeUpdateFile(rehashed)).toEqual({ invalid: 'truncated entry' });
  });
});
