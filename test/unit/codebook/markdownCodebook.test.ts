import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';

/**
 * Issue #18 item 1: the Markdown codebook, a new export: one file listing the tag tree with each
 * tag's description, written into the export folder like every Markdown export.
 */
let dir: string;
let library: Library;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-codebook-md-'));
  library = await createLibrary({
    dbPath: path.join(dir, 'library.sqlite'),
    now: () => new Date('2026-12-06T09:30:00.000Z'),
  });
  const { articleId } = library.importText('标题\n\n今年的住房政策有三项调整。\n\n市民对民生问题的看法。', '标题');
  const [first, second] = library.getArticle(articleId!).paragraphs.slice(-2);
  library.annotations.tagParagraph(first!.id, '政策/住房');
  library.annotations.tagParagraph(second!.id, '政策');
  library.annotations.tagParagraph(second!.id, '民生*重要');
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The file without Pizhu's region markers and properties line: what a person reads. */
const readable = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('<!-- pizhu:'))
    .join('\n');

describe('the Markdown codebook', () => {
  it('lists every tag in tree order, nested a heading deeper, with its description parts and the example quoted', () => {
    library.annotations.describeTag('政策/住房', {
      definition: '关于住房供给、价格或补贴的政策。',
      inclusion: '明确提到住房的政策措施\n包括租房补贴',
      exclusion: '只谈房价走势的段落',
      example: '今年的住房政策有三项调整。\n\n(第二段)',
    });
    const outDir = path.join(dir, 'out');
    const report = library.exportMarkdown({ scope: 'codebook', outDir });
    expect(report.files).toEqual([path.join(outDir, 'Codebook.md')]);
    expect(report.kept).toEqual([]);
    const text = readable(report.files[0]!);
    expect(text).toContain('title: "Codebook"\n');
    expect(text).toContain('# Codebook\n\n3 tags, 1 described.');
    const body = text.slice(text.indexOf('## '));
    expect(body).toBe(
      [
        '## 政策',
        '',
        '#政策 · 2 passages',
        '',
        '*No description yet.*',
        '',
        '',
        '### 政策/住房',
        '',
        '#政策/住房 · 1 passage',
        '',
        '**Definition**',
        '',
        '关于住房供给、价格或补贴的政策。',
        '',
        '**Use when**',
        '',
        '明确提到住房的政策措施',
        '包括租房补贴',
        '',
        '**Do not use when**',
        '',
        '只谈房价走势的段落',
        '',
        '**Example**',
        '',
        '> 今年的住房政策有三项调整。',
        '>',
        '> (第二段)',
        '',
        '*Described 2026-12-06.*',
        '',
        '',
        '## 民生\\*重要',
        '',
        // An Obsidian tag cannot hold `*`: written as the tag report writes it.
        '#民生_重要 · 1 passage',
        '',
        '*No description yet.*',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes what the person added to the file since around the new codebook, and refuses passage options', () => {
    const outDir = path.join(dir, 'out');
    const [file] = library.exportMarkdown({ scope: 'codebook', outDir }).files;
    fs.writeFileSync(file!, `${fs.readFileSync(file!, 'utf8')}\nMy own note on the codebook.\n`);
    library.annotations.describeTag('民生*重要', { definition: '民生', inclusion: '', exclusion: '', example: '' });
    const again = library.exportMarkdown({ scope: 'codebook', outDir });
    expect(again.files).toEqual([file]);
    const text = fs.readFileSync(file!, 'utf8');
    expect(text).toContain('My own note on the codebook.');
    expect(text).toContain('3 tags, 1 described.');
    expect(() => library.exportMarkdown({ scope: 'codebook', outDir, highlightsOnly: true })).toThrow(
      /codebook lists the tags/,
    );
  });
});
