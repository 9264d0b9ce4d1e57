import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { computeAgreement } from '../../../../../main/library/analysis/agreement/computeAgreement';
import { readAgreementInput, type StoredCoding } from '../../../../../main/library/analysis/agreement/readAgreementInput';

/**
 * A library coded by two people, told apart here by which highlights each made (the coder
 * attribution itself comes with sync's members). Article 甲's paragraphs, whatever the cleaner
 * makes of the title, end with:
 *   B0 "𠀀字开头的段落。"  (the first character is astral: 2 UTF-16 units)
 *   B1 "第二段文字。"
 * Code 民生: Lin highlights B0 [0,3) (𠀀字); Wang highlights B0 [2,3) (字) and tags B1 whole.
 * Code 政策: only in article 乙, not chosen: not compared.
 */
let dir: string;
let library: Library;
let a: number;
let b: number;
let trashed: number;
const byLin = new Set<number>();
const coderOf = (coding: StoredCoding) => (coding.highlightId !== null && byLin.has(coding.highlightId) ? 'lin' : 'wang');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-agreement-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  a = library.importText('𠀀字开头的段落。\n\n第二段文字。', '甲').articleId!;
  b = library.importText('另一篇文章的段落。', '乙').articleId!;
  trashed = library.importText('放进回收站的文章。', '丙').articleId!;
  library.trashArticle(trashed);
  const paragraphs = library.getArticle(a).paragraphs;
  const [b0, b1] = paragraphs.slice(-2);
  const h = library.annotations;
  byLin.add(h.createHighlight({ paragraphId: b0!.id, start: 0, end: 3, color: 'yellow', tags: ['民生'] }).id);
  h.createHighlight({ paragraphId: b0!.id, start: 2, end: 3, color: 'blue', tags: ['民生'] });
  h.tagParagraph(b1!.id, '民生');
  const other = library.getArticle(b).paragraphs.at(-1)!;
  h.createHighlight({ paragraphId: other.id, start: 0, end: 2, color: 'yellow', tags: ['政策'] });
});
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reading a library\'s coding for agreement', () => {
  it('gives every paragraph its UTF-16 length and each coding its paragraph index and coder', () => {
    const paragraphs = library.getArticle(a).paragraphs;
    const { input, tagNames, paragraphIds } = readAgreementInput(library.database(), { level: 'character', articleIds: [a], coders: ['lin', 'wang'], coderOf });
    expect(input.articles).toEqual([{ id: a, paragraphLengths: paragraphs.map((p) => p.text.length) }]);
    expect(input.articles[0]!.paragraphLengths.at(-2)).toBe(9); // 𠀀 counts 2
    expect(paragraphIds.get(a)).toEqual(paragraphs.map((p) => p.id));
    const tag = [...tagNames].find(([, name]) => name === '民生')![0];
    expect([...tagNames.values()]).toEqual(['民生']);
    const last = paragraphs.length - 1;
    expect(input.highlights).toEqual(
      expect.arrayContaining([
        { coder: 'lin', code: tag, article: a, paragraph: last - 1, start: 0, end: 3 },
        { coder: 'wang', code: tag, article: a, paragraph: last - 1, start: 2, end: 3 },
      ]),
    );
    expect(input.highlights).toHaveLength(2);
    expect(input.paragraphCodes).toEqual([{ coder: 'wang', code: tag, article: a, paragraph: last }]);
  });

  it('gives the figures and passages a hand count of the library gives', () => {
    const { input } = readAgreementInput(library.database(), { level: 'paragraph', articleIds: [a], coders: ['lin', 'wang'], coderOf });
    const report = computeAgreement(input);
    const n = input.articles[0]!.paragraphLengths.length;
    // Paragraph level: B0 both, B1 Wang only, every other paragraph (the title, if any) neither.
    // n units; p_o = (n − 1)/n.
    expect(report.perCode[0]).toMatchObject({ units: n, percentAgreement: (n - 1) / n });
    expect(report.disagreements).toEqual([
      { code: input.codes[0], article: a, paragraph: n - 1, start: 0, end: 6, codedBy: ['wang'], notCodedBy: ['lin'] },
    ]);
    // Character level: Lin alone codes 𠀀 (2 units), both 字, Wang alone all 6 of B1.
    const chars = computeAgreement({ ...input, level: 'character' });
    expect(chars.disagreements.map((d) => [d.paragraph, d.start, d.end, d.codedBy])).toEqual([
      [n - 2, 0, 2, ['lin']],
      [n - 1, 0, 6, ['wang']],
    ]);
  });

  it('names the tags compared when asked, even one not used in the articles', () => {
    const tags = library.annotations.listTags();
    const policy = tags.find((t) => t.name === '政策')!.id;
    const { input, tagNames } = readAgreementInput(library.database(), { level: 'paragraph', articleIds: [a], tagIds: [policy], coders: ['lin', 'wang'], coderOf });
    expect(input.codes).toEqual([policy]);
    expect(tagNames).toEqual(new Map([[policy, '政策']]));
    expect(computeAgreement(input).perCode[0]).toMatchObject({ percentAgreement: 1, krippendorffAlpha: null });
  });

  it('refuses an article not in the library or in the trash, and a tag that does not exist', () => {
    const db = library.database();
    const base = { level: 'paragraph' as const, coders: ['lin', 'wang'], coderOf };
    expect(() => readAgreementInput(db, { ...base, articleIds: [a, 9999] })).toThrow('There is no article 9999.');
    expect(() => readAgreementInput(db, { ...base, articleIds: [trashed] })).toThrow(`Article ${trashed} is in the trash; restore it to compare its coding.`);
    expect(() => readAgreementInput(db, { ...base, articleIds: [a], tagIds: [9999] })).toThrow('There is no tag 9999.');
  });
});
