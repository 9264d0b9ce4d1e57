import type { ImportOutcome } from '../../../preload/contract/articleTypes';
import type { PizhuErrorCode } from '../../../preload/contract/errors';
import type { NewArticle } from '../store/articles';
import type { FileParser } from './fileParser';
import { findImportFiles, importable, type FoundEntry } from './findImportFiles';
import { importReasonOf } from './importReason';
import type { ParseJob } from './parseProtocol';
import type { PreparedFile } from './prepareFile';

/** A file or folder by path, or a file's bytes dropped onto the app's window (its name for display only). */
export type ImportSource = string | { fileName: string; dropped: Uint8Array };

type Entry = FoundEntry | { fileName: string; dropped: Uint8Array };

/** How an interactive import is run: stopped between batches, and in batches small enough to show progress. */
export interface ImportControl {
  /** Aborted: no further batch is stored; every batch already stored stays, whole. */
  signal?: AbortSignal;
  /** At most this many files per batch (and per progress report); 1,000 when absent. */
  batchFiles?: number;
}

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
 * How many batches the parser may be ahead of the store. With one, the parser that finishes the
 * next batch before this one is stored waits with its core idle, and the store waits whenever a
 * batch parses slower than the one before it stored: each batch took the longer of its parse and
 * the store before it. With two, a quick parse or store of one batch makes up for a slow one of
 * the next; up to three batches (3 × 8 MB of files at most) are held at once.
 */
const parseAhead = 2;

/**
 * Expands folders (recursively, importable files only) and imports each file, all or nothing
 * per file. While one batch is stored, the parser reads and parses the next two (in a worker thread
 * when it has one; `parserFor` is told how many batches there are, and the parser is closed at
 * the end). Outcomes are reported (onProgress) only once their batch is committed.
 */
export async function importPaths(
  paths: readonly ImportSource[],
  parserFor: (batches: number) => FileParser,
  storeArticle: StoreArticle,
  onProgress?: (done: number, total: number) => void,
  runBatch: RunBatch = (work) => work(),
  control: ImportControl = {},
): Promise<ImportOutcome[]> {
  const batches = planBatches(findEntries(paths), control.batchFiles ?? batchFiles);
  const total = batches.reduce((n, batch) => n + batch.length, 0);
  const outcomes: ImportOutcome[] = [];
  let done = 0; // files and skipped entries, as `total` counts them (a feed is one, however many items)
  // An interactive import says how many it found before it starts: the page can show 0 / 240 at once.
  if (control.signal) onProgress?.(0, total);
  const parser = parserFor(batches.length);
  const parse = (batch: readonly Entry[]) => parser.prepare(batch.flatMap(jobOf));
  // The batches asked of the parser and not yet taken for storing, in order: at most `parseAhead`.
  const parsing: Promise<PreparedFile[]>[] = [];
  const askAhead = (i: number) => {
    while (parsing.length < parseAhead && i + parsing.length < batches.length) parsing.push(parse(batches[i + parsing.length]!));
  };
  askAhead(0);
  try {
    for (let i = 0; parsing.length > 0; i++) {
      const prepared = await parsing.shift()!;
      // A cancellable import lets a cancel in (one turn of the event loop: a parse on this thread
      // leaves none); cancelled, this batch is not stored, nor is any after it.
      if (control.signal) await new Promise((resolve) => setImmediate(resolve));
      if (control.signal?.aborted) break;
      const entries = batches[i]!;
      askAhead(i + 1);
      const batch: ImportOutcome[] = [];
      runBatch(() => {
        batch.length = 0;
        let next = 0;
        const store = (one: { article: NewArticle } | NotImported): ImportOutcome =>
          'article' in one ? storeArticle(one.article) : notImported(one);
        for (const entry of entries) {
          // A skipped entry of a folder is its own outcome; each file has its parse, in order; a
          // feed has an outcome per item, each item stored (or not) on its own.
          const file = 'failed' in entry ? entry : prepared[next++]!;
          if ('feed' in file) batch.push(...file.feed.map(store));
          else batch.push(store(file));
        }
      });
      outcomes.push(...batch);
      done += entries.length;
      onProgress?.(done, total);
    }
  } finally {
    for (const dropped of parsing) dropped.catch(() => undefined); // a failed batch ends the import: the parses after it are dropped
    parser.close();
  }
  return outcomes;
}

