import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../../preload/contract/articleTypes';
import { inlineParser } from '../../../../../main/library/import/fileParser';
import { importPaths } from '../../../../../main/library/import/importPaths';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-import-paths-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFiles(count: number, bytes: number): void {
  const body = '字'.repeat(Math.max(1, Math.floor(bytes / 3)));
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.txt`), body);
}

/** Runs importPaths over `dir` with a stand-in store; records each batch, each parse and each progress report. */
async function run(paths: string[] = [dir]): Promise<{
  batches: string[][];
  progress: Array<[number, number]>;
  outcomes: ImportOutcome[];
  events: string[];
}> {
  const batches: string[][] = [];
  const progress: Array<[number, number]> = [];
  const events: string[] = [];
  let open: string[] | null = null;
  const parser = inlineParser();
  const outcomes = await importPaths(
    paths,
    () => ({
      prepare: (files) => (events.push(`parse ${files.length}`), parser.prepare(files)),
      close: () => events.push('close'),
    }),
    (article) => {
      if (!open) throw new Error('an import ran outside its batch');
      const fileName = article.fileName!;
      open.push(fileName);
      return { fileName, status: 'imported', articleId: batches.length, title: fileName };
    },
    (done, total) => {
      expect(open).toBeNull(); // reported only once its batch is over (committed)
      progress.push([done, total]);
    },
    (work) => {
      open = [];
      work();
      events.push(`store ${open.length}`);
      batches.push(open);
      open = null;
    },
  );
  return { batches, progress, outcomes, events };
}

describe('importPaths', () => {
  it('commits a folder of small files in batches of 1,000, the first and last in growing and shrinking pieces, reporting after each', async () => {
    writeFiles(2500, 300);
    const { batches, progress, outcomes } = await run();
    // 1,000 as 1/16, 1/16, 1/8, 1/4, 1/2; the last 500 the other way round.
    const sizes = [63, 63, 125, 250, 499, 1000, 250, 125, 63, 31, 31];
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(progress).toEqual(sizes.map((_, i) => [sizes.slice(0, i + 1).reduce((a, b) => a + b), 2500]));
    expect(outcomes.map((o) => o.fileName)).toEqual(batches.flat());
    expect(outcomes.map((o) => o.fileName)).toEqual([...outcomes.map((o) => o.fileName)].sort());
    expect(new Set(outcomes.map((o) => o.fileName)).size).toBe(2500);
  });

  it('keeps a folder of fewer than 64 files in one batch', async () => {
    writeFiles(63, 300);
    const { batches } = await run();
    expect(batches.map((b) => b.length)).toEqual([63]);
  });

  it('ends a batch once it holds 8 MB, however few files that is', async () => {
    writeFiles(7, 3 * 1024 * 1024);
    const { batches } = await run();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
  });

  it('asks for the two batches after this one before it stores this one, and closes the parser at the end', async () => {
    writeFiles(2500, 300);
    const { events } = await run();
    // The store starts once 63 files are parsed, not 1,000; the parser waits at the end on 31, not 500.
    const sizes = [63, 63, 125, 250, 499, 1000, 250, 125, 63, 31, 31];
    expect(events).toEqual([
      `parse ${sizes[0]}`,
      `parse ${sizes[1]}`,
      ...sizes.flatMap((size, i) => [...(i + 2 < sizes.length ? [`parse ${sizes[i + 2]}`] : []), `store ${size}`]),
      'close',
    ]);
  });

  it('reports a file it cannot read as failed, in its place, and imports the rest', async () => {
    writeFiles(2, 300);
    const { outcomes } = await run([dir, path.join(dir, 'gone.txt')]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['00000.txt', 'imported'],
      ['00001.txt', 'imported'],
      ['gone.txt', 'failed'],
    ]);
    expect(outcomes[2]?.message).toMatch(/gone\.txt.*does not exist/);
  });
});
