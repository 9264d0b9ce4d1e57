import { titleCollations, type TitleCollation } from '../../../preload/contract/articlePageTypes';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';
import {
  rankTitles,
  rankingUnderWay,
  recordRanked,
  recordRankingStarted,
  titleComparer,
  titleRankColumn,
  titleRanksNeed,
  titleVersion,
  type TitledId,
} from './titleRanks';

/**
 * Keeps the list's title ranks (store/titleRanks) current after the library opens, in the
 * background: a library migrated by 0040, one ranked by other collation data (an Electron
 * update), or one whose import was cut off has titles without a rank, and the first title-ordered
 * list ranked them all while the person waited (2.1 s CPU at 100,000 titles). Here the work is
 * cut into slices of a few milliseconds on the main thread, each write a short transaction of
 * its own, with the event loop free between them: the list's IPC is answered meanwhile.
 *
 * Safe against a concurrent write and a kill -9: while a ranking is under way its record says
 * so (titleRanks' rankingKey), and the ranks are not read as an order until it ends; a rank is
 * written only where the title is still the one sorted (a rename since leaves it unplaced); an
 * article added meanwhile has none and is placed after. A list that needs the ranks before the
 * end ranks every title itself, as before, which ends this ranking (its record gone).
 */
export interface TitleRankKeeper {
  /** Resolves when every collation's ranks are current (or the keeper stopped). */
  whenCurrent(): Promise<void>;
  /** Starts again after a write that may leave titles unplaced (the end of an import cut short, say). */
  kick(): void;
  stop(): void;
  /** What the slices cost, for the bench: how many, the longest and the total (wall ms), the longest in CPU (the process's). */
  readonly slices: { count: number; longestMs: number; totalMs: number; longestCpuMs: number };
}

export interface KeeperOptions {
  /** How long a slice may run before the thread is given back (ms). */
  sliceMs?: number;
  /** How long after the open (and the start-up check) the first slice runs: the window's first requests go first. */
  startDelayMs?: number;
}

