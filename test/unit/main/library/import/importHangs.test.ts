import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../../preload/contract/articleTypes';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { findImportFiles } from '../../../../../main/library/import/findImportFiles';
import type { StartParseWorker } from '../../../../../main/library/import/fileParser';
import { LibraryError } from '../../../../../main/library/libraryError';
import { startParseWorkerFromSource } from '../../../../support/parseWorkerFromSource';

const repo = path.resolve(__dirname, '../../../../..');
let dir: string;
let library: Library | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-hangs-'));
});
afterEach(() => {
  library?.close();
  library = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A short article whose text differs by `n`, so that every file is a new article. */
function article(n: number | string): string {
  return `第${n}篇文章的标题\n\n这是第${n}篇文章的正文,讲述一件普通的小事,写得足够长,让导入把它当作一段正文。`;
}

async function open(options: Partial<Parameters<typeof createLibrary>[0]> = {}): Promise<Library> {
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), ...options });
  return library;
}

function articleCount(lib: Library): number {
  return lib.listArticles().length;
}

/**
 * Imports in a child process (test/support/importChild.ts) that is killed after `timeoutMs` and
 * capped in memory: the imports tested this way blocked or exhausted whoever ran them.
 */
function importInChild(paths: string[], timeoutMs = 60_000): { outcomes: ImportOutcome[]; ms: number } {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=512', '--import', 'tsx', 'test/support/importChild.ts', path.join(dir, 'child.sqlite'), ...paths],
    { cwd: repo, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const ms = Date.now() - started;
  if (child.error || child.status !== 0) {
    throw new Error(`the import did not finish (${child.error?.message ?? `exit ${child.status}`}): ${child.stderr.slice(-2000)}`);
  }
  return { outcomes: JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ImportOutcome[], ms };
}

function mkfifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('folder walks cannot crash or hang', () => {
  it('a symlink loop: each file is imported once, nothing else is reported', async () => {
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'a.txt'), article('甲'));
    fs.writeFileSync(path.join(folder, 'sub', 'b.txt'), article('乙'));
    fs.symlinkSync('.', path.join(folder, 'loop'));
    fs.symlinkSync('..', path.join(folder, 'sub', 'up'));
    const lib = await open();
    const outcomes = await lib.importPaths([folder]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['a.txt', 'imported'],
      ['b.txt', 'imported'],
    ]);
  });

  it('symlinks branching 25 levels deep: returns in seconds with each file once', () => {
    // Each level holds one file and two links to the next level: 2^25 paths, 26 files.
    const levels = 25;
    for (let i = 0; i <= levels; i++) {
      const level = path.join(dir, `level${i}`);
      fs.mkdirSync(level);
      fs.writeFileSync(path.join(level, `${String(i).padStart(2, '0')}.txt`), article(i));
      if (i < levels) {
        fs.symlinkSync(path.join(dir, `level${i + 1}`), path.join(level, 'a'));
        fs.symlinkSync(path.join(dir, `level${i + 1}`), path.join(level, 'b'));
      }
    }
    const { outcomes, ms } = importInChild([path.join(dir, 'level0')]);
    expect(outcomes).toHaveLength(levels + 1);
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
    expect(ms).toBeLessThan(30_000);
  });

  it('an unreadable subfolder is reported by name and the walk goes on', async () => {
    const folder = path.join(dir, 'articles');
    const locked = path.join(folder, 'locked');
    fs.mkdirSync(locked, { recursive: true });
    fs.writeFileSync(path.join(folder, 'a.txt'), article('甲'));
    fs.writeFileSync(path.join(locked, 'secret.txt'), article('密'));
    fs.writeFileSync(path.join(folder, 'z.txt'), article('乙'));

    // The walk itself, with the listing failing as chmod 000 makes it fail (file modes do not bind root).
    const failing = {
      stat: (target: string) => fs.statSync(target),
      readdir: (target: string) => {
        if (target === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readdirSync(target, { encoding: 'buffer' });
      },
    };
    const found = findImportFiles([folder], failing);
    expect(found.map((entry) => ('path' in entry ? entry.path : entry.fileName))).toEqual([
      path.join(folder, 'a.txt'),
      'locked',
      path.join(folder, 'z.txt'),
    ]);
    const [, skipped] = found;
    expect(skipped && 'failed' in skipped ? skipped.failed : '').toMatch(
      /locked.*could not be opened \(permission denied, EACCES\); the files in it were not imported/,
    );

    // The same through a real import, where chmod 000 does stop this process.
    fs.chmodSync(locked, 0o000);
    try {
      let readable = true;
      try {
        fs.readdirSync(locked);
      } catch {
        readable = false;
      }
      const lib = await open();
      const outcomes = await lib.importPaths([folder]);
      if (readable) {
        console.warn('skipped the chmod 000 half: this process (root) reads the folder anyway');
        expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
      } else {
        expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
          ['a.txt', 'imported'],
          ['locked', 'failed'],
          ['z.txt', 'imported'],
        ]);
        expect(outcomes[1]?.message).toMatch(/permission denied, EACCES/);
      }
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('a FIFO named *.txt, in a folder or named directly, is refused at once without blocking', () => {
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(folder);
    const fifo = path.join(folder, 'pipe.txt');
    if (!mkfifo(fifo)) {
      console.warn('skipped: mkfifo is not available here');
      return;
    }
    fs.writeFileSync(path.join(folder, 'real.txt'), article('真'));
    const { outcomes, ms } = importInChild([folder, fifo]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['pipe.txt', 'failed'],
      ['real.txt', 'imported'],
      ['pipe.txt', 'failed'],
    ]);
    for (const o of [outcomes[0], outcomes[2]]) expect(o?.message).toMatch(/pipe\.txt.*is a pipe \(FIFO\)/);
    expect(ms).toBeLessThan(30_000);
  });

  it('a symlink to /dev/zero is refused, not read (in the worker too)', () => {
    if (!fs.existsSync('/dev/zero')) return;
    const link = path.join(dir, 'zero.txt');
    fs.symlinkSync('/dev/zero', link);
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(folder);
    fs.symlinkSync('/dev/zero', path.join(folder, 'zeros.txt'));
    for (const worker of [false, true]) {
      process.env.PIZHU_TEST_WORKER = worker ? '1' : '0';
      try {
        const { outcomes } = importInChild([link, folder]);
        expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
          ['zero.txt', 'failed'],
          ['zeros.txt', 'failed'],
        ]);
        for (const o of outcomes) expect(o.message).toMatch(/is a device/);
      } finally {
        delete process.env.PIZHU_TEST_WORKER;
      }
    }
  });

  it('a file name that is not valid UTF-8 is reported as such, not as missing', async () => {
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(folder);
    const badName = Buffer.concat([Buffer.from(folder + '/'), Buffer.from([0x62, 0x61, 0xff, 0x64]), Buffer.from('.txt')]);
    try {
      fs.writeFileSync(badName, article('坏'));
    } catch {
      console.warn('skipped: this file system refuses names that are not UTF-8');
      return;
    }
    fs.writeFileSync(path.join(folder, 'good.txt'), article('好'));
    const lib = await open();
    const fromFolder = await lib.importPaths([folder]);
    expect(fromFolder.map((o) => [o.fileName, o.status])).toEqual([
      ['ba\uFFFDd.txt', 'failed'],
      ['good.txt', 'imported'],
    ]);
    expect(fromFolder[0]?.message).toMatch(/not valid UTF-8/);
    expect(fromFolder[0]?.message).not.toMatch(/does not exist/);
    // Named directly, as a command line hands it over: the bytes already replaced.
    const [named] = await lib.importPaths([path.join(folder, 'ba\uFFFDd.txt')]);
    expect(named?.message).toMatch(/not valid UTF-8/);
  });
});

