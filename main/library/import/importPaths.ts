import type { ImportOutcome } from '../../../preload/contract/articleTypes';
import type { NewArticle } from '../store/articles';
import type { FileParser } from './fileParser';
import { findImportFiles, type FoundEntry } from './findImportFiles';

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
  const batches = planBatches(findImportFiles(paths));
  const total = batches.reduce((n, batch) => n + batch.length, 0);
  const outcomes: ImportOutcome[] = [];
  let done = 0; // files and skipped entries, as `total` counts them (a feed is one, however many items)
  const parser = parserFor(batches.length);
  const parse = (batch: readonly FoundEntry[]) => parser.prepare(batch.flatMap((entry) => ('path' in entry ? [entry.path] : [])));
  let parsing = batches.length > 0 ? parse(batches[0]!) : undefined;
  try {
    for (let i = 0; parsing; i++) {
      const prepared = await parsing;
      const entries = batches[i]!;
      parsing = i + 1 < batches.length ? parse(batches[i + 1]!) : undefined;
      const batch: ImportOutcome[] = [];
      runBatch(() => {
        batch.length = 0;
        let next = 0;
        const store = (one: { article: NewArticle } | { fileName: string; failed: string }): ImportOutcome =>
          'article' in one
            ? storeArticle(one.article)
            : { fileName: one.fileName, status: 'failed', message: one.failed };
        for (const entry of entries) {
          // A skipped entry of a folder is its own outcome; each file has its parse, in order; a
          // feed has an outcome per item, each item stored (or not) on its own.
          const file = 'path' in entry ? prepared[next++]! : entry;
          if ('feed' in file) batch.push(...file.feed.map(store));
          else batch.push(store(file));
        }
      });
      outcomes.push(...batch);
      done += entries.length;
      onProgress?.(done, total);
    }
  } finally {
    parsing?.catch(() => undefined); // a failed batch ends the import: the next one's parse is dropped
    parser.close();
  }
  return outcomes;
}

/** Consecutive runs of up to 1,000 entries, each ended once it holds 8 MB however few files that is. */
function planBatches(entries: readonly FoundEntry[]): FoundEntry[][] {
  const batches: FoundEntry[][] = [];
  let batch: FoundEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (batch.length >= batchFiles || bytes >= batchBytes) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += 'bytes' in entry ? entry.bytes : 0;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
