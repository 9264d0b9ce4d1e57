import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import type { MemoText } from '../../../preload/contract/memoTypes';

/**
 * Issue #18 item 2: memos in the Markdown export (the Obsidian vault). An article with only a
 * memo gets its file with the memo under the title; the library's journal is one file, oldest
 * entry first; what the person writes in that file in the vault is kept by the next export, and
 * a file of that name Pizhu did not write is never replaced.
 */
let dir: string;
let library: Library;
let articleId: number;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-memo-export-'));
  let clock = Date.parse('2026-12-06T09:00:00.000Z');
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now: () => new Date((clock += 60_000)) });
  articleId = library.importText('住房政策\n\n今年的住房政策有三项调整。', '住房政策').articleId!;
  library.importText('另一篇\n\n没有任何批注的文章。', '另一篇');
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const memo = (markdown: string): MemoText => ({ editorState: '{}', plainText: markdown.replace(/\*/g, ''), markdown });

describe('memos in the Markdown export', () => {
  it('writes an article memo into its file and the journal as its own file, oldest entry first', () => {
    library.memos.saveArticleMemo(articleId, memo('受访者**多提到**租金。'));
    library.memos.saveJournalEntry(undefined, memo('第一天:读完十篇。'));
    library.memos.saveJournalEntry(undefined, memo('第二天:开始编码。'));
    const out = path.join(dir, 'vault');
    const report = library.exportMarkdown({ scope: 'library', outDir: out });
    expect(report.unannotated.map((a) => a.title)).toEqual(['另一篇']);
    const articleFile = report.files.find((f) => path.basename(f).includes('住房政策'))!;
    const text = fs.readFileSync(articleFile, 'utf8');
    expect(text).toContain('## Memo\n\n受访者**多提到**租金。');
    const journal = fs.readFileSync(path.join(out, 'Research journal.md'), 'utf8');
    expect(journal).toContain('# Research journal');
    expect(journal.indexOf('第一天:读完十篇。')).toBeGreaterThan(0);
    expect(journal.indexOf('第一天:读完十篇。')).toBeLessThan(journal.indexOf('第二天:开始编码。'));
    expect(journal).toMatch(/## 2026-12-06 09:0\d\n\n第一天/);
  });

  it('keeps what the person wrote in the journal file, and never replaces a journal file Pizhu did not write', () => {
    library.memos.saveJournalEntry(undefined, memo('第一天'));
    const out = path.join(dir, 'vault');
    library.exportMarkdown({ scope: 'library', outDir: out });
    const file = path.join(out, 'Research journal.md');
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}\n我在 Obsidian 里补的一句。\n`);
    library.memos.saveJournalEntry(undefined, memo('第二天'));
    const again = library.exportMarkdown({ scope: 'library', outDir: out });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('我在 Obsidian 里补的一句。');
    expect(text).toContain('第二天');
    expect(again.merged.map((m) => m.path)).toContain(file);

    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    const theirs = path.join(other, 'Research journal.md');
    fs.writeFileSync(theirs, '别人的日志\n');
    const report = library.exportMarkdown({ scope: 'library', outDir: other });
    expect(fs.readFileSync(theirs, 'utf8')).toBe('别人的日志\n');
    expect(report.kept).toEqual([
      { path: theirs, reason: 'not-written-by-pizhu', writtenInstead: path.join(other, 'Research journal (Pizhu).md') },
    ]);
    expect(fs.readFileSync(path.join(other, 'Research journal (Pizhu).md'), 'utf8')).toContain('第二天');
  });
});