/** The CLI from source: with -e, the arguments start at argv[1], where bin/pizhu.cjs has its own path. */
const CLI_FROM_SOURCE = "process.argv.splice(1, 0, 'pizhu'); require('./main/cli/pizhu.ts').runFromProcess();";

describe('the CLI reads a file to re-import like an import does', () => {
  it('a FIFO or a link to /dev/zero given to pizhu reimport is refused at once', () => {
    const db = path.join(dir, 'cli.sqlite');
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, article('甲'));
    const fifo = path.join(dir, 'pipe.txt');
    const zero = path.join(dir, 'zero.txt');
    fs.symlinkSync('/dev/zero', zero);
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--max-old-space-size=512', '--import', 'tsx', '-e', CLI_FROM_SOURCE, '--', ...args],
        { cwd: repo, timeout: 60_000, encoding: 'utf8' },
      );
    expect(cli('import', file, '--db', db).status).toBe(0);
    const targets = [...(mkfifo(fifo) ? [[fifo, /pipe\.txt.*is a pipe \(FIFO\)/] as const] : []), [zero, /zero\.txt.*is a device/] as const];
    for (const [target, said] of targets) {
      const result = cli('reimport', '1', target, '--db', db);
      expect(result.error, 'the command did not return').toBeUndefined();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(said);
    }
  }, 120_000);
});

