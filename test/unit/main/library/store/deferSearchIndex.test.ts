import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDeferredParagraphIndex } from '../../../../../main/library/store/deferSearchIndex';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const hasInsertTrigger = (db: Db) =>
  db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'paragraph_search_insert'")
    .get();

describe('a batch of imports indexes its paragraphs once, at its end', () => {
  it('lifts the paragraph trigger for the batch (it recognises the trigger), then indexes what the trigger would have', () => {
    const { library } = seeded;
    const db = library.database();
    let during: unknown;
    db.transaction(() =>
      withDeferredParagraphIndex(db, () => {
        during = hasInsertTrigger(db);
        library.importText('独角兽出现在晋江。\n\n第二段讲别的事情,写得足够长。', '批量导入');
      }),
    ).immediate();
    expect(during).toEqual({ n: 0 });
    expect(hasInsertTrigger(db)).toEqual({ n: 1 });
    expect(library.search.find('独角兽').hits).toHaveLength(1);
    expectIndexInStep(db);
  });
});
