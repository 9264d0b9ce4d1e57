import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../../main/library/createLibrary';
import { rawSpansForText } from '../../../../../../main/library/import/removals';

let dir: string;
let library: Library;

const clip = [
  '---',
  'title: "山区小学的新图书馆"',
  'source: "https://news.example.com/2024/05/library.html"',
  'author: 陈静',
  'published: 2024-05-20',
  '---',
  '',
  '五月的一个早晨，孩子们第一次走进学校新建的图书馆。据[县教育局](https://edu.example.com/notice/12)介绍，图书馆共有藏书三千多册，**全部来自社会捐赠**。',
  '',
  '校长说，学校每周会安排两节阅读课，让每个孩子都能借到自己喜欢的书。',
].join('\n');

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-md-reclean-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importFile(name: string): Promise<number> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, clip);
  const [outcome] = await library.importPaths([file]);
  if (outcome?.articleId === undefined) throw new Error(JSON.stringify(outcome));
  return outcome.articleId;
}

function highlight(articleId: number, quote: string): void {
  const p = library.getArticle(articleId).paragraphs.find((x) => x.text.includes(quote));
  if (!p) throw new Error(`no paragraph shows ${quote}`);
  const start = p.text.indexOf(quote);
  library.annotations.createHighlight({ paragraphId: p.id, start, end: start + quote.length, color: 'yellow', tags: [] });
}

function highlighted(articleId: number): string[] {
  const article = library.getArticle(articleId);
  return article.highlights.map((h) => {
    const p = article.paragraphs.find((x) => x.id === h.paragraphId);
    return p && h.start !== null && h.end !== null ? p.text.slice(h.start, h.end) : '(orphan)';
  });
}

describe('highlights on Markdown articles', () => {
  it('anchor to the reading text; a passage across a link maps back to the words in the raw file, around the syntax', async () => {
    const id = await importFile('clip.md');
    highlight(id, '据县教育局介绍');
    expect(highlighted(id)).toEqual(['据县教育局介绍']);
    const article = library.getArticle(id);
    const h = article.highlights[0]!;
    const p = article.paragraphs.find((x) => x.id === h.paragraphId)!;
    const spans = rawSpansForText(p.raw, p.removals, h.start!, h.end!).map(([a, b]) => p.raw.slice(a, b));
    expect(spans).toEqual(['据', '县教育局', '介绍']);
  });

  it('carry over when an article imported the old way (front matter and syntax as text) is re-cleaned', async () => {
    // What an older Pizhu stored for this file: every line a paragraph, the syntax in the text.
    const id = await importFile('clip.txt');
    library.database().prepare("UPDATE article SET format = 'md', file_name = 'clip.md' WHERE id = ?").run(id);
    highlight(id, '县教育局');
    highlight(id, '全部来自社会捐赠');
    highlight(id, '让每个孩子都能借到自己喜欢的书');
    expect(library.getArticle(id).metadata.title).not.toBe('山区小学的新图书馆');

    const report = library.recleanArticle(id);
    expect(report.orphans).toEqual([]);
    expect(highlighted(id)).toEqual(['县教育局', '全部来自社会捐赠', '让每个孩子都能借到自己喜欢的书']);
    const article = library.getArticle(id);
    expect(article.metadata).toMatchObject({ title: '山区小学的新图书馆', author: '陈静', publishedAt: '2024-05-20' });
    expect(article.paragraphs[0]).toMatchObject({ kind: 'boilerplate', flags: ['markup'] });
  });
});
