import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../main/library/createLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

/**
 * Issue #19 item 3: `pizhu agreement` between two coders who each imported the same two files
 * into their own library and coded them. Paragraphs as the cleaner makes them:
 *   a.txt  [0] 甲 (1) · [1] 住房政策的调整。(8) · [2] 民生问题。(5)
 *   b.txt  [0] 乙 (1) · [1] 住房和民生都谈到了。(10)          25 characters in all
 * Lin:  a[1] [0,4) 住房政策 政策 · a[2] 民生 (paragraph) · b[1] [3,5) 民生 民生
 * Wang: a[1] [2,4) 政策 政策     · a[2] 民生 (paragraph) · b[1] [0,2) 住房 政策
 *
 * Character level (L = Lin coded, W = Wang coded; N = 25):
 *   政策: both 2, L only 2, W only 2, neither 19.  p_o = 21/25 = 84.0%
 *         p_e = (4·4 + 21·21)/625 = 457/625; κ = (525 − 457)/(625 − 457) = 68/168 = 0.405
 *         α: n = 50, o11 = 4, o00 = 38, o01 = 4, n1 = 8, n0 = 42: 1 − 49·4/(42·8) = 140/336 = 0.417
 *   民生: both 5, L only 2, neither 18.  p_o = 23/25 = 92.0%
 *         p_e = (7·5 + 18·20)/625 = 395/625; κ = (575 − 395)/(625 − 395) = 180/230 = 0.783
 *         α: n = 50, o11 = 10, o00 = 36, o01 = 2, n1 = 12, n0 = 38: 1 − 49·2/(38·12) = 358/456 = 0.785
 *   all codes (50 units): both 7, L only 4, W only 2, neither 37.  p_o = 44/50 = 88.0%
 *         p_e = (11·9 + 39·41)/2500 = 1698/2500; κ = (2200 − 1698)/(2500 − 1698) = 502/802 = 0.626
 *         α: n = 100, o11 = 14, o00 = 74, o01 = 6, n1 = 20, n0 = 80: 1 − 99·6/(80·20) = 1006/1600 = 0.629
 */
const temp = tempLibraryEachTest('pizhu-agreement-cli-');

async function twoCoders(): Promise<{ lin: string; wang: string }> {
  const corpus = path.join(temp.dir, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'a.txt'), '甲\n\n住房政策的调整。\n\n民生问题。');
  fs.writeFileSync(path.join(corpus, 'b.txt'), '乙\n\n住房和民生都谈到了。');
  const lin = path.join(temp.dir, 'lin.sqlite');
  const wang = path.join(temp.dir, 'wang.sqlite');
  for (const db of [lin, wang]) expect((await runPizhu(['import', corpus, '--db', db])).code).toBe(0);
  const code = async (db: string, work: (find: (text: string) => number, library: Awaited<ReturnType<typeof createLibrary>>) => void) => {
    const library = await createLibrary({ dbPath: db });
    try {
      const paragraphs = library.listArticles().flatMap((a) => library.getArticle(a.id).paragraphs);
      work((text) => paragraphs.find((p) => p.text === text)!.id, library);
    } finally {
      library.close();
    }
  };
  await code(lin, (find, library) => {
    library.annotations.createHighlight({ paragraphId: find('住房政策的调整。'), start: 0, end: 4, color: 'yellow', tags: ['政策'] });
    library.annotations.tagParagraph(find('民生问题。'), '民生');
    library.annotations.createHighlight({ paragraphId: find('住房和民生都谈到了。'), start: 3, end: 5, color: 'yellow', tags: ['民生'] });
  });
  await code(wang, (find, library) => {
    library.annotations.createHighlight({ paragraphId: find('住房政策的调整。'), start: 2, end: 4, color: 'blue', tags: ['政策'] });
    library.annotations.tagParagraph(find('民生问题。'), '民生');
    library.annotations.createHighlight({ paragraphId: find('住房和民生都谈到了。'), start: 0, end: 2, color: 'blue', tags: ['政策'] });
  });
  return { lin, wang };
}