type NotImported = { fileName: string; failed: string; skipped?: true; code?: PizhuErrorCode };

/**
 * A file not imported: skipped when Pizhu does not import its kind (a folder's picture, or a
 * dropped or named one, which the parse refuses by its name), failed for anything else.
 */
function notImported(one: NotImported): ImportOutcome {
  const skipped = one.skipped === true || (one.code === 'unsupported-file' && !importable(one.fileName));
  const reason = importReasonOf({ fileName: one.fileName, code: one.code, message: one.failed, skipped });
  const outcome: ImportOutcome = { fileName: one.fileName, status: skipped ? 'skipped' : 'failed', message: one.failed };
  return reason ? { ...outcome, reason } : outcome;
}

/** Paths expanded (folders walked), dropped files as they are, in the order given. */
function findEntries(sources: readonly ImportSource[]): Entry[] {
  const entries: Entry[] = [];
  let paths: string[] = [];
  const walk = () => {
    if (paths.length > 0) entries.push(...findImportFiles(paths));
    paths = [];
  };
  for (const source of sources) {
    if (typeof source === 'string') paths.push(source);
    else {
      walk();
      entries.push(source);
    }
  }
  walk();
  return entries;
}

function jobOf(entry: Entry): ParseJob[] {
  if ('path' in entry) return [entry.path];
  return 'dropped' in entry ? [{ fileName: entry.fileName, dropped: entry.dropped }] : [];
}

/**
 * Consecutive runs of up to `maxFiles` entries, each ended once it holds 8 MB however few files
 * that is; the first run ramps up and the last ramps down (rampPieces).
 */
function planBatches(entries: readonly Entry[], maxFiles: number): Entry[][] {
  const batches = fullBatches(entries, maxFiles);
  if (batches.length === 0) return batches;
  const first = rampPieces(batches[0]!, rampUp);
  if (batches.length === 1) return first;
  return [...first, ...batches.slice(1, -1), ...rampPieces(batches.at(-1)!, [...rampUp].reverse())];
}

/** The shares of a batch's files its pieces take, in order, at the start of an import. */
const rampUp = [1 / 16, 1 / 16, 1 / 8, 1 / 4, 1 / 2];
/** Below this many files a batch is not split: a few commits more would cost more than the wait. */
const smallestRamped = 64;

/**
 * A batch as pieces of 1/16, 1/16, 1/8, 1/4 and 1/2 of its files (at the end of an import, the
 * other way round), in order. Why: the parse (a worker) and the store (this thread) overlap, so
 * at the start the store waits for a whole batch to be parsed, and at the end the parser waits
 * while the last batch is stored: with 1,000-file batches, about a second of one core left idle
 * at each end of the bench's import (2 cores). Small pieces at both ends cut each wait to a small
 * piece's parse or store; their few extra commits write small index segments, merged with the
 * rest at the end (mergeSearchIndex).
 */
function rampPieces(batch: Entry[], shares: readonly number[]): Entry[][] {
  if (batch.length < smallestRamped) return [batch];
  const pieces: Entry[][] = [];
  let at = 0;
  shares.forEach((share, i) => {
    const end = i === shares.length - 1 ? batch.length : at + Math.round(batch.length * share);
    pieces.push(batch.slice(at, end));
    at = end;
  });
  return pieces;
}

function fullBatches(entries: readonly Entry[], maxFiles: number): Entry[][] {
  const batches: Entry[][] = [];
  let batch: Entry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (batch.length >= maxFiles || bytes >= batchBytes) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += 'bytes' in entry ? entry.bytes : 'dropped' in entry ? entry.dropped.byteLength : 0;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
