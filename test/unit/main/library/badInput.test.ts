import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { LibraryError } from '../../../../main/library/libraryError';

const seedsDir = path.resolve(__dirname, '../../../../seeds');
let dir: string;
let library: Library;

/**
 * Makes `paths` read-only for this process and returns how to undo it. File modes do not bind
 * root, so as root the paths are made immutable (chattr +i), where the file system and the
 * process's capabilities allow; undefined where they do not (the test then says it skipped).
 */
function makeReadOnly(paths: readonly string[], fileMode: number): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    const modes = paths.map((p) => fs.statSync(p).mode & 0o777);
    for (const p of paths) fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o500 : fileMode);
    return () => paths.forEach((p, i) => fs.chmodSync(p, modes[i]!));
  }
  try {
    execFileSync('chattr', ['+i', ...paths], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return () => execFileSync('chattr', ['-i', ...paths], { stdio: 'ignore' });
}

/** Everything a user could notice: every row of every table. */
function snapshot(lib: Library): string {
  const db = lib.database();
  const tables = ['article', 'paragraph', 'highlight', 'tag', 'note', 'journal'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-bad-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  await library.seedIfNew(seedsDir);
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importOne(name: string, bytes: Uint8Array | string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const before = snapshot(library);
  const [outcome] = await library.importPaths([file]);
  return { outcome, unchanged: snapshot(library) === before };
}

describe('bad input gets a clear message and changes nothing', () => {
  it('a binary file', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(512, 0)]);
    const { outcome, unchanged } = await importOne('photo.txt', png);
    expect(outcome).toMatchObject({ status: 'failed', fileName: 'photo.txt' });
    expect(outcome?.message).toMatch(/photo\.txt/);
    expect(outcome?.message).toMatch(/binary/i);
    expect(unchanged).toBe(true);
  });

  it('an empty file and a whitespace-only file', async () => {
    for (const [name, bytes] of [
      ['empty.txt', ''],
      ['blank.txt', ' \n\r\n\t \n'],
    ] as const) {
      const { outcome, unchanged } = await importOne(name, bytes);
      expect(outcome).toMatchObject({ status: 'failed' });
      expect(outcome?.message).toMatch(new RegExp(name.replace('.', '\\.')));
      expect(outcome?.message).toMatch(/empty|only whitespace/i);
      expect(unchanged).toBe(true);
    }
  });

  it('UTF-8 cut off in the middle of a character is still read, minus the broken tail', async () => {
    const text = '这是一篇被截断的文章,最后一个字只剩半个。'.repeat(4);
    const bytes = Buffer.from(text, 'utf8');
    const { outcome } = await importOne('truncated.txt', bytes.subarray(0, bytes.length - 1));
    expect(outcome?.status).toBe('imported');
  });

  it('a 30 MB file', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 'a');
    const { outcome, unchanged } = await importOne('huge.txt', big);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome?.message).toMatch(/huge\.txt.*30 MB.*20 MB/);
    expect(unchanged).toBe(true);
  });

  it('an HTML page with scripts and inline handlers: only its text is kept, nothing runs', async () => {
    const html = `<!doctype html><html><head><title>测试页面标题</title>
      <script>globalThis.__pizhuPwned = true; throw new Error('ran')</script></head>
      <body onload="globalThis.__pizhuPwned = true"><article><h1>测试页面标题</h1>
      <p onclick="alert(1)">第一段正文,讲述一件平常的小事,内容足够长以便被识别为文章。这里还有更多的文字来填充段落。</p>
      <img src="x" onerror="globalThis.__pizhuPwned = true">
      <p>第二段正文,继续讲述这件事情的经过与结果,同样写得足够长,让提取器把它当作正文。</p></article></body></html>`;
    const { outcome } = await importOne('page.html', html);
    expect(outcome?.status).toBe('imported');
    expect((globalThis as { __pizhuPwned?: boolean }).__pizhuPwned).toBeUndefined();
    const article = library.getArticle(outcome!.articleId!);
    const text = article.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('第一段正文');
    expect(text).not.toMatch(/pizhuPwned|alert|onerror|<script/);
  });

  it('a file that disappears between listing and reading', async () => {
    const before = snapshot(library);
    const [outcome] = await library.importPaths([path.join(dir, 'gone.txt')]);
    expect(outcome).toMatchObject({ status: 'failed', fileName: 'gone.txt' });
    expect(outcome?.message).toMatch(/gone\.txt.*does not exist/);
    expect(snapshot(library)).toBe(before);
  });

  it('a file it may not read, or on a failing file system, is reported as that, not as missing', async () => {
    const file = path.join(dir, 'locked.txt');
    fs.writeFileSync(file, '一篇不能读的文章,内容足够长,是一段正文。');
    const before = snapshot(library);
    // File modes do not bind root, so the refusal the kernel would give is injected at the open.
    for (const [code, said] of [
      ['EACCES', /locked\.txt.*could not be read \(permission denied, EACCES\)/],
      ['EROFS', /locked\.txt.*could not be read \(the file system is read-only, EROFS\)/],
      ['EIO', /locked\.txt.*could not be read \(the disk reported an input\/output error, EIO\)/],
    ] as const) {
      const realOpen = fs.openSync;
      const open = vi.spyOn(fs, 'openSync').mockImplementation((target, ...rest) => {
        if (target === file) throw Object.assign(new Error(`${code}: refused`), { code });
        return realOpen(target, ...rest);
      });
      try {
        const [outcome] = await library.importPaths([file]);
        expect(outcome).toMatchObject({ status: 'failed', fileName: 'locked.txt' });
        expect(outcome?.message).toMatch(said);
        expect(outcome?.message).not.toMatch(/does not exist|ENOENT/);
      } finally {
        open.mockRestore();
      }
    }
    expect(snapshot(library)).toBe(before);
  });

  it('a file in an encoding nobody can decode (EUC-TW) is refused', async () => {
    const bytes = Buffer.from(
      '8ea2a1a18ea2a1a2c4a1c4a2c4a3c4a4c4a5c4a6c4a7c4a8c4a9c4aac4abc4acc4adc4ae8ea2b0a18ea2b0a2',
      'hex',
    );
    const { outcome, unchanged } = await importOne('old.txt', bytes);
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/old\.txt/);
    expect(unchanged).toBe(true);
  });

  it('GB18030 and Big5 files are decoded', async () => {
    const simplified = '晋江市公安局刑侦大队坚持案子发到哪背包背到哪,成功破获了一系列大案要案难案。';
    // Another story: the same one in the other script would now be skipped as a duplicate of the first.
    const traditional = '臺北市政府交通局今天公布新的公車路線圖,市民可以在各站牌查詢轉乘資訊。';
    expect((await importOne('gb.txt', iconv.encode(simplified, 'gb18030'))).outcome?.status).toBe('imported');
    expect((await importOne('big5.txt', iconv.encode(traditional, 'big5'))).outcome?.status).toBe('imported');
    const titles = library
      .listArticles()
      .map((a) => a.title)
      .join('\n');
    expect(titles).toContain('晋江市公安局');
    expect(titles).toContain('臺北市政府交通局');
  });
});

