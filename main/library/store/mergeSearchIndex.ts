import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';

/** Leaf pages one merge step may write: a short write lock, about 25 ms each. */
const pagesPerStep = 500;
/** A bound, not a target: a merged index stops well before it. */
const maxSteps = 1000;

/**
 * The library's two FTS5 indexes: words and bigrams (migration 0002), single characters
 * (migration 0018). Every query walks each segment of the index it reads, so both are merged.
 */
export const searchIndexTables = ['search_index', 'search_characters'] as const;
export type SearchIndexTable = (typeof searchIndexTables)[number];

/**
 * Finishes merging the search indexes after a bulk import. Each batch of an import leaves one
 * segment of each index (migration 0003), and a query walks every segment: with a dozen of
 * them, the statistics bm25 gathers over every match of a common term took half again as
 * long as over a merged index. Merging once at the end (0.3 s for 10,000 articles) costs
 * far less than merging while importing. Each step is its own short transaction, and the
 * index answers the same before, during and after.
 *
 * Returns the number of steps that did work, over both indexes.
 */
export function mergeSearchIndex(db: Db): number {
  let done = 0;
  for (const table of searchIndexTables) {
    for (let steps = 0; steps < maxSteps && mergeStep(db, table, pagesPerStep); steps++) done++;
  }
  return done;
}

/**
 * One step of FTS5's incremental 'merge' on `table`, its own transaction: it merges up to
 * `pages` leaf pages of a level holding at least 'usermerge' (4) segments, and only those, so
 * the large segment of an import is not written again for a few small ones. Returns whether it
 * did work: FTS5's documented test, a 'merge' that did nothing changes fewer than two rows.
 */
export function mergeStep(db: Db, table: SearchIndexTable, pages: number): boolean {
  // Compiled once per connection: the idle tick asks for steps every second after writes.
  const changes = preparedStatement(db, 'SELECT total_changes()').pluck();
  const before = changes.get() as number;
  preparedStatement(db, `INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(pages);
  return (changes.get() as number) - before >= 2;
}

/**
 * How many segments `table` has now: FTS5 keeps one row per leaf page range of each segment in
 * its %_idx table (columns segid, term, pgno), and each segment has at least one.
 */
export function segmentCount(db: Db, table: SearchIndexTable): number {
  return db.prepare(`SELECT count(DISTINCT segid) FROM ${table}_idx`).pluck().get() as number;
}

/** Leaf pages one idle step may write: merging a few one-note segments is well under a millisecond. */
const idlePagesPerStep = 64;

/**
 * Some merging of both indexes in idle time (store/walCheckpoints' tick), for at most `budgetMs`.
 * A note, comment or title saved alone is one small segment of each index, and FTS5 merges its
 * own only every 64 leaf pages written (its work unit) or at 16 segments of a level
 * ('crisismerge'): the 10,000-article bench library kept 19 and 20 segments, and a first page
 * of results took a third longer than over a merged index. Each step is its own transaction of
 * at most 64 pages, so a save waits for a few milliseconds at most; the index answers the same.
 * Returns whether merging is left for the next call.
 */
export function mergeSearchIndexWhileIdle(db: Db, budgetMs: number): boolean {
  const started = performance.now();
  for (const table of searchIndexTables) {
    while (mergeStep(db, table, idlePagesPerStep)) {
      if (performance.now() - started >= budgetMs) return true;
    }
  }
  return false;
}
