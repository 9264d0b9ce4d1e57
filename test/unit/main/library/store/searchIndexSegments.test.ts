import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mergeSearchIndex,
  mergeSearchIndexWhileIdle,
  searchIndexTables,
  segmentCount,
} from '../../../../../main/library/store/mergeSearchIndex';
import { checkpointIntervalMs } from '../../../../../main/library/store/walCheckpoints';
import { openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

/** Words the notes below hold, a single character among them (search_characters answers it). */
const probes = ['派出所', '民警', '警', '走访', '"派出所民警"', '批注', '晋江'];

/** Notes saved one at a time, as a person writes them: each its own transaction, so its own segment. */
function saveNotes(from: number, count: number, afterEach?: () => void): void {
  const { library } = seeded;
  const paragraphs = seedArticle(library, '001').paragraphs.concat(seedArticle(library, '002').paragraphs);
  for (let i = from; i < from + count; i++) {
    library.annotations.saveNote({
      paragraphId: paragraphs[i % paragraphs.length]!.id,
      editorState: '{}',
      plainText: `第${i}条批注：派出所民警走访`,
      markdown: `第${i}条批注：派出所民警走访`,
    });
    afterEach?.();
  }
}

const segments = () => searchIndexTables.map((table) => segmentCount(seeded.library.database(), table));
const answers = () => probes.map((q) => seeded.library.search.find(q, { limit: 500 }));
/** At most three segments wait on each level ('usermerge' 4): a few levels for a few hundred notes. */
const bound = 8;

describe('the search indexes stay merged as notes are written one at a time', () => {
  it('a merge while idle merges both indexes, and every search answers exactly as before', () => {
    mergeSearchIndex(seeded.library.database());
    saveNotes(0, 60);
    // FTS5 alone leaves up to 15 small segments on a level (crisismerge 16), merging every 64 pages
    // written (its work unit): each index at its own point of that count.
    expect(Math.max(...segments())).toBeGreaterThan(bound);
    const before = answers();
    expect(before.every((a) => a.total > 0)).toBe(true);
    const db = seeded.library.database();
    while (mergeSearchIndexWhileIdle(db, 1)) expect(answers()).toEqual(before);
    for (const n of segments()) expect(n).toBeLessThanOrEqual(bound);
    expect(answers()).toEqual(before);
    for (const table of searchIndexTables) db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
  });

  it('with an idle merge between writes the segment count stays bounded over 200 notes', () => {
    const db = seeded.library.database();
    let most = 0;
    saveNotes(0, 200, () => {
      while (mergeSearchIndexWhileIdle(db, 10));
      most = Math.max(most, ...segments());
    });
    expect(most).toBeLessThanOrEqual(bound);
  });

  it('the idle tick after writes merges them, with no call from the writer', async () => {
    saveNotes(0, 40);
    expect(Math.max(...segments())).toBeGreaterThan(bound);
    await new Promise((resolve) => setTimeout(resolve, checkpointIntervalMs * 2 + 200));
    for (const n of segments()) expect(n).toBeLessThanOrEqual(bound);
  });
});
