import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../../../main/library/files/readRegularFile';
import { LibraryError } from '../../../../../main/library/libraryError';
import { maxBackupBytes } from '../../../../../main/library/export/readBackupFile';
import { annotationRows, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

const secret = 'root:$6$s3cr3t-hash-do-not-leak:19000:0:99999:7:::';

/** The LibraryError `run` throws, and how long it took to throw it. */
function refusal(run: () => unknown): { error: LibraryError; ms: number } {
  const start = performance.now();
  try {
    run();
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    return { error, ms: performance.now() - start };
  }
  throw new Error('expected a refusal');
}

let dir: string;
let fifo: string;
let sparse: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-read-'));
  fifo = path.join(dir, 'backup.json');
  execFileSync('mkfifo', [fifo]);
  // Over the limit without using the disk: a sparse file, its size set by ftruncate.
  sparse = path.join(dir, 'huge.json');
  const fd = fs.openSync(sparse, 'w');
  fs.ftruncateSync(fd, maxBackupBytes + 1);
  fs.closeSync(fd);
  fs.writeFileSync(path.join(dir, 'shadow'), `${secret}\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  const read = (file: string, maxBytes = 1024) => readRegularFile(file, { maxBytes, what: 'backup' });

  it('reads a regular file whole, up to and including the limit', () => {
    const file = path.join(dir, 'exact.txt');
    fs.writeFileSync(file, 'x'.repeat(1024));
    expect(read(file).length).toBe(1024);
    fs.writeFileSync(file, '');
    expect(read(file).length).toBe(0);
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const { error, ms } = refusal(() => read(fifo));
    expect(error.code).toBe('unsupported-file');
    expect(error.message).toContain('a pipe (FIFO)');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses devices, folders and sockets', async () => {
    expect(refusal(() => read('/dev/zero')).error).toMatchObject({ code: 'unsupported-file', message: expect.stringContaining('a device') as string });
    expect(refusal(() => read(dir)).error).toMatchObject({ code: 'unsupported-file', message: expect.stringContaining('a folder') as string });
    const socketPath = path.join(dir, 'socket');
    const server = net.createServer().listen(socketPath);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      expect(refusal(() => read(socketPath)).error.code).toBe('unsupported-file');
    } finally {
      server.close();
    }
  });

  it('refuses a file over the limit from its size, before reading it', () => {
    const { error, ms } = refusal(() => read(sparse, maxBackupBytes));
    expect(error.code).toBe('file-too-large');
    expect(error.message).toMatch(/up to 400 MB/);
    expect(ms).toBeLessThan(100);
    expect(refusal(() => read(path.join(dir, 'shadow'), 10)).error.code).toBe('file-too-large');
  });

  it('names a missing file, and says when a name was not UTF-8', () => {
    expect(refusal(() => read(path.join(dir, 'missing.json'))).error).toMatchObject({
      code: 'not-found',
      message: 'The backup "missing.json" does not exist; nothing was changed.',
    });
    // What a name with a Latin-1 byte becomes on its way into JavaScript.
    expect(refusal(() => read(path.join(dir, 'caf\uFFFD.json'))).error.message).toMatch(/its name is not valid UTF-8/);
  });
});

describe('importBackup reads only a regular file of bounded size, and never says what is in it', () => {
  let lib: SeededLibrary;
  beforeAll(async () => {
    lib = await openSeededLibrary();
  });
  afterAll(() => lib.dispose());

  it.each([
    ['/dev/zero', 'unsupported-file'],
    ['a FIFO', 'unsupported-file'],
    ['a folder', 'unsupported-file'],
    ['a sparse file one byte over the limit', 'file-too-large'],
  ])('refuses %s quickly and changes nothing', (what, code) => {
    const file = { '/dev/zero': '/dev/zero', 'a FIFO': fifo, 'a folder': dir }[what] ?? sparse;
    const before = annotationRows(lib.library.database());
    const { error, ms } = refusal(() => lib.library.importBackup(file));
    expect(error.code).toBe(code);
    expect(ms).toBeLessThan(1000);
    expect(annotationRows(lib.library.database())).toEqual(before);
    expect(lib.library.listArticles()).toHaveLength(5);
  });

  it('a file of secret text is "not JSON" at a place, without a character of it', () => {
    const { error } = refusal(() => lib.library.importBackup(path.join(dir, 'shadow')));
    expect(error.code).toBe('unsupported-file');
    expect(error.message).toMatch(/not JSON/);
    for (const piece of ['root', 's3cr3t', '$6$', '19000']) expect(error.message).not.toContain(piece);
    const later = path.join(dir, 'later.json');
    fs.writeFileSync(later, `{"format": "pizhu-backup",\n "version": 1, ${secret}}`);
    const placed = refusal(() => lib.library.importBackup(later)).error;
    expect(placed.message).toMatch(/not JSON/);
    for (const piece of ['root', 's3cr3t', '$6$']) expect(placed.message).not.toContain(piece);
  });

  it('a file that is not UTF-8 is refused as such', () => {
    const latin1 = path.join(dir, 'latin1.json');
    fs.writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(refusal(() => lib.library.importBackup(latin1)).error.message).toMatch(/not UTF-8/);
  });
});
