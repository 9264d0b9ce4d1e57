import type { AutocodeResult, SearchResult } from '../../../preload/contract/api';
import { createJournaled } from '../annotations/journaled';
import type { Db } from '../store/openDatabase';
import { autocode, type AutocodeOptions } from './autocode';
import { createRankingWorker, type RankingWorker, type StartRankingWorker } from './rankingWorker';
import { searchLibrary, type SearchOptions, type SecondHalf } from './searchLibrary';

export type { AutocodeOptions, SearchOptions };
export type Search = ReturnType<typeof createSearch>;

export interface ParallelRanking {
  /** The library file, which the worker opens read-only. */
  dbPath: string;
  startWorker: StartRankingWorker;
  /** From this many paragraphs on (by id), a search ranks in two threads; below, one query is fast enough. */
  fromParagraphs: number;
}

/**
 * Script-insensitive full-text search over paragraph text and notes (晋江 finds 晉江), and
 * auto-coding from a search: the whole set of hits tagged in one undoable step.
 */
export function createSearch(db: Db, nowIso: () => string, parallel?: ParallelRanking) {
  const journaled = createJournaled(db, nowIso);
  let worker: RankingWorker | undefined;

  /** The worker and where to split, once the library is large enough to be worth it. */
  function secondHalf(): SecondHalf | undefined {
    if (!parallel) return undefined;
    const { last } = db.prepare('SELECT max(id) AS last FROM paragraph').get() as { last: number | null };
    if (last === null || last < parallel.fromParagraphs) return undefined;
    worker ??= createRankingWorker(parallel.dbPath, parallel.startWorker);
    // Rowid 2·id (text) and 2·id + 1 (note): rowids from `last` on are the upper half of the paragraph ids.
    return { worker, split: last };
  }

  return {
    /** Several terms must all match; "quoted phrases" stay whole; ranked, paged. */
    find(query: string, options: SearchOptions = {}): SearchResult {
      return searchLibrary(db, query, options, secondHalf());
    },

    autocode(query: string, options: AutocodeOptions): AutocodeResult {
      return autocode(db, journaled, query, options);
    },

    /** Starts the ranking worker of a large library; true once it can take searches. */
    prepare(): Promise<boolean> {
      return secondHalf()?.worker.ready ?? Promise.resolve(false);
    },

    close(): void {
      worker?.close();
      worker = undefined;
    },
  };
}