export function keepTitleRanks(
  currentDb: () => Db,
  whenWritable: () => Promise<void>,
  { sliceMs = 8, startDelayMs = 1000 }: KeeperOptions = {},
): TitleRankKeeper {
  let stopped = false;
  let work: Generator<void, void> | undefined;
  /** The connection `work` writes to: a restore swaps it, and the work starts again on the new one. */
  let workDb: Db | undefined;
  let timer: NodeJS.Timeout | undefined;
  let waiting: Array<() => void> = [];
  const slices = { count: 0, longestMs: 0, totalMs: 0, longestCpuMs: 0 };

  const settle = () => {
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  const schedule = (delayMs: number) => {
    if (stopped || timer) return;
    timer = setTimeout(runSlice, delayMs);
    // The command line exits when its work is done; a person's library is ranked at its next open.
    timer.unref();
  };
  function runSlice(): void {
    timer = undefined;
    if (stopped) return settle();
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      if (workDb !== currentDb()) work = undefined;
      if (!work) {
        workDb = currentDb();
        work = keepCurrent(workDb);
      }
      for (;;) {
        if (work.next().done) {
          work = undefined;
          break;
        }
        if (performance.now() - started >= sliceMs) break;
      }
    } catch {
      // A full disk, the file closed or swapped by a restore: the ranks stay as they were, and a
      // title list ranks what it needs itself. Tried again at the next kick.
      work = undefined;
    }
    const took = performance.now() - started;
    const used = process.cpuUsage(cpu);
    slices.longestCpuMs = Math.max(slices.longestCpuMs, (used.user + used.system) / 1e3);
    slices.count++;
    slices.totalMs += took;
    slices.longestMs = Math.max(slices.longestMs, took);
    if (work) schedule(0);
    else settle();
  }

  let writable = false;
  const start = () => {
    whenWritable().then(
      () => {
        writable = true;
        schedule(startDelayMs);
      },
      () => settle(),
    );
  };
  start();
  return {
    whenCurrent() {
      if (stopped || (writable && !work && !timer)) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    kick() {
      if (writable) schedule(0);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      work = undefined;
      settle();
    },
    slices,
  };
}

/** The work, in steps: each collation's ranks brought up to date, one step a few hundred titles. */
function* keepCurrent(db: Db): Generator<void, void> {
  if (!db.open || db.readonly) return;
  const anew: TitleCollation[] = [];
  for (const collation of titleCollations) {
    const need = titleRanksNeed(db, collation);
    if (need === 'place') rankTitles(db, collation);
    else if (need === 'rank') anew.push(collation);
    yield;
  }
  if (anew.length > 0) yield* rankAnew(db, anew);
}

/** Titles read (times 8), or ranks written, per step: a step of writes is ~15-25 ms of CPU at 100,000 articles. */
const defaultRowsPerStep = 500;

/**
 * Every title ranked anew in each collation's order, in steps (see keepTitleRanks). The ranks
 * are written by id, both collations' in one statement: a stretch of ids is a few table pages,
 * where a stretch of one order was a page per row (16 KB into the -wal for each 8-byte rank).
 */
export function* rankAnew(
  db: Db,
  collations: readonly TitleCollation[],
  rowsPerStep = defaultRowsPerStep,
): Generator<void, void> {
  const version = titleVersion(db);
  db.transaction(() => {
    for (const collation of collations) recordRankingStarted(db, collation, version);
  }).immediate();
  yield;
  // Read by id in stretches: an article added meanwhile is read too (ids only grow), one
  // renamed after it was read keeps no rank (the write below checks the title).
  const titles: TitledId[] = [];
  const read = preparedStatement(db, 'SELECT id, title FROM article WHERE id > ? ORDER BY id LIMIT ?').raw();
  for (let after = 0; ;) {
    const rows = read.all(after, rowsPerStep * 8) as TitledId[];
    for (const row of rows) titles.push(row);
    if (rows.length < rowsPerStep * 8) break;
    after = rows[rows.length - 1]![0];
    yield;
  }
  // Each title's place in each order, by its index in `titles` (in id order).
  const places: Float64Array[] = [];
  for (const collation of collations) {
    const compare = titleComparer(collation);
    const order = yield* sortInSteps(
      titles.map((_, i) => i),
      (a, b) => compare(titles[a]!, titles[b]!),
    );
    const place = new Float64Array(titles.length);
    order.forEach((index, rank) => (place[index] = rank + 1));
    places.push(place);
  }
  for (let from = 0; from < titles.length; from += rowsPerStep) {
    const ours = collations.map((_, c) => c);
    const written = db.transaction(() => {
      // A collation whose ranking a list ended (it ranked every title itself) is not ours to write any more.
      const still = ours.filter((c) => rankingUnderWay(db, collations[c]!));
      if (still.length === 0) return false;
      const write = preparedStatement(
        db,
        `UPDATE article SET ${still.map((c) => `${titleRankColumn[collations[c]!]} = ?`).join(', ')} WHERE id = ? AND title = ?`,
      );
      const to = Math.min(from + rowsPerStep, titles.length);
      for (let i = from; i < to; i++) write.run(...still.map((c) => places[c]![i]!), titles[i]![0], titles[i]![1]);
      return true;
    }).immediate();
    if (!written) return;
    yield;
  }
  db.transaction(() => {
    for (const collation of collations) if (rankingUnderWay(db, collation)) recordRanked(db, collation, version);
  }).immediate();
  yield;
  // Titles added or renamed since `version` have no rank: placed among the others.
  for (const collation of collations) if (titleRanksNeed(db, collation) === 'place') rankTitles(db, collation);
}

/** A merge sort that yields every few thousand comparisons; Array.prototype.sort of 100,000 titles is one ~450 ms stretch. */
export function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  const run = 512;
  for (let from = 0; from < items.length; from += run) {
    const sorted = items.slice(from, from + run).sort(compare);
    for (let i = 0; i < sorted.length; i++) items[from + i] = sorted[i]!;
    yield;
  }
  let source = items;
  let target: T[] = new Array<T>(items.length);
  for (let width = run; width < items.length; width *= 2) {
    let steps = 0;
    for (let low = 0; low < items.length; low += 2 * width) {
      const middle = Math.min(low + width, items.length);
      const high = Math.min(low + 2 * width, items.length);
      let i = low;
      let j = middle;
      for (let k = low; k < high; k++) {
        target[k] = i < middle && (j >= high || compare(source[i]!, source[j]!) <= 0) ? source[i++]! : source[j++]!;
        if (++steps % 4096 === 0) yield;
      }
    }
    [source, target] = [target, source];
  }
  return source;
}
