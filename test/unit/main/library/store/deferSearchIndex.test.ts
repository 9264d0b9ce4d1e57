import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareJob } from '../../../../../main/library/import/prepareFile';
import { insertArticle, type NewArticle } from '../../../../../main/library/store/articles';
import { fingerprintsDroppedSql, withDeferredParagraphIndex } from '../../../../../main/library/store/deferSearchIndex';
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

describe('the fingerprints a batch drops, at its end', () => {
  it('are found by the batch’s paragraphs alone (their rowids), not by every older article’s paragraphs', () => {
    const db = seeded.library.database();
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${fingerprintsDroppedSql}`)
      .all(1, 1)
      .map((row) => (row as { detail: string }).detail);
    expect(plan).toContain('SEARCH paragraph USING INTEGER PRIMARY KEY (rowid>?)');
    expect(plan.join('\n')).not.toMatch(/paragraph USING (COVERING )?INDEX/);
  });
});

describe('a batch of imports indexes the tokens its parse made', () => {
  const text = '独角兽出现在晋江。\n\n第二段讲别的事情,写得足够长。';
  /** An article as the parse worker hands it over: its paragraphs' search tokens made (prepareFile). */
  const parsedWithTokens = (body: string, fileName: string): NewArticle => {
    const prepared = prepareJob({ fileName, dropped: new TextEncoder().encode(body) });
    if (!('article' in prepared)) throw new Error('not parsed');
    expect(prepared.article.searchTokens?.tokens).toHaveLength(prepared.article.parsed.paragraphs.length);
    return prepared.article;
  };

  it('indexes them as the trigger would have, and search finds the article', () => {
    const { library } = seeded;
    const db = library.database();
    // A one-character query reads the character index.
    const withCharacter = library.search.find('晋').hits.length;
    db.transaction(() =>
      withDeferredParagraphIndex(db, () => {
        insertArticle(db, parsedWithTokens(text, 'given.txt'), '2026-12-07T00:00:00.000Z');
      }),
    ).immediate();
    expect(hasInsertTrigger(db)).toEqual({ n: 1 });
    expect(library.search.find('独角兽').hits).toHaveLength(1);
    expect(library.search.find('晋').hits).toHaveLength(withCharacter + 1);
    expectIndexInStep(db);
  });

  it('indexes what the trigger would from the tokens given, for paragraphs with no tokens, words only, and folds that change length', () => {
    const db = seeded.library.database();
    // A paragraph of punctuation alone (no tokens, no characters), one of Latin words (no
    // characters), astral characters and one that folds to one (勣 -> 𪟝), full-width Latin.
    const body = '功勣卓著 𠀀書讲的是晋江的故事。\n\n———\n\nJinjiang ＩＣＰ 2024 hong-kong\n\n第四段葛\u{e0100}城,写得足够长。';
    const article = parsedWithTokens(body, 'edges.txt');
    const { tokens, characters } = article.searchTokens!;
    expect(tokens.some((t, i) => t === '' && characters[i] === '')).toBe(true);
    expect(tokens.some((t, i) => t !== '' && characters[i] === '')).toBe(true);
    db.transaction(() => withDeferredParagraphIndex(db, () => insertArticle(db, article, '2026-12-07T00:00:00.000Z'))).immediate();
    expect(seeded.library.search.find('𪟝卓').hits).toHaveLength(1);
    expectIndexInStep(db);
  });

  it('writes the tokens given, not the text tokenized again', () => {
    const db = seeded.library.database();
    const article = parsedWithTokens(text, 'marked.txt');
    const marked = { ...article, searchTokens: { ...article.searchTokens!, tokens: article.searchTokens!.tokens.map((t) => `${t} givenmark`) } };
    db.transaction(() => withDeferredParagraphIndex(db, () => insertArticle(db, marked, '2026-12-07T00:00:00.000Z'))).immediate();
    const rows = db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'givenmark'").pluck().get();
    expect(rows).toBe(article.parsed.paragraphs.length);
  });

  it('tokenizes the whole batch in SQL when one of its articles came without tokens', () => {
    const { library } = seeded;
    const db = library.database();
    const marked = parsedWithTokens(text, 'with.txt');
    const given = { ...marked, searchTokens: { ...marked.searchTokens!, tokens: marked.searchTokens!.tokens.map((t) => `${t} givenmark`) } };
    db.transaction(() =>
      withDeferredParagraphIndex(db, () => {
        insertArticle(db, given, '2026-12-07T00:00:00.000Z');
        library.importText('另一篇文章讲麒麟。\n\n它也有第二段,写得足够长。', '没有词元');
      }),
    ).immediate();
    expect(db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'givenmark'").pluck().get()).toBe(0);
    expect(library.search.find('麒麟').hits).toHaveLength(1);
    expect(library.search.find('独角兽').hits).toHaveLength(1);
    expectIndexInStep(db);
  });
});

describe('a batch of imports and the folded titles the library list filters by', () => {
  const titleVersion = (db: Db) => db.prepare('SELECT version FROM article_title_version').pluck().get() as number;
  const folded = (db: Db, id: number) => db.prepare('SELECT title_folded FROM article WHERE id = ?').pluck().get(id);
  const hasTitleTrigger = (db: Db) =>
    db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'article_title_insert'").pluck().get();

  it('stores each new article’s folded title and counts the change, with the trigger lifted during the batch and back after', () => {
    const { library } = seeded;
    const db = library.database();
    const before = titleVersion(db);
    let during: unknown;
    let ids: number[] = [];
    db.transaction(() =>
      withDeferredParagraphIndex(db, () => {
        during = hasTitleTrigger(db);
        ids = [library.importText('第一篇讲晉江的文章。', '晉江 Pizhu 報導'), library.importText('第二篇。', '臺灣')].map((o) => o.articleId!);
        // A writer that does not give the folded title (not the import's INSERT) gets it all the same.
        db.prepare("UPDATE article SET title_folded = '' WHERE id = ?").run(ids[1]);
      }),
    ).immediate();
    expect(during).toBe(0);
    expect(hasTitleTrigger(db)).toBe(1);
    expect(ids.map((id) => folded(db, id))).toEqual(['晋江 pizhu 报导', '台湾']);
    expect(titleVersion(db)).toBeGreaterThan(before);
    // The library list's title filter finds the article by its simplified, lower-case title.
    const page = library.listArticlePage({ view: 'library', sort: 'title', collation: 'zh', query: '晉江 PIZHU', tag: '', offset: 0, limit: 10 });
    expect(page.rows.map((r) => r.id)).toEqual([ids[0]]);
    // Outside a batch the trigger folds the title again.
    const later = library.importText('第三篇。', '報紙').articleId!;
    expect(folded(db, later)).toBe('报纸');
  });

  it('gives a new article its first version’s hash as its uid, as the uid trigger would', () => {
    const db = seeded.library.database();
    const id = seeded.library.importText('一篇有它自己的编号的文章。', '编号').articleId!;
    const row = db.prepare('SELECT uid, content_hash AS hash FROM article WHERE id = ?').get(id) as { uid: string; hash: string };
    expect(row.uid).toBe(row.hash);
  });
});
