import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { computeAgreement } from '../../../../../main/library/analysis/agreement/computeAgreement';
import { readLibrariesAgreement } from '../../../../../main/library/analysis/agreement/readLibrariesAgreement';

/**
 * Two people code their own copies of one corpus. Lin's library holds both articles, Wang's only
 * the first (so Wang has no data for the second: missing, not "not coded").
 *   甲 "住房政策调整了。\n\n市民生活改善。"   P0 (8 characters), P1 (7), whatever kinds the cleaner gives them
 *   乙 "第三篇只在林的库里。"
 * Lin:  P0 [0,4) 住房政策 tagged "Policy"; 乙 tagged "Policy" whole.
 * Wang: P0 [2,4) 政策 tagged "policy" (the same code: names match in any case); P1 tagged 民生 whole.
 */
const first = '住房政策调整了。\n\n市民生活改善。';
let dir: string;
let lin: Library;
let wang: Library;
let a: number;
let b: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-agreement-libraries-'));
  lin = await createLibrary({ dbPath: path.join(dir, 'lin.sqlite') });
  wang = await createLibrary({ dbPath: path.join(dir, 'wang.sqlite') });
  a = lin.importText(first, '甲').articleId!;
  b = lin.importText('第三篇只在林的库里。', '乙').articleId!;
  const theirs = wang.importText(first, '甲').articleId!;
  const paragraph = (library: Library, id: number, text: string) => library.getArticle(id).paragraphs.find((p) => p.text === text)!.id;
  lin.annotations.createHighlight({ paragraphId: paragraph(lin, a, '住房政策调整了。'), start: 0, end: 4, color: 'yellow', tags: ['Policy'] });
  lin.annotations.tagParagraph(paragraph(lin, b, '第三篇只在林的库里。'), 'Policy');
  wang.annotations.createHighlight({ paragraphId: paragraph(wang, theirs, '住房政策调整了。'), start: 2, end: 4, color: 'yellow', tags: ['policy'] });
  wang.annotations.tagParagraph(paragraph(wang, theirs, '市民生活改善。'), '民生');
});
afterAll(() => {
  lin.close();
  wang.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const libraries = () => [
  { coder: 'lin', db: lin.database() },
  { coder: 'wang', db: wang.database() },
];

describe('agreement between copies of one corpus coded in two libraries', () => {
  it('finds each article by its text, matches codes by name and leaves the article Wang lacks as missing', () => {
    const { input, paragraphIds } = readLibrariesAgreement(libraries(), { level: 'character', articleIds: [a, b] });
    expect(input.coders).toEqual(['lin', 'wang']);
    expect(input.codes).toEqual(['Policy', '民生']);
    expect(input.articles.map((x) => [x.id, x.coders])).toEqual([
      [a, ['lin', 'wang']],
      [b, ['lin']],
    ]);
    const paragraphs = lin.getArticle(a).paragraphs;
    expect(paragraphIds.get(a)).toEqual(paragraphs.map((p) => p.id));
    const p0 = paragraphs.findIndex((p) => p.text === '住房政策调整了。');

    const report = computeAgreement(input);
    // Article 甲 alone is compared: N characters. Policy: both 2 (政策), Lin only 2 (住房), neither N − 4.
    //   n = 2N, o01 = 2, n1 = 2·2 + 2 = 6, n0 = 2(N − 4) + 2 = 2N − 6; α = 1 − (2N − 1)·2/((2N − 6)·6).
    const N = paragraphs.reduce((sum, p) => sum + p.text.length, 0);
    const [policy, livelihood] = report.perCode;
    expect(policy).toMatchObject({ code: 'Policy', units: N, percentAgreement: (N - 2) / N });
    expect(policy!.krippendorffAlpha).toBeCloseTo(1 - ((2 * N - 1) * 2) / ((2 * N - 6) * 6), 12);
    expect(livelihood).toMatchObject({ code: '民生', units: N, percentAgreement: (N - 7) / N });
    expect(report.disagreements).toEqual([
      { code: 'Policy', article: a, paragraph: p0, start: 0, end: 2, codedBy: ['lin'], notCodedBy: ['wang'] },
      { code: '民生', article: a, paragraph: p0 + 1, start: 0, end: 7, codedBy: ['wang'], notCodedBy: ['lin'] },
    ]);
  });

  it('compares only the codes named, in the order named, a name given twice once', () => {
    const { input } = readLibrariesAgreement(libraries(), { level: 'paragraph', articleIds: [a], tagNames: ['民生', 'POLICY', '没用过', 'policy'] });
    expect(input.codes).toEqual(['民生', 'Policy', '没用过']);
    const report = computeAgreement(input);
    expect(report.perCode.map((c) => [c.code, c.percentAgreement])).toEqual([
      ['民生', (input.articles[0]!.paragraphLengths.length - 1) / input.articles[0]!.paragraphLengths.length],
      ['Policy', 1],
      ['没用过', 1],
    ]);
  });

  it('takes a tag named in the other script as the same code (技術 is 技术), as a library does', async () => {
    const [x, y] = await Promise.all(['x', 'y'].map((n) => createLibrary({ dbPath: path.join(dir, `${n}.sqlite`) })));
    try {
      const text = '技术进步很快。';
      const [ix, iy] = [x!.importText(text, '技').articleId!, y!.importText(text, '技').articleId!];
      const paragraph = (library: Library, id: number) => library.getArticle(id).paragraphs.find((p) => p.text === text)!.id;
      x!.annotations.tagParagraph(paragraph(x!, ix), '技術');
      y!.annotations.tagParagraph(paragraph(y!, iy), '技术');
      const { input } = readLibrariesAgreement(
        [
          { coder: 'x', db: x!.database() },
          { coder: 'y', db: y!.database() },
        ],
        { level: 'paragraph', articleIds: [ix] },
      );
      expect(input.codes).toEqual(['技術']);
      expect(computeAgreement(input).disagreements).toEqual([]);
    } finally {
      x!.close();
      y!.close();
    }
  });

  it('refuses an article whose copy is split into other paragraphs, naming whose copy', async () => {
    const other = await createLibrary({ dbPath: path.join(dir, 'zhang.sqlite') });
    try {
      // The same file cleaned into other paragraphs (as another version of the cleaner might).
      const id = other.importText(first, '甲').articleId!;
      const p = other.getArticle(id).paragraphs.find((x) => x.text === '市民生活改善。')!;
      other.database().prepare('UPDATE paragraph SET text = ? WHERE id = ?').run('市民生活改善', p.id);
      expect(() => readLibrariesAgreement([...libraries(), { coder: 'zhang', db: other.database() }], { level: 'character', articleIds: [a] })).toThrow(
        '"甲" is split into paragraphs differently in zhang\'s library, so its highlights cannot be compared; clean both copies with the same version of Pizhu.',
      );
    } finally {
      other.close();
    }
  });
});
