import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import {
  inlineParser,
  parseWorkerCount,
  sharedBatchFiles,
  workerParser,
  type StartParseWorker,
} from '../../../../../main/library/import/fileParser';
import { startParseWorkerFromSource } from '../../../../support/parseWorkerFromSource';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';

const seedsDir = path.resolve(__dirname, '../../../../../seeds');
const seedFiles = fs
  .readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.join(seedsDir, f));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-file-parser-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files of one batch: the seeds, a binary file and a file that is not there. */
function batch(): string[] {
  const binary = path.join(dir, 'photo.txt');
  fs.writeFileSync(binary, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(256, 0)]));
  return [...seedFiles, binary, path.join(dir, 'gone.txt')];
}

function evalWorker(code: string): () => Worker {
  return () => new Worker(code, { eval: true });
}

describe('the import parse worker', () => {
  it('prepares exactly what the calling thread prepares, failures included', async () => {
    const files = batch();
    const expected = await inlineParser().prepare(files);
    expect(expected.filter((p) => 'failed' in p).map((p) => p.fileName)).toEqual(['photo.txt', 'gone.txt']);
    const parser = workerParser(startParseWorkerFromSource);
    try {
      expect(await parser.prepare(files)).toEqual(expected);
      expect(await parser.prepare(files.slice(0, 2))).toEqual(expected.slice(0, 2));
    } finally {
      parser.close();
    }
  });

  it('a worker that cannot start, or that exits before it is ready, leaves the batch to the calling thread', async () => {
    const files = batch();
    const expected = await inlineParser().prepare(files);
    const broken = [
      () => {
        throw new Error('no worker here');
      },
      evalWorker('process.exit(3)'),
      evalWorker('throw new Error("crashed at start")'),
    ];
    for (const start of broken) {
      const parser = workerParser(start);
      try {
        expect(await parser.prepare(files)).toEqual(expected);
      } finally {
        parser.close();
      }
    }
  });

  it('a worker that answered while the main thread was busy past the time budget is not taken for stuck', async () => {
    const files = seedFiles.slice(0, 3);
    const expected = await inlineParser().prepare(files);
    const parser = workerParser(startParseWorkerFromSource, { timeoutMs: 2_000, maxMemoryMb: 1536 });
    try {
      expect(await parser.prepare(files.slice(0, 1))).toEqual(expected.slice(0, 1));
      const parsing = parser.prepare(files.slice(1));
      // The main thread stores a batch for longer than the budget while the worker parses these.
      const until = Date.now() + 6_000;
      while (Date.now() < until) {
        // busy, as a long transaction is
      }
      expect(await parsing).toEqual(expected.slice(1));
    } finally {
      parser.close();
    }
  }, 60_000);

  it('a folder import of several batches stores the same library with the worker as without', async () => {
    // 1,001 files: two batches, so the library parses the second in the worker while it stores the first.
    const folder = path.join(dir, 'corpus');
    fs.mkdirSync(folder);
    const seedTexts = seedFiles.map((f) => fs.readFileSync(f, 'utf8'));
    for (let i = 0; i < 1001; i++) {
      const text = `${seedTexts[i % seedTexts.length]!.slice(0, 400)}\n\n第${i}篇的补充段落,让每个文件的内容都不相同。`;
      fs.writeFileSync(path.join(folder, `${String(i).padStart(4, '0')}.txt`), text);
    }
    const contents = async (startParseWorker?: typeof startParseWorkerFromSource) => {
      const library = await createLibrary({
        dbPath: path.join(dir, `${startParseWorker ? 'worker' : 'inline'}.sqlite`),
        startParseWorker,
      });
      try {
        const outcomes = await library.importPaths([folder]);
        const rows = library
          .database()
          .prepare(
            'SELECT a.file_name, a.title, p.ord, p.kind, p.text, p.flags FROM paragraph p JOIN article a ON a.id = p.article_id ORDER BY p.id',
          )
          .all();
        const found = library.search.find('晋江', { limit: 500 });
        expectIndexInStep(library.database());
        return { outcomes, rows, total: found.total };
      } finally {
        library.close();
      }
    };
    const inline = await contents();
    expect(inline.outcomes.filter((o) => o.status === 'imported')).toHaveLength(1001);
    let started = 0;
    const counted: typeof startParseWorkerFromSource = (limits) => (started++, startParseWorkerFromSource(limits));
    expect(await contents(counted)).toEqual(inline);
    // The workers (parseWorkerCount: one per core but the storing thread's) are started once, not per batch.
    expect(started).toBe(parseWorkerCount());
  }, 60_000);

  it('a batch shared between two workers comes back in the files\' order, exactly as the calling thread parses it', async () => {
    const files = batch();
    // Enough files to be shared, failures among them: each worker takes every other file.
    const jobs = Array.from({ length: sharedBatchFiles + 5 }, (_, i) => files[i % files.length]!);
    const expected = await inlineParser().prepare(jobs);
    let started = 0;
    const counted: StartParseWorker = (limits) => (started++, startParseWorkerFromSource(limits));
    const parser = workerParser(counted, undefined, 2);
    try {
      expect(await parser.prepare(jobs)).toEqual(expected);
      expect(started).toBe(2);
    } finally {
      parser.close();
    }
    // A few files are not worth a second worker's start.
    started = 0;
    const small = workerParser(counted, undefined, 2);
    try {
      expect(await small.prepare(jobs.slice(0, 3))).toEqual(expected.slice(0, 3));
      expect(started).toBe(1);
    } finally {
      small.close();
    }
  }, 60_000);

  it('a worker that dies on one file of a shared batch: that file alone is refused, the others are stored in the files\' order', async () => {
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    // A folder's first batch is stored in growing pieces (importPaths): its last piece, half of
    // these files, is the one large enough to share, and the crash is in it.
    const crashAt = 2 * sharedBatchFiles;
    const names = Array.from({ length: 2 * sharedBatchFiles + 6 }, (_, i) => `${String(i).padStart(3, '0')}${i === crashAt ? '-crash' : ''}.txt`);
    names.forEach((name, i) => fs.writeFileSync(path.join(folder, name), `第${i}篇的标题\n\n这是第${i}篇文章的正文,讲述一件普通的小事,写得足够长,让导入把它当作一段正文。`));
    // The real parse worker, except that it exits (as a crash would end it) on the file named -crash.
    const serve = path.resolve(__dirname, '../../../../../main/library/import/serveParseRequests.ts');
    const prepare = path.resolve(__dirname, '../../../../../main/library/import/prepareFile.ts');
    let started = 0;
    const crashing: StartParseWorker = (resourceLimits) => {
      started++;
      return new Worker(
        `require('tsx/cjs');
         const { serveParseRequests } = require(${JSON.stringify(serve)});
         const { prepareJob } = require(${JSON.stringify(prepare)});
         serveParseRequests((job) => {
           if (typeof job === 'string' && job.endsWith('-crash.txt')) process.exit(7);
           return prepareJob(job);
         });`,
        { eval: true, resourceLimits },
      );
    };
    // Three cores: two parse workers share each batch, whatever this machine has.
    const cores = vi.spyOn(os, 'availableParallelism').mockReturnValue(3);
    const library = await createLibrary({ dbPath: path.join(dir, 'crash.sqlite'), startParseWorker: crashing });
    try {
      const outcomes = await library.importPaths([folder]);
      expect(outcomes.map((o) => o.fileName)).toEqual(names);
      expect(outcomes.filter((o) => o.status !== 'imported').map((o) => [o.fileName, o.status])).toEqual([
        [`${crashAt}-crash.txt`, 'failed'],
      ]);
      expect(outcomes[crashAt]?.message).toMatch(new RegExp(`${crashAt}-crash\\.txt.*exited with code 7`));
      // Nothing of the failed file; every other one stored whole, in the files' order.
      const db = library.database();
      expect(db.prepare('SELECT file_name FROM article ORDER BY id').pluck().all()).toEqual(names.filter((n) => !n.includes('crash')));
      expect(db.prepare('SELECT count(*) FROM paragraph WHERE text LIKE ?').pluck().get(`%第${crashAt}篇%`)).toBe(0);
      expectIndexInStep(db);
      // Two workers shared the batch, and a fresh one took over from the one that died.
      expect(started).toBe(3);
    } finally {
      library.close();
      cores.mockRestore();
    }
  }, 60_000);
});
