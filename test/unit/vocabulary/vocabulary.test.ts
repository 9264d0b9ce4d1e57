import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParagraphView } from '../../../preload/contract/articleTypes';
import { LibraryError } from '../../../main/library/libraryError';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../support/seededLibrary';

let seeded: SeededLibrary;
let clock = new Date('2026-12-01T09:00:00.000Z');
beforeEach(async () => {
  clock = new Date('2026-12-01T09:00:00.000Z');
  seeded = await openSeededLibrary(() => clock);
});
afterEach(() => seeded.dispose());

/** A two-character word of a seed paragraph, with the sentence around it as the pop-up sends it. */
function wordIn(paragraph: ParagraphView, from: number) {
  // Two Chinese characters: the seeds' text has half-width punctuation a word never holds.
  const at = from + paragraph.text.slice(from).search(/\p{Script=Han}{2}/u);
  const sentenceStart = Math.max(0, paragraph.text.lastIndexOf('。', at) + 1);
  const sentenceEnd = paragraph.text.indexOf('。', at + 2);
  const sentence = paragraph.text.slice(sentenceStart, sentenceEnd === -1 ? undefined : sentenceEnd + 1);
  return {
    paragraphId: paragraph.id,
    start: at,
    end: at + 2,
    word: paragraph.text.slice(at, at + 2),
    sentence,
    sentenceOffset: at - sentenceStart,
  };
}

function firstParagraph(prefix = '001') {
  const article = seedArticle(seeded.library, prefix);
  return { article, paragraph: bodyParagraphs(article, 60)[0]! };
}

