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

describe('a batch of imports and the fingerprints of duplicates', () => {
  const fingerprinted = (db: Db, articleId: number) =>
    db.prepare('SELECT count(*) FROM article_fingerprint WHERE article_id = ?').pluck().get(articleId);
  const hasFingerprintTrigger = (db: Db) =>
    db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'paragraph_insert_drops_fingerprint'").pluck().get();
  const addParagraph = (db: Db, articleId: number) =>
    db
      .prepare(
        `INSERT INTO paragraph (article_id, ord, kind, text, raw, checksum)
         VALUES (?, (SELECT max(ord) + 1 FROM paragraph WHERE article_id = ?), 'body', '新加的一段。', '', 'x')`,
      )
      .run(articleId, articleId);

  it('keeps the fingerprints of the batch’s new articles, drops those of older articles given a paragraph, as row by row would', () => {
    const { library } = seeded;
    const db = library.database();
    const older = db.prepare('SELECT article_id FROM article_fingerprint ORDER BY article_id').pluck().all() as number[];
    expect(older.length).toBeGreaterThanOrEqual(2);
    const [changed, untouched] = older as [number, number];
    let added: number | undefined;
    let during: unknown;
    db.transaction(() =>
      withDeferredParagraphIndex(db, () => {
        during = hasFingerprintTrigger(db);
        added = library.importText('独角兽出现在晋江。\n\n第二段讲别的事情,写得足够长。', '批量导入').articleId;
        addParagraph(db, changed);
      }),
    ).immediate();
    expect(during).toBe(0);
    expect(hasFingerprintTrigger(db)).toBe(1);
    expect(fingerprinted(db, added!)).toBe(1);
    expect(fingerprinted(db, changed)).toBe(0);
    expect(fingerprinted(db, untouched)).toBe(1);
    // The trigger is back: a paragraph added outside a batch drops its article's fingerprint at once.
    addParagraph(db, untouched);
    expect(fingerprinted(db, untouched)).toBe(0);
    expectIndexInStep(db);
  });
});
