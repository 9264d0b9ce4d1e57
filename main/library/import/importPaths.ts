import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../../preload/contract/articleTypes';
import type { NewArticle } from '../store/articles';
import type { FileParser } from './fileParser';
import { formatOf } from './prepareImport';

/** Stores one parsed article (or finds it already there); runs inside its batch's transaction. */
type StoreArticle = (article: NewArticle) => ImportOutcome;
/** Runs a batch of imports in one transaction (each article inside it is its own savepoint). */
export type RunBatch = (work: () => void) => void;

/**
 * A commit costs an fsync, and it writes the search index's entries for the batch as one new
 * segment that later writes merge again (store/migrations/0003): a folder is committed in
 * batches, not file by file, and fewer, larger segments mean less merging. Batches of 1,000 of
 * the bench's articles (a few KB each, about a second of work) took a fifth less time to store
 * than batches of 200. The byte limit keeps a batch of large files within the page cache and the
 * index's write buffer.
 */
const batchFiles = 1000;
const batchBytes = 8 * 1024 * 1024;

interface FoundFile {
  path: string;
  bytes: number;
}

/**
 * Expands folders (recursively, importable files only) and imports each file, all or nothing
 * per file. While one batch is stored, the parser reads and parses the next (in a worker thread
 * when it has one; `parserFor` is told how many batches there are, and the parser is closed at
 * the end). Outcomes are reported (onProgress) only once their batch is committed.
 */
export async function importPaths(
  paths: readonly string[],
  parserFor: (batches: number) => FileParser,
  storeArticle: StoreArticle,
  onProgress?: (done: number, total: number) => void,
  runBatch: RunBatch = (work) => work(),
): Promise<ImportOutcome[]> {
  const batches = planBatches(paths.flatMap((p) => expand(p)));
  const total = batches.reduce((n, batch) => n + batch.length, 0);
  const outcomes: ImportOutcome[] = [];
  const parser = parserFor(batches.length);
  let parsing = batches.length > 0 ? parser.prepare(batches[0]!) : undefined;
  try {
    for (let i = 0; parsing; i++) {
      const prepared = await parsing;
      parsing = i + 1 < batches.length ? parser.prepare(batches[i + 1]!) : undefined;
      const batch: ImportOutcome[] = [];
      runBatch(() => {
        batch.length = 0;
        for (const file of prepared) {
          batch.push(
            'article' in file
              ? storeArticle(file.article)
              : { fileName: file.fileName, status: 'failed', message: file.failed },
          );
        }
      });
      outcomes.push(...batch);
      onProgress?.(outcomes.length, total);
    }
  } finally {
    parsing?.catch(() => undefined); // a failed batch ends the import: the next one's parse is dropped
    parser.close();
  }
  return outcomes;
}

/** Consecutive runs of up to 1,000 files, each ended once it holds 8 MB however few files that is. */
function planBatches(files: readonly FoundFile[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length >= batchFiles || bytes >= batchBytes) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(file.path);
    bytes += file.bytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function expand(target: string): FoundFile[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return [{ path: target, bytes: 0 }]; // reported as a failure by prepareFile, with the reason
  }
  if (!stat.isDirectory()) return [{ path: target, bytes: stat.size }];
  return fs
    .readdirSync(target)
    .sort()
    .flatMap((name) => {
      const child = path.join(target, name);
      const childStat = fs.statSync(child, { throwIfNoEntry: false });
      if (childStat?.isDirectory()) return expand(child);
      return formatOf(name) ? [{ path: child, bytes: childStat?.size ?? 0 }] : [];
    });
}
