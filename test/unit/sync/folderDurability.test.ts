import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncFolderOnce } from '../../../main/library/sync/folder/folderSync';
import { memoryEndpoint, type MemoryEndpoint } from './memoryEndpoint';
import { tempDirs } from './syncFixtures';

/**
 * A power cut (not a kill -9: what the kernel had not written is gone too) must not leave a
 * folder memory that counts changes as sent while the file that sent them is lost: the next pass
 * would never write them again. So a pass makes each file of its own durable (its data fsynced,
 * renamed, the folder fsynced) before it writes its memory, which is made durable the same way.
 * What reaches the disk when is the order of those calls, read here from the fs calls a pass makes.
 */
const tempDir = tempDirs('pizhu-folder-durable-');

type Step = { op: 'write' | 'fsync' | 'rename'; path: string; to?: string };

/** Every write, fsync and rename a function makes through node:fs, in order (real calls, only watched). */
async function traced(run: () => Promise<unknown>): Promise<Step[]> {
  const steps: Step[] = [];
  const open = new Map<number, string>();
  const openSync = fs.openSync.bind(fs);
  const fsyncSync = fs.fsyncSync.bind(fs);
  const renameSync = fs.renameSync.bind(fs);
  const writeFileSync = fs.writeFileSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    const fd = openSync(file, flags ?? 'r', mode);
    open.set(fd, String(file));
    return fd;
  }) as typeof fs.openSync);
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    steps.push({ op: 'fsync', path: open.get(fd) ?? `fd ${fd}` });
    fsyncSync(fd);
  });
  vi.spyOn(fs, 'renameSync').mockImplementation((from: fs.PathLike, to: fs.PathLike) => {
    steps.push({ op: 'rename', path: String(from), to: String(to) });
    renameSync(from, to);
  });
  vi.spyOn(fs, 'writeFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: [never, never?]) => {
    steps.push({ op: 'write', path: String(file) });
    writeFileSync(file, ...rest);
  }) as typeof fs.writeFileSync);
  await run();
  vi.restoreAllMocks();
  return steps;
}

afterEach(() => vi.restoreAllMocks());

/**
 * The file renamed at step `renameAt`: its temporary was written and fsynced before the rename,
 * and its folder fsynced after it, before step `before`. Returns the step of the folder's fsync.
 */
function durableBefore(steps: Step[], renameAt: number, before: number): number {
  const rename = steps[renameAt]!;
  const dataSync = steps.findIndex((s, i) => i < renameAt && s.op === 'fsync' && s.path === rename.path);
  const written = steps.findIndex((s, i) => i < renameAt && s.op === 'write' && s.path === rename.path);
  expect(written, `${rename.to} written under its temporary name`).toBeGreaterThanOrEqual(0);
  expect(dataSync, `${rename.to}'s data fsynced before its rename`).toBeGreaterThan(written);
  const folderSync = steps.findIndex((s, i) => i > renameAt && s.op === 'fsync' && s.path === path.dirname(rename.to!));
  expect(folderSync, `${rename.to}'s folder fsynced after its rename`).toBeGreaterThan(renameAt);
  expect(folderSync, `${rename.to} durable before the memory is written`).toBeLessThan(before);
  return folderSync;
}

interface Device {
  endpoint: MemoryEndpoint;
  folder: string;
  memoryPath: string;
}

const pass = (d: Device) => syncFolderOnce(d.endpoint, { folder: d.folder, memoryPath: d.memoryPath });

describe('a sync-folder pass and a power cut', () => {
  it('makes its files durable before its memory, and the memory durable before it returns', async () => {
    const memories = tempDir();
    const [a, b] = (['laptop', 'desktop'] as const).map((id, i) => ({
      endpoint: memoryEndpoint(id, 701 + i),
      folder: tempDir(),
      memoryPath: path.join(memories, `${id}.json`),
    })) as [Device, Device];
    // Taking another device's changes writes one of its own (as a report that a delete was seen does):
    // B's pass writes two files, its changes and then what taking A's wrote.
    const apply = b.endpoint.apply.bind(b.endpoint);
    b.endpoint.apply = (name, update) => {
      const result = apply(name, update);
      b.endpoint.doc('library').getMap('seen').set('laptop', true);
      return result;
    };
    a.endpoint.doc('library').getMap('m').set('title', '城市与河流');
    await pass(a);
    for (const file of fs.readdirSync(a.folder)) fs.copyFileSync(path.join(a.folder, file), path.join(b.folder, file));
    b.endpoint.doc('article/x').getMap('m').set('colour', 'yellow');

    const steps = await traced(() => pass(b));
    const memoryWrite = steps.findIndex((s) => s.op === 'write' && path.dirname(s.path) === memories);
    expect(memoryWrite).toBeGreaterThan(0);
    const ownRenames = steps.flatMap((s, i) => (s.op === 'rename' && path.dirname(s.to!) === b.folder ? [i] : []));
    expect(ownRenames.map((i) => path.basename(steps[i]!.to!))).toEqual(
      fs
        .readdirSync(b.folder)
        .filter((f) => f.startsWith('desktop.'))
        .sort(),
    );
    expect(ownRenames).toHaveLength(2);
    for (const at of ownRenames) durableBefore(steps, at, memoryWrite);

    // The memory itself: written under a temporary name, fsynced, renamed over the memory, its folder fsynced.
    const memoryRename = steps.findIndex((s) => s.op === 'rename' && s.to === b.memoryPath);
    expect(steps[memoryRename]!.path).toBe(steps[memoryWrite]!.path);
    expect(durableBefore(steps, memoryRename, steps.length)).toBe(steps.length - 1);
    expect(JSON.parse(fs.readFileSync(b.memoryPath, 'utf8'))).toMatchObject({ folder: b.folder });
  });
});
