import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemoText } from '../../../../preload/contract/memoTypes';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { secondArticleText } from '../syncedArticle';
import { devicesPerTest, expectConverged, type Device } from './syncedLibraries';

/**
 * A JSON backup merged into one device writes outside the undo journal; what it added still
 * reaches the other devices (#19): before, a note from a merged backup never arrived elsewhere.
 */
const devices = devicesPerTest();

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const text = (plain: string): MemoText => ({
  editorState: JSON.stringify(plainTextNoteState(plain)),
  plainText: plain,
  markdown: plain,
});

function saveNote(d: Device, articleId: number, ord: number, plain: string) {
  const paragraph = d.library.getArticle(articleId).paragraphs.find((p) => p.order === ord)!;
  d.library.annotations.saveNote({ paragraphId: paragraph.id, ...text(plain) });
}

/** Highlights a word where it stands in the article's paragraph, with tags. */
function highlight(d: Device, articleId: number, ord: number, word: string, tags: string[]) {
  const paragraph = d.library.getArticle(articleId).paragraphs.find((p) => p.order === ord)!;
  const start = paragraph.text.indexOf(word);
  expect(start).toBeGreaterThanOrEqual(0);
  d.library.annotations.createHighlight({
    paragraphId: paragraph.id,
    start,
    end: start + word.length,
    color: 'green',
    tags,
  });
}

function saveWord(d: Device, articleId: number, ord: number, word: string) {
  const paragraph = d.library.getArticle(articleId).paragraphs.find((p) => p.order === ord)!;
  const start = paragraph.text.indexOf(word);
  d.library.vocabulary.addVocabulary({ paragraphId: paragraph.id, start, end: start + word.length, word });
}

/** What a person sees of an article on a device: highlights with tags, notes by position, memo, attributes, words. */
function seen(d: Device, articleId: number) {
  const article = d.library.getArticle(articleId);
  const ordOf = new Map(article.paragraphs.map((p) => [p.id, p.order]));
  return {
    highlights: article.highlights.map((h) => ({ quote: h.quote, color: h.color, tags: h.tags })),
    notes: article.notes.map((n) => ({ ord: ordOf.get(n.paragraphId), text: n.plainText })),
    memo: d.library.memos.getArticleMemo(articleId)?.plainText ?? null,
    attributes: d.library.attributes.articleAttributes(articleId).map((v) => ({ name: v.name, value: v.value })),
    words: d.library.vocabulary
      .listVocabulary()
      .filter((w) => w.paragraphId !== null && ordOf.has(w.paragraphId))
      .map((w) => w.word),
  };
}

describe('a JSON backup merged into one device', () => {
  it('reaches the other: annotations, memos, words, overrides and attributes, on a shared article and a new one', async () => {
    const [a, b, c] = await devices(3);
    // A and B share a note before the merge; the backup's note on that paragraph is joined to it.
    saveNote(a!, a!.articleId, 0, '甲的笔记');
    expectConverged([a!, b!]);

    // The backup comes from a third library (never synced) holding the shared article and another.
    const second = c!.library.importText(secondArticleText, '菜市场').articleId!;
    highlight(c!, c!.articleId, 1, '河水', ['河流']);
    highlight(c!, second, 0, '菜市场', ['市场']);
    c!.library.annotations.describeTag('河流', { definition: '写水的段落', inclusion: '', exclusion: '', example: '' });
    saveNote(c!, c!.articleId, 0, '丙的笔记');
    saveNote(c!, second, 1, '老人的故事');
    c!.library.memos.saveArticleMemo(c!.articleId, text('城市与河流的备忘'));
    c!.library.memos.saveArticleMemo(second, text('菜市场的备忘'));
    c!.library.memos.saveJournalEntry(undefined, text('丙的项目日志'));
    saveWord(c!, c!.articleId, 2, '散步');
    saveWord(c!, second, 1, '顾客');
    c!.library.overrides.add({ source: '软件', target: '軟體', modes: ['tw'] });
    const source = c!.library.attributes.defineAttribute({ name: '来源', kind: 'text' });
    c!.library.attributes.setAttributeValue([c!.articleId, second], source.id, '晚报');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-merged-backup-'));
    const file = path.join(dir, 'backup.json');
    c!.library.exportBackup(file);
    const expectedShared = seen(c!, c!.articleId);
    const expectedSecond = seen(c!, second);

    const counts = a!.library.importBackup(file);
    expect(counts.articlesAdded).toBe(1);
    expectConverged([a!, b!]);

    const secondOn = (d: Device) => d.library.listArticles().find((x) => x.title === '菜市场')?.id;
    for (const d of [a!, b!]) {
      expect(seen(d, d.articleId)).toEqual({
        ...expectedShared,
        notes: [{ ord: 0, text: expect.stringMatching(/甲的笔记[\s\S]*丙的笔记/) as unknown }],
      });
      expect(secondOn(d)).toBeDefined();
      expect(seen(d, secondOn(d)!)).toEqual(expectedSecond);
      expect(d.library.annotations.listTags().map((t) => [t.name, t.description?.definition ?? null])).toEqual(
        expect.arrayContaining([
          ['河流', '写水的段落'],
          ['市场', null],
        ]),
      );
      expect(d.library.memos.listJournal().map((m) => m.plainText)).toEqual(['丙的项目日志']);
      expect(d.library.overrides.list().map((o) => [o.source, o.target])).toEqual([['软件', '軟體']]);
    }
  });

  it('joins its note on an article new here to the note another device made there before the text arrived', async () => {
    const [a, b, c] = await devices(3);
    // B annotates an article A does not have; A receives B's documents but not the text: held there.
    const onB = b!.library.importText(secondArticleText, '菜市场').articleId!;
    saveNote(b!, onB, 0, '乙的笔记');
    highlight(b!, onB, 0, '菜市场', ['市场']);
    b!.library.memos.saveArticleMemo(onB, text('乙的备忘'));
    for (const name of b!.library.sync.docNames().filter((n) => !n.startsWith('text/'))) {
      a!.library.sync.apply(name, b!.library.sync.diff(name, a!.library.sync.stateVector(name)));
    }
    expect(a!.library.listArticles().map((x) => x.title)).toEqual(['城市与河流']);

    // The backup, from a third library, holds that article with another note on that paragraph and another highlight.
    const onC = c!.library.importText(secondArticleText, '菜市场').articleId!;
    saveNote(c!, onC, 0, '丙的笔记');
    highlight(c!, onC, 1, '豆腐', ['豆制品']);
    c!.library.memos.saveArticleMemo(onC, text('丙的备忘'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-merged-backup-'));
    const file = path.join(dir, 'backup.json');
    c!.library.exportBackup(file);

    expect(a!.library.importBackup(file).articlesAdded).toBe(1);
    expectConverged([a!, b!]);

    for (const d of [a!, b!]) {
      const id = d.library.listArticles().find((x) => x.title === '菜市场')!.id;
      const { notes, highlights, memo } = seen(d, id);
      expect(memo).toMatch(/乙的备忘[\s\S]*丙的备忘/);
      expect(notes).toEqual([{ ord: 0, text: expect.stringMatching(/乙的笔记[\s\S]*丙的笔记/) as unknown }]);
      expect(highlights.map((h) => [h.quote, h.tags]).sort()).toEqual([
        ['菜市场', ['市场']],
        ['豆腐', ['豆制品']],
      ]);
    }
  });
});
