import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { parseQuery } from '../../../../../main/library/search/parseQuery';
import { rankInHalves } from '../../../../../main/library/search/rankInHalves';
import { createRankingWorker, type RankingWorker } from '../../../../../main/library/search/rankingWorker';
import {
  rankedPage,
  countRows,
  matchExpression,
  type RowFilters,
} from '../../../../../main/library/search/searchQuery';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { startRankingWorkerFromSource } from '../../../../support/workersFromSource';

let seeded: SeededLibrary;
let worker: RankingWorker;
let parallel: Library;
beforeAll(async () => {
  seeded = await openSeededLibrary();
  // Notes too, so that both kinds of row (text: even rowids, note: odd) are ranked.
  const article = seedArticle(seeded.library, '000');
  for (const [i, paragraph] of bodyParagraphs(article).slice(0, 6).entries()) {
    const text = '晋江公安的民警'.repeat(i + 1);
    const editorState = JSON.stringify({
      root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
    });
    seeded.library.annotations.saveNote({ paragraphId: paragraph.id, editorState, plainText: text, markdown: text });
    seeded.library.annotations.tagParagraph(paragraph.id, 'codes/警');
  }
  worker = createRankingWorker(seeded.dbPath, startRankingWorkerFromSource);
  expect(await worker.ready).toBe(true);
  parallel = await createLibrary({
    dbPath: seeded.dbPath,
    startRankingWorker: startRankingWorkerFromSource,
    parallelSearchFrom: 0,
  });
  expect(await parallel.search.prepare()).toBe(true);
}, 30_000);
afterAll(() => {
  worker.close();
  parallel.close();
  seeded.dispose();
});

const split = () => (seeded.library.database().prepare('SELECT max(id) AS m FROM paragraph').get() as { m: number }).m;

describe('ranking a search in two halves', () => {
  it.each<[string, RowFilters]>([
    ['公安', {}],
    ['晋江', {}],
    ['民警', { includeHidden: true }],
    ['的', {}],
    ['背包精神', {}],
    ['晋江', { paragraphsOnly: true }],
  ])('%s (%o): the same page, in the same order, and the same total as one query', (query, filters) => {
    const db = seeded.library.database();
    const match = matchExpression(parseQuery(query).match, filters);
    const total = countRows(db, match, filters);
    expect(total).toBeGreaterThan(0);
    for (const [limit, offset] of [
      [50, 0],
      [7, 0],
      [7, 14],
      [500, 0],
      [100, 400],
    ] as const) {
      const page = rankInHalves(db, worker, match, filters, limit, offset, split());
      expect(page).toEqual({ rowids: rankedPage(db, match, filters, limit, offset), total });
    }
  });

  it('splits anywhere, even with one half empty', () => {
    const db = seeded.library.database();
    const match = matchExpression(parseQuery('晋江').match, {});
    const whole = rankedPage(db, match, {}, 100, 0);
    for (const at of [0, 1, 2, 3, 101, 2 * split(), 1e9]) {
      expect(rankInHalves(db, worker, match, {}, 100, 0, at)?.rowids).toEqual(whole);
    }
  });

  it('leaves a page deeper than a half may return to one query', () => {
    const db = seeded.library.database();
    const match = matchExpression(parseQuery('的').match, {});
    expect(rankInHalves(db, worker, match, {}, 500, 600, split())).toBeUndefined();
  });

  it('a library that ranks in two threads finds exactly what one thread finds', () => {
    for (const query of ['公安', '晉江', '发型', '民警 晋江', '"背包精神"', '的']) {
      for (const options of [{}, { limit: 5, offset: 5 }, { tag: 'codes' }, { includeHidden: true }]) {
        expect(parallel.search.find(query, options)).toEqual(seeded.library.search.find(query, options));
      }
    }
  });
});

describe('a ranking worker that cannot help', () => {
  it('one that fails to start: searches rank on the calling thread, with the same results', async () => {
    const broken = await createLibrary({
      dbPath: seeded.dbPath,
      startRankingWorker: (workerData) => new Worker('throw new Error("no worker today")', { eval: true, workerData }),
      parallelSearchFrom: 0,
    });
    try {
      expect(await broken.search.prepare()).toBe(false);
      expect(broken.search.find('公安')).toEqual(seeded.library.search.find('公安'));
    } finally {
      broken.close();
    }
  });

  it('one that cannot be created at all: the same', async () => {
    const none = await createLibrary({
      dbPath: seeded.dbPath,
      startRankingWorker: () => {
        throw new Error('no threads here');
      },
      parallelSearchFrom: 0,
    });
    try {
      expect(await none.search.prepare()).toBe(false);
      expect(none.search.find('晋江', { limit: 3 })).toEqual(seeded.library.search.find('晋江', { limit: 3 }));
    } finally {
      none.close();
    }
  });

  it('a small library never starts one', async () => {
    let started = 0;
    const small = await createLibrary({
      dbPath: seeded.dbPath,
      startRankingWorker: (workerData) => {
        started++;
        return startRankingWorkerFromSource(workerData);
      },
    });
    try {
      expect(await small.search.prepare()).toBe(false);
      small.search.find('公安');
      expect(started).toBe(0);
    } finally {
      small.close();
    }
  });
});