describe('deeply nested HTML', () => {
  for (const depth of [2000, 5000]) {
    it(`${depth} nested <div>s import their text in well under the old ${depth === 2000 ? 56 : 188} s`, async () => {
      const file = path.join(dir, `nested${depth}.html`);
      const text = '这是藏在很多层里面的一段正文,它应当被导入。';
      fs.writeFileSync(file, `<html><body>${'<div>'.repeat(depth)}${text}${'</div>'.repeat(depth)}</body></html>`);
      const lib = await open();
      const started = performance.now();
      const [outcome] = await lib.importPaths([file]);
      // A hang test: the bound is generous (1 s measured), the old code took a minute or more.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(outcome?.status).toBe('imported');
      expect(lib.getArticle(outcome!.articleId!).paragraphs.map((p) => p.text).join('')).toContain(text);
    });
  }
});

/** The real parse worker from source, except that `spin.txt` never finishes and `hog.txt` eats memory without end. */
const hookedWorker: StartParseWorker = (resourceLimits) => {
  const serve = path.join(repo, 'main/library/import/serveParseRequests.ts');
  const prepare = path.join(repo, 'main/library/import/prepareFile.ts');
  return new Worker(
    `require('tsx/cjs');
     const { serveParseRequests } = require(${JSON.stringify(serve)});
     const { prepareJob } = require(${JSON.stringify(prepare)});
     serveParseRequests((job) => {
       if (typeof job === 'string' && job.endsWith('spin.txt')) for (;;) {}
       if (typeof job === 'string' && job.endsWith('hog.txt')) { const kept = []; for (;;) kept.push(new Array(1e5).fill(kept.length)); }
       return prepareJob(job);
     });`,
    { eval: true, resourceLimits },
  );
};

describe('every import parses off the main thread, within a budget per file', () => {
  it('a single file and pasted text go through the parse worker', async () => {
    let started = 0;
    const counted: StartParseWorker = (limits) => (started++, startParseWorkerFromSource(limits));
    const lib = await open({ startParseWorker: counted });
    const file = path.join(dir, 'one.txt');
    fs.writeFileSync(file, article('一'));
    const [outcome] = await lib.importPaths([file]);
    expect(outcome?.status).toBe('imported');
    expect(started).toBe(1);

    const pasted = await lib.importPastedText(article('贴'), '贴上的文章');
    expect(pasted).toMatchObject({ status: 'imported', title: '贴上的文章' });
    expect(started).toBe(2);
    const error = await lib.importPastedText('  \n ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('empty-file');
    expect(articleCount(lib)).toBe(2);
  }, 60_000);

  it('a file that takes too long is refused with the reason and the import goes on with a fresh worker', async () => {
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '1.txt'), article(1));
    fs.writeFileSync(path.join(folder, '2-spin.txt'), article(2));
    fs.writeFileSync(path.join(folder, '3.txt'), article(3));
    let started = 0;
    const lib = await open({
      startParseWorker: (limits) => (started++, hookedWorker(limits)),
      parseBudget: { timeoutMs: 2_000, maxMemoryMb: 1536 },
    });
    const outcomes = await lib.importPaths([folder]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['1.txt', 'imported'],
      ['2-spin.txt', 'failed'],
      ['3.txt', 'imported'],
    ]);
    expect(outcomes[1]?.message).toMatch(/2-spin\.txt.*took longer than 2 s/);
    expect(started).toBe(2);
    expect(articleCount(lib)).toBe(2);
  }, 60_000);

  it('a file that needs too much memory is refused with the reason and the import goes on', async () => {
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '1-hog.txt'), article(1));
    fs.writeFileSync(path.join(folder, '2.txt'), article(2));
    const lib = await open({ startParseWorker: hookedWorker, parseBudget: { timeoutMs: 60_000, maxMemoryMb: 256 } });
    const outcomes = await lib.importPaths([folder]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['1-hog.txt', 'failed'],
      ['2.txt', 'imported'],
    ]);
    expect(outcomes[0]?.message).toMatch(/1-hog\.txt.*needed more than 256 MB of memory/);
  }, 60_000);
});