describe('pizhu agreement', () => {
  it('prints each code\'s figures, all codes pooled, and every passage where the coders differ', async () => {
    const { lin, wang } = await twoCoders();
    const run = await runPizhu(['agreement', '--db', lin, '--with', wang]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toEqual([
      'Agreement of lin, wang on 2 articles, each character (UTF-16 unit) once per code',
      "code\tunits\tagreement\tCohen's κ\tKrippendorff's α",
      '政策\t25\t84.0%\t0.405\t0.417',
      '民生\t25\t92.0%\t0.783\t0.785',
      'all codes\t50\t88.0%\t0.626\t0.629',
      'Where the coders differ (3 passages):',
      '住房政策的调整 [1] 0-2\t政策\t「住房」\tcoded by lin; not by wang',
      '住房和民生都谈到了 [1] 0-2\t政策\t「住房」\tcoded by wang; not by lin',
      '住房和民生都谈到了 [1] 3-5\t民生\t「民生」\tcoded by lin; not by wang',
    ]);

    // --json: the same figures unrounded, and each passage's paragraph row and text.
    const json = JSON.parse((await runPizhu(['agreement', '--db', lin, '--with', wang, '--json'])).out) as {
      overall: { cohensKappa: number; krippendorffAlpha: number };
      disagreements: Array<{ code: string; text: string; paragraphId: number; codedBy: string[] }>;
    };
    expect(json.overall.cohensKappa).toBeCloseTo(502 / 802, 12);
    expect(json.overall.krippendorffAlpha).toBeCloseTo(1006 / 1600, 12);
    expect(json.disagreements.map((d) => [d.code, d.text, d.codedBy])).toEqual([
      ['政策', '住房', ['lin']],
      ['政策', '住房', ['wang']],
      ['民生', '民生', ['lin']],
    ]);
  });

  it('paragraph level, one article and one tag', async () => {
    const { lin, wang } = await twoCoders();
    // Article 1 (a.txt), 政策 by paragraph: [1] both, [0] and [2] neither. Both values occur and
    // no pair differs: p_o = 1, κ = 1, α = 1.
    const run = await runPizhu(['agreement', '--db', lin, '--with', wang, '--level', 'paragraph', '--article', '1', '--tag', '政策']);
    expect(run.out.split('\n')).toEqual([
      'Agreement of lin, wang on 1 article, each paragraph once per code',
      "code\tunits\tagreement\tCohen's κ\tKrippendorff's α",
      '政策\t3\t100.0%\t1.000\t1.000',
      'all codes\t3\t100.0%\t1.000\t1.000',
      'The coders differ nowhere.',
    ]);
  });

  it('says when an article is missing from a library, and compares it only where it is', async () => {
    const { lin, wang } = await twoCoders();
    fs.writeFileSync(path.join(temp.dir, 'c.txt'), '丙\n\n只有林导入了这一篇。');
    expect((await runPizhu(['import', path.join(temp.dir, 'c.txt'), '--db', lin])).code).toBe(0);
    // Article 3 is Lin's alone: no unit of it has two coders. Article 1, 民生 by paragraph: [2] both, the rest neither.
    const run = await runPizhu(['agreement', '--db', lin, '--with', wang, '--level', 'paragraph', '--article', '1,3', '--tag', '民生']);
    expect(run.out.split('\n')).toEqual([
      'Agreement of lin, wang on 2 articles, each paragraph once per code',
      "code\tunits\tagreement\tCohen's κ\tKrippendorff's α",
      '民生\t3\t100.0%\t1.000\t1.000',
      'all codes\t3\t100.0%\t1.000\t1.000',
      '1 article not in every library: each compared among the libraries that hold it.',
      'The coders differ nowhere.',
    ]);
  });

  it('cuts a long passage to its first 40 characters in the list, and gives it whole in --json', async () => {
    const { lin, wang } = await twoCoders();
    const long = '𠀀'.repeat(3) + '这一段很长，'.repeat(10);
    const file = path.join(temp.dir, 'd.txt');
    fs.writeFileSync(file, `丁\n\n${long}`);
    for (const db of [lin, wang]) expect((await runPizhu(['import', file, '--db', db])).code).toBe(0);
    const library = await createLibrary({ dbPath: lin });
    let title = '';
    try {
      const article = library.getArticle(3);
      title = article.metadata.title;
      library.annotations.tagParagraph(article.paragraphs.find((p) => p.text === long)!.id, '长段');
    } finally {
      library.close();
    }
    const args = ['agreement', '--db', lin, '--with', wang, '--level', 'paragraph', '--article', '3', '--tag', '长段'];
    const run = await runPizhu(args);
    expect(run.out.split('\n').at(-1)).toBe(`${title} [1] 0-${long.length}\t长段\t「${[...long].slice(0, 40).join('')}…」\tcoded by lin; not by wang`);
    const json = JSON.parse((await runPizhu([...args, '--json'])).out) as { disagreements: Array<{ text: string }> };
    expect(json.disagreements.map((d) => d.text)).toEqual([long]);
  });

  it('refuses a call without another library, a missing file, the same file twice or an unknown level', async () => {
    const { lin, wang } = await twoCoders();
    const cases: Array<[string[], string]> = [
      [['agreement', '--db', lin], "pizhu: agreement needs --coders A,B (members of this library) or --with FILE (another coder's library holding the same articles)\n"],
      [['agreement', '--db', lin, '--with', path.join(temp.dir, 'none.sqlite')], `pizhu: --with ${path.join(temp.dir, 'none.sqlite')}: there is no library file there\n`],
      [['agreement', '--db', lin, '--with', lin], `pizhu: ${lin} is given twice: each library is one coder\n`],
      [['agreement', '--db', lin, '--with', wang, '--level', 'word'], 'pizhu: --level must be character or paragraph\n'],
      [['agreement', '--db', lin, '--with', wang, '--article', '1,x'], 'pizhu: --article needs article ids (1 or 1,2,3)\n'],
    ];
    for (const [args, message] of cases) {
      const run = await runPizhu(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err.startsWith(message), run.err).toBe(true);
    }
    expect(fs.existsSync(path.join(temp.dir, 'none.sqlite'))).toBe(false);

    // A file that is no library: the message names it, not this library.
    const text = path.join(temp.dir, 'notes.sqlite');
    fs.writeFileSync(text, 'not a library');
    const refused = await runPizhu(['agreement', '--db', lin, '--with', text]);
    expect(refused.code).toBe(1);
    expect(refused.err.startsWith(`pizhu: ${text}: The library file is damaged or is not a Pizhu library`), refused.err).toBe(true);
    expect(fs.readFileSync(text, 'utf8')).toBe('not a library');
  });

  it('refuses a folder, a pipe, or this library under another name as --with, at once', async () => {
    const { lin } = await twoCoders();
    const folder = path.join(temp.dir, 'folder.sqlite');
    fs.mkdirSync(folder);
    const link = path.join(temp.dir, 'link.sqlite');
    fs.symlinkSync(lin, link);
    const cases: Array<[string, string]> = [
      [folder, `pizhu: --with ${folder}: a folder, not a library file\n`],
      [link, `pizhu: ${link} is ${lin} under another name: each library is one coder\n`],
    ];
    if (process.platform !== 'win32') {
      // Opening a pipe waits for a writer: without the check the command never returns.
      const pipe = path.join(temp.dir, 'pipe.sqlite');
      execFileSync('mkfifo', [pipe]);
      cases.push([pipe, `pizhu: --with ${pipe}: not a regular file, not a library file\n`]);
    }
    for (const [file, message] of cases) {
      const run = await runPizhu(['agreement', '--db', lin, '--with', file]);
      expect(run.code, file).toBe(2);
      expect(run.err.startsWith(message), run.err).toBe(true);
    }
  });
});
