import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';

let dir: string;
let library: Library;

const original = [
  '测试文章标题',
  '',
  '第一段:晋江市公安局刑侦大队坚持“案子发到哪、背包背到哪”,不怕苦累,不畏艰险。',
  '',
  '第二段:出入境管理大队启动了特事特辦服务机制,为高龄老人上门办证。',
  '',
  '第三段:这一段将在新版本里被整段删去,上面的标注无处可去。',
].join('\n');

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-reclean-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  try {
    expectIndexInStep(library.database());
  } finally {
    library.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importOriginal() {
  const file = path.join(dir, 'article.txt');
  fs.writeFileSync(file, original);
  const [outcome] = await library.importPaths([file]);
  const article = library.getArticle(outcome!.articleId!);
  const paragraph = (prefix: string) => article.paragraphs.find((p) => p.text.startsWith(prefix))!;
  return { article, paragraph };
}

function highlight(paragraphId: number, text: string, quote: string) {
  const start = text.indexOf(quote);
  return library.annotations.createHighlight({
    paragraphId,
    start,
    end: start + quote.length,
    color: 'yellow',
    tags: ['测试/标注'],
  });
}

describe('re-cleaning an article', () => {
  it('is a no-op for annotations when nothing changed', async () => {
    const { article, paragraph } = await importOriginal();
    const p1 = paragraph('第一段');
    highlight(p1.id, p1.text, '不怕苦累');
    const report = library.recleanArticle(article.id);
    expect(report.placed).toEqual({ position: 1, quote: 0, fuzzy: 0 });
    expect(report.orphans).toEqual([]);
    expect(library.getArticle(article.id).paragraphs.map((p) => p.id)).toEqual(article.paragraphs.map((p) => p.id));
  });

  it('re-anchors by position, quote and fuzzy quote after an edited file is re-imported, and reports orphans', async () => {
    const { article, paragraph } = await importOriginal();
    const p1 = paragraph('第一段');
    const p2 = paragraph('第二段');
    const p3 = paragraph('第三段');
    const kept = highlight(p1.id, p1.text, '不怕苦累');
    const shifted = highlight(p2.id, p2.text, '为高龄老人上门办证');
    const fuzzy = highlight(p2.id, p2.text, '启动了特事特辦服务机制');
    const lost = highlight(p3.id, p3.text, '标注无处可去');
    library.annotations.saveNote({
      paragraphId: p3.id,
      editorState: '{"root":{"children":[]}}',
      plainText: '第三段的笔记',
      markdown: '第三段的笔记',
    });
    library.annotations.tagParagraph(p2.id, '出入境');

    const edited = original
      .replace('第二段:出入境管理大队', '第二段:据介绍,出入境管理大队')
      .replace('启动了特事特辦服务机制', '启动了特事特办的服务机制')
      .replace('\n\n第三段:这一段将在新版本里被整段删去,上面的标注无处可去。', '\n\n第三段换成了全新的内容。');
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, edited);
    const report = library.reimportArticle(article.id, fs.readFileSync(file), 'article.txt');

    expect(report.placed).toEqual({ position: 1, quote: 1, fuzzy: 1 });
    expect(report.orphans.map((h) => h.id)).toEqual([lost.id]);
    expect(report.orphans[0]).toMatchObject({ paragraphId: null, quote: '标注无处可去', tags: ['测试/标注'] });

    const after = library.getArticle(article.id);
    const textOf = (id: number) => {
      const h = after.highlights.find((x) => x.id === id)!;
      return after.paragraphs.find((p) => p.id === h.paragraphId)!.text.slice(h.start!, h.end!);
    };
    expect(textOf(kept.id)).toBe('不怕苦累');
    expect(textOf(shifted.id)).toBe('为高龄老人上门办证');
    expect(textOf(fuzzy.id)).toMatch(/^启动了特事特办的?服务机/);
    expect(after.highlights).toHaveLength(4); // nothing dropped
    // The note of the vanished paragraph moved to the most similar one; the paragraph tag followed its text.
    const notes = after.notes.map((n) => n.plainText);
    expect(notes).toEqual(['第三段的笔记']);
    const p2After = after.paragraphs.find((p) => p.text.startsWith('第二段'))!;
    expect(after.paragraphTags[p2After.id]).toEqual(['出入境']);
  });

  it('takes the first version’s file, imported again or in a backup, as the article it became: nothing added twice', async () => {
    const { article, paragraph } = await importOriginal();
    const p2 = paragraph('第二段');
    highlight(p2.id, p2.text, '为高龄老人上门办证');
    const before = library.exportBackup(path.join(dir, 'before.json'));
    const first = path.join(dir, 'article.txt');
    const edited = path.join(dir, 'edited.txt');
    fs.writeFileSync(edited, original.replace('第二段:出入境管理大队', '第二段:据介绍,出入境管理大队'));
    library.reimportArticle(article.id, fs.readFileSync(edited), 'edited.txt');

    // Its uid is still the first version's hash: an insert of that version again broke the uid's uniqueness.
    const [again] = await library.importPaths([first]);
    expect(again).toMatchObject({ status: 'already-imported', articleId: article.id });
    expect(again!.message).toMatch(/first version of "测试文章标题".*re-imported from an edited file/);
    expect(library.listArticles()).toHaveLength(1);

    // A backup taken before the re-import merges into the article, its highlight found again in the new text.
    const counts = library.importBackup(before.path);
    expect(counts).toMatchObject({ articlesAdded: 0, articlesMerged: 1, highlightsAlreadyPresent: 1 });
    const after = library.getArticle(article.id);
    expect(library.listArticles()).toHaveLength(1);
    expect(after.highlights).toHaveLength(1);
    const h = after.highlights[0]!;
    expect(after.paragraphs.find((p) => p.id === h.paragraphId)!.text.slice(h.start!, h.end!)).toBe('为高龄老人上门办证');
  });

  it('keeps the reader’s kind choices and metadata edits', async () => {
    const { article, paragraph } = await importOriginal();
    const p1 = paragraph('第一段');
    library.reclassifyParagraph(p1.id, 'caption');
    library.updateMetadata(article.id, { title: '我改过的标题', source: '自己' });
    library.recleanArticle(article.id);
    const after = library.getArticle(article.id);
    expect(after.metadata).toMatchObject({ title: '我改过的标题', source: '自己' });
    expect(after.paragraphs.find((p) => p.id === p1.id)).toMatchObject({ kind: 'caption', kindByUser: true });
  });
});