describe('the vocabulary', () => {
  it('saves a word with its reading, sense, sentence and a pizhu:// link to its paragraph, across a restart', async () => {
    const { article, paragraph } = firstParagraph();
    const request = wordIn(paragraph, 4);
    const saved = seeded.library.vocabulary.addVocabulary({ ...request, reading: ' xīn ', sense: 'new; meaning' });
    expect(saved).toMatchObject({
      word: request.word,
      storedWord: paragraph.text.slice(request.start, request.end),
      reading: 'xīn',
      sense: 'new; meaning',
      sentence: request.sentence,
      articleId: article.id,
      articleTitle: article.metadata.title,
      paragraphId: paragraph.id,
      start: request.start,
      end: request.end,
      link: `pizhu://article/${article.id}#${paragraph.id}`,
      createdAt: '2026-12-01T09:00:00.000Z',
    });
    const library = await seeded.reopen();
    expect(library.vocabulary.listVocabulary()).toEqual([saved]);
  });

  it('keeps the word as the reader showed it beside the stored text (a traditional mode over simplified text)', () => {
    const { paragraph } = firstParagraph();
    const shown = '發展';
    const saved = seeded.library.vocabulary.addVocabulary({
      paragraphId: paragraph.id,
      start: 0,
      end: 2,
      word: shown,
      sentence: `X${shown}Y`,
      sentenceOffset: 1,
    });
    expect(saved.word).toBe(shown);
    expect(saved.storedWord).toBe(paragraph.text.slice(0, 2));
  });

  it('each add, edit and delete is one undo step, and undo of a delete brings the same entry back', () => {
    const { vocabulary, annotations } = seeded.library;
    const { paragraph } = firstParagraph();
    const entry = vocabulary.addVocabulary(wordIn(paragraph, 2));
    clock = new Date('2026-12-01T09:05:00.000Z');
    const edited = vocabulary.updateVocabulary(entry.id, { reading: 'a', sense: 'b' });
    expect(edited).toMatchObject({ reading: 'a', sense: 'b', updatedAt: '2026-12-01T09:05:00.000Z' });
    vocabulary.removeVocabulary(entry.id);
    expect(vocabulary.listVocabulary()).toEqual([]);

    expect(annotations.undo()).toMatchObject({ op: 'vocabulary.remove', articleIds: [] });
    expect(vocabulary.listVocabulary()).toEqual([edited]);
    expect(annotations.undo()).toMatchObject({ op: 'vocabulary.edit' });
    expect(vocabulary.listVocabulary()).toEqual([entry]);
    expect(annotations.undo()).toMatchObject({ op: 'vocabulary.add' });
    expect(vocabulary.listVocabulary()).toEqual([]);
    expect(annotations.redo()).toMatchObject({ op: 'vocabulary.add' });
    expect(vocabulary.listVocabulary()).toEqual([entry]);
  });

  it('an edit that changes nothing is no undo step', () => {
    const { vocabulary, annotations } = seeded.library;
    const { paragraph } = firstParagraph();
    const entry = vocabulary.addVocabulary({ ...wordIn(paragraph, 2), reading: 'r' });
    vocabulary.updateVocabulary(entry.id, { reading: ' r ' });
    expect(annotations.undo()).toMatchObject({ op: 'vocabulary.add' });
  });

  it('refuses bad input with a clear message and saves nothing', () => {
    const { vocabulary } = seeded.library;
    const { paragraph } = firstParagraph();
    const good = wordIn(paragraph, 2);
    const refused = (request: Parameters<typeof vocabulary.addVocabulary>[0], pattern: RegExp) => {
      let error: unknown;
      try {
        vocabulary.addVocabulary(request);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(LibraryError);
      expect((error as LibraryError).message).toMatch(pattern);
    };
    refused({ ...good, word: '  ' }, /needs at least one character/);
    refused({ ...good, start: 5, end: 5 }, /is not a range/);
    refused({ ...good, end: paragraph.text.length + 1 }, /is not a range/);
    refused({ ...good, paragraphId: 999_999 }, /no paragraph 999999/);
    refused({ ...good, sentenceOffset: good.sentenceOffset + 1 }, /does not hold/);
    refused({ ...good, sense: 'x'.repeat(5_000) }, /at most 4000 characters/);
    // A word never stands on a passage: what a backup could not restore is not saved.
    const long = seeded.library.importText(`长段落\n\n${'字'.repeat(600)}`, '长段落');
    const longParagraph = seeded.library.getArticle(long.articleId!).paragraphs.find((p) => p.text.length >= 600)!;
    refused({ paragraphId: longParagraph.id, start: 0, end: 401, word: '字字' }, /at most 400 characters/);
    expect(vocabulary.listVocabulary()).toEqual([]);
    expect(() => vocabulary.updateVocabulary(12345, { sense: 'x' })).toThrow(/no word 12345/);
    expect(() => vocabulary.removeVocabulary(12345)).toThrow(/no word 12345/);
  });

  it('filters by article, by a tag on the paragraph or a highlight in it (nested tags too), by date and by text in either script', () => {
    const { vocabulary, annotations } = seeded.library;
    const one = firstParagraph('001');
    const two = firstParagraph('003');
    const a = vocabulary.addVocabulary({ ...wordIn(one.paragraph, 0), reading: 'xuéxí', sense: 'to study' });
    clock = new Date('2026-12-03T23:59:00.000Z');
    const b = vocabulary.addVocabulary(wordIn(two.paragraph, 3));
    clock = new Date('2026-12-05T00:00:00.000Z');
    const c = vocabulary.addVocabulary(wordIn(two.paragraph, 6));

    expect(vocabulary.listVocabulary().map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(vocabulary.listVocabulary({ articleId: one.article.id }).map((e) => e.id)).toEqual([a.id]);
    expect(vocabulary.listVocabulary({ from: '2026-12-02', to: '2026-12-03' }).map((e) => e.id)).toEqual([b.id]);
    expect(vocabulary.listVocabulary({ from: '2026-12-04' }).map((e) => e.id)).toEqual([c.id]);
    expect(() => vocabulary.listVocabulary({ from: '2026-12-05', to: '2026-12-01' })).toThrow(/ends before it starts/);

    annotations.tagParagraph(one.paragraph.id, '词汇/政治');
    annotations.createHighlight({ paragraphId: two.paragraph.id, start: 0, end: 2, color: 'yellow', tags: ['词汇'] });
    expect(vocabulary.listVocabulary({ tag: '词汇' }).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(vocabulary.listVocabulary({ tag: '词汇/政治' }).map((e) => e.id)).toEqual([a.id]);
    expect(vocabulary.listVocabulary({ tag: '词' })).toEqual([]);

    expect(vocabulary.listVocabulary({ text: 'xuexi' }).map((e) => e.id)).toEqual([a.id]);
    expect(vocabulary.listVocabulary({ text: 'STUDY' }).map((e) => e.id)).toEqual([a.id]);
    // A word saved in simplified characters is found by a search typed in traditional ones, and the other way round.
    const d = vocabulary.addVocabulary({
      ...wordIn(two.paragraph, 8),
      word: '发展',
      sentence: '经济发展。',
      sentenceOffset: 2,
    });
    const e = vocabulary.addVocabulary({ ...wordIn(two.paragraph, 10), word: '網路', sentence: '', sentenceOffset: 0 });
    expect(vocabulary.listVocabulary({ text: '發展' }).map((x) => x.id)).toEqual([d.id]);
    expect(vocabulary.listVocabulary({ text: '网路' }).map((x) => x.id)).toEqual([e.id]);
  });

  it('exports CSV (RFC 4180, a header, quoted fields) and an Anki import file with the word marked in its sentence', () => {
    const { vocabulary } = seeded.library;
    const { article, paragraph } = firstParagraph();
    const found = wordIn(paragraph, 4);
    // A sentence with a comma and quotes, as Chinese text has (with the seeds' half-width ones too).
    const request = { ...found, sentence: `他说:"${found.word},好。"`, sentenceOffset: 4 };
    vocabulary.addVocabulary({ ...request, reading: 'pīn yīn', sense: 'a "quoted", sense\nsecond line <tag>' });

    const csvFile = path.join(seeded.dir, 'words.csv');
    expect(vocabulary.exportVocabulary(csvFile, 'csv')).toEqual({ path: csvFile, format: 'csv', words: 1 });
    const csv = fs.readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFFword,stored_word,reading,meaning,sentence,article,link,created_at\r\n')).toBe(true);
    const link = `pizhu://article/${article.id}#${paragraph.id}`;
    expect(csv).toContain(
      `${request.word},${request.word},pīn yīn,"a ""quoted"", sense\nsecond line <tag>","他说:""${request.word},好。""",`,
    );
    expect(csv).toContain(`,${link},2026-12-01T09:00:00.000Z\r\n`);

    const ankiFile = path.join(seeded.dir, 'words.txt');
    expect(vocabulary.exportVocabulary(ankiFile, 'anki').words).toBe(1);
    const lines = fs.readFileSync(ankiFile, 'utf8').split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '#separator:tab',
      '#html:true',
      '#columns:Word\tReading\tMeaning\tSentence\tSource',
    ]);
    const fields = lines[3]!.split('\t');
    expect(fields).toHaveLength(5);
    expect(fields).toEqual([
      request.word,
      'pīn yīn',
      'a &quot;quoted&quot;, sense<br>second line &lt;tag&gt;',
      `他说:&quot;<b>${request.word}</b>,好。&quot;`,
      `<a href="${link}">${article.metadata.title}</a>`,
    ]);
    expect(lines[4]).toBe('');
  });

  it('never writes an export onto the library file or into its backups folder, nor to a relative path', () => {
    const { vocabulary } = seeded.library;
    expect(() => vocabulary.exportVocabulary(seeded.dbPath, 'csv')).toThrow(/library's own file/);
    expect(() => vocabulary.exportVocabulary('words.csv', 'csv')).toThrow(/absolute path/);
  });

  it('refuses to export a date range that ends before it starts, and writes no file', () => {
    const file = path.join(seeded.dir, 'backwards.csv');
    expect(() => seeded.library.vocabulary.exportVocabulary(file, 'csv', { from: '2026-12-05', to: '2026-12-01' })).toThrow(
      /ends before it starts/,
    );
    expect(fs.existsSync(file)).toBe(false);
  });

  it('an entry outlives its article emptied from the trash, unlinked', async () => {
    const { article, paragraph } = firstParagraph();
    const saved = seeded.library.vocabulary.addVocabulary(wordIn(paragraph, 2));
    seeded.library.trashArticle(article.id);
    await seeded.library.emptyTrash();
    expect(seeded.library.vocabulary.listVocabulary()).toEqual([
      { ...saved, articleId: null, articleTitle: null, paragraphId: null, link: null },
    ]);
  });
});
