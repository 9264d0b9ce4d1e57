import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../../main/library/createLibrary';
import { runPizhu, tempLibraryEachTest } from '../../support/runPizhu';

/**
 * Issue #18 item 7: pizhu attributes import FILE.csv and pizhu matrix cooccurrence|article|
 * attribute [--tag T] --csv (and --out FILE.xlsx), on two articles imported from files.
 */
const temp = tempLibraryEachTest('pizhu-matrix-cli-');

describe('pizhu attributes and pizhu matrix', () => {
  it('imports attributes from a CSV, then prints each matrix as CSV and writes a workbook', async () => {
    for (const [name, text] of [
      // One-character first lines are no title: each article is titled from its first sentence.
      ['a.txt', '甲\n\n住房政策的调整。\n\n民生问题。'],
      ['b.txt', '乙\n\n住房和民生都谈到了。'],
    ]) fs.writeFileSync(path.join(temp.dir, name!), text!);
    expect((await runPizhu(['import', temp.dir, '--db', temp.db])).code).toBe(0);
    // Codes by hand: a: P0 政策 and 住房 on one highlight, P1 民生 on the paragraph; b: P0 住房 and 民生 in one paragraph.
    const library = await createLibrary({ dbPath: temp.db });
    try {
      const [a, b] = library.listArticles().sort((x, y) => x.id - y.id);
      const body = (id: number) => library.getArticle(id).paragraphs.filter((p) => p.kind === 'body');
      const [a0, a1] = body(a!.id);
      const [b0] = body(b!.id);
      library.annotations.createHighlight({ paragraphId: a0!.id, start: 0, end: 4, color: 'yellow', tags: ['政策', '住房'] });
      library.annotations.tagParagraph(a1!.id, '民生');
      library.annotations.createHighlight({ paragraphId: b0!.id, start: 0, end: 2, color: 'yellow', tags: ['住房'] });
      library.annotations.tagParagraph(b0!.id, '民生');
    } finally {
      library.close();
    }

    const csv = path.join(temp.dir, 'outlets.csv');
    fs.writeFileSync(csv, 'file,outlet\na.txt,官方\nb.txt,市场化\nc.txt,官方\n');
    const imported = await runPizhu(['attributes', 'import', csv, '--db', temp.db]);
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(
      'line 4: skipped (no article in the library has this file name or URL)\n2 values set on 2 articles, 1 lines skipped (one undo step in the app)',
    );

    const same = await runPizhu(['matrix', 'cooccurrence', '--scope', 'paragraph', '--csv', '--paragraphs', '--db', temp.db]);
    expect(same.code).toBe(0);
    // 住房×民生: b P0 · 住房×政策: a P0 · 民生×民生: a P1, b P0.
    expect(same.out.split('\r\n')).toEqual(['paragraphs,住房,政策,民生', '住房,2,1,1', '政策,1,1,0', '民生,1,0,2']);

    const byOutlet = await runPizhu(['matrix', 'attribute', '--attribute', 'outlet', '--tag', '住房', '--csv', '--db', temp.db]);
    expect(byOutlet.out.split('\r\n')).toEqual(['highlights,官方,市场化', '住房,1,1']);

    const byArticle = await runPizhu(['matrix', 'article', '--csv', '--paragraphs', '--db', temp.db]);
    expect(byArticle.out.split('\r\n')).toEqual(['paragraphs,住房政策的调整,住房和民生都谈到了', '住房,1,1', '政策,1,0', '民生,1,1']);

    const workbook = path.join(temp.dir, 'matrix.xlsx');
    const written = await runPizhu(['matrix', 'cooccurrence', '--within', '1', '--out', workbook, '--db', temp.db]);
    expect(written.code).toBe(0);
    const entries = unzipSync(fs.readFileSync(workbook));
    const sheets = Object.keys(entries).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(2);
    expect(strFromU8(entries['xl/workbook.xml']!)).toMatch(/name="Highlights".*name="Paragraphs"/s);

    expect((await runPizhu(['matrix', 'attribute', '--db', temp.db])).err).toContain('needs --attribute NAME');
    expect((await runPizhu(['matrix', 'diagonal', '--db', temp.db])).code).toBe(2);
  });
});
