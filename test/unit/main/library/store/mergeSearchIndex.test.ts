import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeSearchIndex, segmentCount } from '../../../../../main/library/store/mergeSearchIndex';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const probes = ['晋江', '公安', '民警', '的', '背包精神', '"平安 晋江"', '发展'];

describe('mergeSearchIndex', () => {
  it('merges the segments imports left, and every search answers exactly as before', () => {
    const { library } = seeded;
    // Each pasted article is its own transaction, so its own segment of the index.
    for (let i = 0; i < 24; i++) {
      library.importText(`第${i}篇：晋江公安民警走访群众，平安建设稳步发展。编号${i}。`, `稿件 ${i}`);
    }
    const before = probes.map((q) => library.search.find(q, { limit: 500 }));
    const db = library.database();
    const characterSegments = segmentCount(db, 'search_characters');
    expect(mergeSearchIndex(library.database())).toBeGreaterThan(0);
    // The character index (one-character queries: 的) is merged too.
    expect(segmentCount(db, 'search_characters')).toBeLessThan(characterSegments);
    expect(mergeSearchIndex(library.database())).toBe(0);
    expect(probes.map((q) => library.search.find(q, { limit: 500 }))).toEqual(before);
    expect(library.database().pragma('integrity_check', { simple: true })).toBe('ok');
    library.database().exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
    library.database().exec("INSERT INTO search_characters (search_characters) VALUES ('integrity-check')");
  });

  it('does nothing on an index with nothing to merge', () => {
    const db = seeded.library.database();
    mergeSearchIndex(db);
    const rows = db.prepare('SELECT count(*) AS n FROM search_index_data').pluck().get();
    expect(mergeSearchIndex(db)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM search_index_data').pluck().get()).toBe(rows);
  });
});