describe('bad library files', () => {
  it('a library file that is not SQLite is refused and left as it was', async () => {
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, '我的笔记,不是数据库。'.repeat(100));
    const before = fs.readFileSync(file);
    const error = await createLibrary({ dbPath: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('library-corrupt');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a library path that cannot be created gets a clear error', async () => {
    fs.writeFileSync(path.join(dir, 'a-file'), 'not a folder');
    const error = await createLibrary({ dbPath: path.join(dir, 'a-file', 'library.sqlite') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('io-failed');
    expect((error as LibraryError).message).toMatch(/cannot create or write its library/);
  });

  it('a read-only library folder gets a clear error', async (ctx) => {
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro);
    const undo = makeReadOnly([ro], 0o500);
    if (!undo) return ctx.skip();
    const error = await createLibrary({ dbPath: path.join(ro, 'library.sqlite') })
      .catch((e: unknown) => e)
      .finally(undo);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('io-failed');
  });

  it.for([
    ['folder', (file: string) => [file, path.dirname(file)]],
    ['file', (file: string) => [file]],
  ] as const)(
    'a library whose %s became read-only: a clear error, not "damaged", and the file untouched',
    async ([, readOnly], ctx) => {
      const folder = path.join(dir, 'kept');
      fs.mkdirSync(folder);
      const file = path.join(folder, 'library.sqlite');
      const kept = await createLibrary({ dbPath: file });
      await kept.seedIfNew(seedsDir);
      kept.close();
      const before = fs.readFileSync(file);
      const undo = makeReadOnly(readOnly(file), 0o400);
      if (!undo) return ctx.skip();
      const error = await createLibrary({ dbPath: file })
        .catch((e: unknown) => e)
        .finally(undo);
      expect(error).toBeInstanceOf(LibraryError);
      expect((error as LibraryError).code).toBe('io-failed'); // not library-corrupt: no backup to restore is offered
      expect((error as LibraryError).message).toMatch(/read-only or not accessible/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      const reopened = await createLibrary({ dbPath: file });
      expect(reopened.listArticles()).toHaveLength(5);
      reopened.close();
    },
  );
});
