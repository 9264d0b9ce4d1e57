import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteContent } from '../../../../../main/library/annotations/noteOperations';
import { parseQuery } from '../../../../../main/library/search/parseQuery';
import { indexEverythingByRow } from '../../../../../main/library/store/migrations/0035-search-index-by-row';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';
import { bruteForce, indexRowids } from './searchOracle';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => {
  try {
    expectIndexInStep(seeded.library.database());
  } finally {
    seeded.dispose();
  }
});

/** The index answers exactly what the tables hold now: no row missing, none stale. */
function expectInSync(db: Db, terms: readonly string[]): void {
  for (const term of terms) {
    const rows = indexRowids(db, parseQuery(term).clauses).map(
      (r) => `${r % 2 === 1 ? 'note' : 'paragraph'}:${Math.floor(r / 2)}`,
    );
    expect(rows.length, term).toBe(new Set(rows).size);
    expect(new Set(rows), term).toEqual(bruteForce(db, [term], { includeHidden: true }));
  }
}

function note(paragraphId: number, text: string): NoteContent {
  const editorState = JSON.stringify({
    root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
  });
  return { paragraphId, editorState, plainText: text, markdown: text };
}

const probes = ['晋江', '公安', '背包', '民警', '發展', '相关文章'];

describe('the search index stays in step with the library', () => {
  it('(the check after each test sees a row left behind, and a row taken out with the wrong tokens)', () => {
    const db = seeded.library.database();
    const stale = "INSERT INTO search_index (rowid, tokens) VALUES (999998, '晋江 独角兽 §a1')";
    db.exec(stale);
    expect(() => expectIndexInStep(db)).toThrow();
    db.exec(stale.replace('(rowid,', '(search_index, rowid,').replace('VALUES (', "VALUES ('delete', "));
    expectIndexInStep(db);
    const paragraph = bodyParagraphs(seedArticle(seeded.library, '001'))[0]!;
    db.prepare("INSERT INTO search_index (search_index, rowid, tokens) VALUES ('delete', ?, '晋江 §a1')").run(
      paragraph.id * 2,
    );
    expect(() => expectIndexInStep(db)).toThrow();
    // A wrong delete cannot be taken back row by row: index the library afresh for the check after.
    db.exec(`INSERT INTO search_index (search_index) VALUES ('delete-all'); ${indexEverythingByRow}`);
  });

  it('holds every seed paragraph after import, and a new import at once', () => {
    const db = seeded.library.database();
    expectInSync(db, probes);
    const { articleId } = seeded.library.importText('麒麟出现在晋江。\n\n第二段没有它。', '新文章');
    expect(seeded.library.search.find('麒麟').hits.map((h) => h.articleId)).toEqual([articleId]);
    expectInSync(db, [...probes, '麒麟']);
  });

  it('follows a re-clean and a re-import that changes the text', async () => {
    const { library, dir } = seeded;
    const db = library.database();
    const file = path.join(dir, 'edited.txt');
    fs.writeFileSync(file, '标题\n\n独角兽出现在第一段,晋江公安。\n\n第二段讲别的事情,写得足够长。');
    const [outcome] = await library.importPaths([file]);
    const articleId = outcome!.articleId!;
    library.recleanArticle(articleId);
    expectInSync(db, [...probes, '独角兽']);

    fs.writeFileSync(file, '标题\n\n凤凰出现在第一段,晋江公安。\n\n第二段讲别的事情,写得足够长。');
    library.reimportArticle(articleId, fs.readFileSync(file), 'edited.txt');
    expect(library.search.find('独角兽').total).toBe(0);
    expect(library.search.find('凤凰').hits.map((h) => h.articleId)).toEqual([articleId]);
    expectInSync(db, [...probes, '独角兽', '凤凰']);

    for (const seed of ['000', '001', '002', '003', '004']) library.recleanArticle(seedArticle(library, seed).id);
    expectInSync(db, probes);
  });

  it('follows a paragraph re-classified as boilerplate and back', () => {
    const { library } = seeded;
    const article = seedArticle(library, '002');
    const paragraph = article.paragraphs.find((p) => p.kind === 'body' && p.text.includes('晉江'))!;
    const found = () =>
      library.search
        .find('晋江', { articleId: article.id, limit: 500 })
        .hits.some((h) => h.paragraphId === paragraph.id);
    expect(found()).toBe(true);
    library.reclassifyParagraph(paragraph.id, 'boilerplate');
    expect(found()).toBe(false);
    expect(
      library.search
        .find('晋江', { articleId: article.id, includeHidden: true, limit: 500 })
        .hits.some((h) => h.paragraphId === paragraph.id),
    ).toBe(true);
    library.reclassifyParagraph(paragraph.id, 'body');
    expect(found()).toBe(true);
    expectInSync(library.database(), probes);
  });

  it('follows notes: save, edit, delete, and undo and redo of each, folded like the text', () => {
    const { library } = seeded;
    const { annotations } = library;
    const db = library.database();
    const [paragraph] = bodyParagraphs(seedArticle(library, '004'));
    const noteHits = (query: string) =>
      library.search
        .find(query)
        .hits.filter((h) => h.kind === 'note')
        .map((h) => [h.paragraphId, h.text, h.matches]);

    annotations.saveNote(note(paragraph!.id, '這段寫的是獨角獸與晉江'));
    expect(noteHits('独角兽')).toEqual([[paragraph!.id, '這段寫的是獨角獸與晉江', [{ start: 5, end: 8 }]]]);
    expect(noteHits('晋江 独角兽')).toHaveLength(1);
    expectInSync(db, ['独角兽', '晋江']);

    // A second save more than five minutes later is its own undo step.
    const later = '這段寫的是鳳凰';
    db.prepare("UPDATE journal SET created_at = '2000-01-01T00:00:00.000Z'").run();
    annotations.saveNote(note(paragraph!.id, later));
    expect(noteHits('独角兽')).toEqual([]);
    expect(noteHits('凤凰')).toHaveLength(1);

    annotations.undo();
    expect(noteHits('独角兽')).toHaveLength(1);
    expect(noteHits('凤凰')).toEqual([]);
    annotations.redo();
    expect(noteHits('独角兽')).toEqual([]);
    expect(noteHits('凤凰')).toHaveLength(1);
    expectInSync(db, ['独角兽', '凤凰']);

    db.prepare("UPDATE journal SET created_at = '2000-01-01T00:00:00.000Z'").run();
    expect(annotations.saveNote(note(paragraph!.id, '  '))).toBeNull();
    expect(noteHits('凤凰')).toEqual([]);
    annotations.undo();
    expect(noteHits('凤凰')).toHaveLength(1);
    annotations.redo();
    expect(noteHits('凤凰')).toEqual([]);
    expectInSync(db, ['独角兽', '凤凰', ...probes]);
  });

  it('moves a note that a re-clean hands to another paragraph', async () => {
    const { library, dir } = seeded;
    const file = path.join(dir, 'moving.txt');
    fs.writeFileSync(file, '标题\n\n第一段会留下来,写得足够长。\n\n第二段会被删掉,上面有一条批注。');
    const [outcome] = await library.importPaths([file]);
    const article = library.getArticle(outcome!.articleId!);
    const doomed = article.paragraphs.find((p) => p.text.startsWith('第二段'))!;
    library.annotations.saveNote(note(doomed.id, '这条批注提到麒麟'));
    fs.writeFileSync(file, '标题\n\n第一段会留下来,写得足够长。');
    library.reimportArticle(article.id, fs.readFileSync(file), 'moving.txt');
    const hits = library.search.find('麒麟').hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'note', articleId: article.id });
    expect(hits[0]!.paragraphId).not.toBe(doomed.id);
    expectInSync(library.database(), ['麒麟', '第二段', '第一段']);
  });
});
