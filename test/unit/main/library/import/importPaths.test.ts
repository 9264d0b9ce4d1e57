import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../../preload/contract/articleTypes';
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

/** Runs importPaths over `dir` with a stand-in import; records each batch and each progress report. */
function run(): { batches: string[][]; progress: Array<[number, number]>; outcomes: ImportOutcome[] } {
  const batches: string[][] = [];
  const progress: Array<[number, number]> = [];
  let open: string[] | null = null;
  const outcomes = importPaths(
    [dir],
    (_bytes, fileName) => {
      if (!open) throw new Error('an import ran outside its batch');
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
      batches.push(open);
      open = null;
    },
  );
  return { batches, progress, outcomes };
}

describe('importPaths', () => {
  it('commits a folder of small files in batches of 1,000, reporting after each', () => {
    writeFiles(2500, 300);
    const { batches, progress, outcomes } = run();
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(progress).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(outcomes.map((o) => o.fileName)).toEqual(batches.flat());
    expect(new Set(outcomes.map((o) => o.fileName)).size).toBe(2500);
  });

  it('ends a batch once it holds 8 MB, however few files that is', () => {
    writeFiles(7, 3 * 1024 * 1024);
    const { batches } = run();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
  });
});
