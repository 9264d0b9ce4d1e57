import fs from 'node:fs';
import path from 'node:path';
import type { Blockquote, Nodes, Root, RootContent } from 'mdast';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleFileName } from '../../../../../main/library/export/articleFileName';
import { manifestName } from '../../../../../main/library/export/exportManifest';
import { obsidianTagName } from '../../../../../main/library/export/obsidianTag';
import { articleExportQueries } from '../../../../../main/library/export/readArticleAnnotations';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { allNodes, isPizhuMarker, parseMarkdown, structureOf, textOf } from './parseMarkdown';

let lib: AnnotatedLibrary;
let out: string;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  out = path.join(lib.dir, 'export');
});
afterEach(() => lib.dispose());

function exportArticle(
  articleId: number,
  options: { script?: 'original' | 'twp' | 'tw'; highlightsOnly?: boolean } = {},
) {
  const { files } = lib.library.exportMarkdown({ scope: { article: articleId }, outDir: out, ...options });
  expect(files).toHaveLength(1);
  return { file: files[0]!, markdown: fs.readFileSync(files[0]!, 'utf8') };
}

/** The blocks after the front matter, grouped per passage: the quote, its block id, then the note's blocks. */
function passages(tree: Root): Array<{ quote: Blockquote; id: string; note: RootContent[] }> {
  const result: Array<{ quote: Blockquote; id: string; note: RootContent[] }> = [];
  for (const node of tree.children) {
    const current = result[result.length - 1];
    if (isPizhuMarker(node)) continue;
    if (node.type === 'blockquote') result.push({ quote: node, id: '', note: [] });
    else if (current && current.id === '' && node.type === 'paragraph' && /^\^[ph]-\d+$/.test(textOf(node))) {
      current.id = textOf(node);
    } else if (current && node.type !== 'heading') current.note.push(node);
  }
  return result;
}

/** Structure inside a quote other than the quote itself and its one back-link. */
function structureInQuote(quote: Blockquote): string[] {
  const backLinks = allNodes(quote).filter((n) => n.type === 'link' && n.url.startsWith('pizhu://'));
  expect(backLinks).toHaveLength(1);
  return structureOf(quote)
    .slice(1)
    .filter((type, i, all) => !(type === 'link' && all.indexOf('link') === i));
}

describe('Markdown export of one article', () => {
  it('writes front matter, one block quote per annotated paragraph with its tags, id, back-link and note, and no article text as Markdown', () => {
    const { markdown, file } = exportArticle(lib.crafted.id);
    expect(path.basename(file)).toBe(articleFileName({ id: lib.crafted.id, title: lib.crafted.metadata.title }));
    const tree = parseMarkdown(markdown);

    const yaml = tree.children[0];
    expect(yaml?.type).toBe('yaml');
    const fields = parse((yaml as { value: string }).value) as Record<string, unknown>;
    expect(Object.keys(fields)).toEqual(['title', 'source', 'author', 'date', 'url', 'tags', 'exported_at', 'pizhu']);
    expect(fields).toMatchObject({
      title: '互联网与平安:一次测试',
      exported_at: '2026-11-23T10:00:00.000Z',
      pizhu: `pizhu://article/${lib.crafted.id}`,
    });
    expect(fields.tags).toEqual(['Markdown_look-alike', '政策', '政策/互联网', '政策/治理', '方法/编码']);

    // The only heading is ours: the title. Nothing from the article became a heading, list, link, emphasis or HTML.
    expect(
      allNodes(tree)
        .filter((n) => n.type === 'heading')
        .map(textOf),
    ).toEqual(['互联网与平安:一次测试']);
    const found = passages(tree);
    const annotated = new Set([
      ...lib.crafted.highlights.map((h) => h.paragraphId),
      ...Object.keys(lib.crafted.paragraphTags).map(Number),
      ...lib.crafted.notes.map((n) => n.paragraphId),
    ]);
    expect(found.map((p) => p.id)).toEqual(
      lib.crafted.paragraphs.filter((p) => annotated.has(p.id)).map((p) => `^p-${p.id}`),
    );
    for (const passage of found) expect(structureInQuote(passage.quote)).toEqual([]);

    // Every paragraph quoted exactly as stored (the quote's first paragraph), tags and back-link after it.
    for (const passage of found) {
      const paragraph = lib.crafted.paragraphs.find((p) => `^p-${p.id}` === passage.id)!;
      const [textBlock, ...rest] = passage.quote.children;
      expect(quotedText(markdown, textBlock!)).toBe(paragraph.text);
      const last = rest[rest.length - 1]!;
      expect(
        allNodes(last).some((n) => n.type === 'link' && n.url === `pizhu://article/${lib.crafted.id}#${paragraph.id}`),
      ).toBe(true);
    }
  });

  it('marks every highlight ==…== in its quote, with its tags on the quote and the note (list, bold) under it', () => {
    const { markdown } = exportArticle(lib.crafted.id);
    const tree = parseMarkdown(markdown);
    const found = passages(tree);
    for (const highlight of lib.crafted.highlights) {
      const passage = found.find((p) => p.id === `^p-${highlight.paragraphId}`)!;
      expect(passage).toBeDefined();
      const quoteSource = sourceOf(markdown, passage.quote);
      expect(quoteSource).toMatch(/==[^=]/);
      const tagLine = textOf(passage.quote.children[passage.quote.children.length - 1]!);
      for (const tag of highlight.tags) expect(tagLine.split(' ')).toContain(`#${obsidianTagName(tag)}`);
    }
    const internet = found.find((p) => p.id === `^p-${lib.internetParagraph.id}`)!;
    expect(sourceOf(markdown, internet.quote)).toContain('U盘连接==互联网==,互联网');
    expect(internet.note.map((n) => n.type)).toEqual(['paragraph', 'list']);
    expect(allNodes(internet.note[0]!).some((n) => n.type === 'strong')).toBe(true);
    expect(textOf(internet.note[1]!)).toBe('第一条第二条');
  });

  it('merges overlapping highlights into one marked run carrying both sets of tags', () => {
    const { markdown } = exportArticle(lib.crafted.id);
    const found = passages(parseMarkdown(markdown));
    const [a, b] = lib.crafted.highlights.filter((h) => h.tags.includes('政策') || h.tags.includes('方法/编码'));
    const passage = found.find((p) => p.id === `^p-${a!.paragraphId}`)!;
    const source = sourceOf(markdown, passage.quote);
    expect(source.match(/==/g)).toHaveLength(2);
    const text = lib.crafted.paragraphs.find((p) => p.id === b!.paragraphId)!.text;
    expect(quotedText(markdown, passage.quote.children[0]!)).toBe(text);
    expect(source.split('==')[1]).toBe('\\*不是强调\\* 和 \\_也不是\\_ 和 \\`代码');
  });

  it('writes the text in another script, the marks on the converted characters (互联网 -> 網際網路 in twp)', () => {
    const original = exportArticle(lib.crafted.id).markdown;
    const twp = exportArticle(lib.crafted.id, { script: 'twp' }).markdown;
    expect(original).toContain('==互联网==');
    expect(twp).toContain('用隨身碟連線==網際網路==,網際網路改變了生活');
    for (const passage of passages(parseMarkdown(twp)))
      expect(textOf(passage.quote.children[0]!)).not.toContain('互联网');
    const fields = parse((parseMarkdown(twp).children[0] as { value: string }).value) as {
      title: string;
      tags: string[];
    };
    expect(fields.title).toBe('網際網路與平安:一次測試');
    // Tags are the reader's own names: never converted.
    expect(fields.tags).toContain('政策/互联网');
    for (const passage of passages(parseMarkdown(twp))) expect(structureInQuote(passage.quote)).toEqual([]);
  });

  it('writes only the highlighted runs in highlights-only mode, each with its tags; a paragraph with only a note or tag stays whole', () => {
    const { markdown } = exportArticle(lib.crafted.id, { highlightsOnly: true });
    const found = passages(parseMarkdown(markdown));
    const internet = found.find((p) => p.id === `^p-${lib.internetParagraph.id}`)!;
    expect(sourceOf(markdown, internet.quote)).toContain('> ==互联网== #政策/互联网');
    expect(markdown).not.toContain('改变了生活');
    expect(markdown).toContain('1\\. 不是编号的段落,后面还有文字。');
    for (const passage of found) expect(structureInQuote(passage.quote)).toEqual([]);
  });

  it('writes byte-identical files on the next export apart from exported_at, with the same block ids', () => {
    const first = exportArticle(lib.crafted.id, { script: 'tw' }).markdown;
    lib.setNow(new Date('2026-12-01T08:30:00.000Z'));
    const second = exportArticle(lib.crafted.id, { script: 'tw' }).markdown;
    expect(second).not.toBe(first);
    // The stamp, and its hash on the properties line (which lets a re-export see the person's edits).
    const withoutStamp = (s: string) => s.replace(/^exported_at: .*$/m, '').replace(/ exported_at=[0-9a-f]{8}/, '');
    expect(withoutStamp(second)).toBe(withoutStamp(first));
    expect(second).toContain('exported_at: "2026-12-01T08:30:00.000Z"');
    expect(fs.readdirSync(out).sort()).toEqual(
      [manifestName, path.basename(exportArticle(lib.crafted.id).file)].sort(),
    );
  });

  it('replaces the file of an article whose title changed, never a file it did not write', () => {
    const first = exportArticle(lib.crafted.id).file;
    const own = path.join(out, `我的笔记 (${lib.crafted.id}).md`);
    fs.writeFileSync(own, '# 我自己写的\n');
    lib.library.updateMetadata(lib.crafted.id, { title: '新的标题' });
    const second = exportArticle(lib.crafted.id).file;
    expect(path.basename(second)).toBe(`新的标题 (${lib.crafted.id}).md`);
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.readFileSync(own, 'utf8')).toBe('# 我自己写的\n');
    expect(fs.readdirSync(out).sort()).toEqual([manifestName, path.basename(own), path.basename(second)].sort());
  });

  it('lists orphaned highlights last, with their quote, tags and a link to the article', () => {
    const orphan = lib.crafted.highlights.find((h) => h.tags.includes('政策/互联网'))!;
    lib.library
      .database()
      .prepare('UPDATE highlight SET paragraph_id = NULL, start_offset = NULL, end_offset = NULL WHERE id = ?')
      .run(orphan.id);
    const { markdown } = exportArticle(lib.crafted.id);
    const tail = markdown.slice(markdown.indexOf('## Orphaned highlights'));
    expect(tail).toContain(
      `> ==互联网==\n>\n> #政策/互联网 [↗ Pizhu](pizhu://article/${lib.crafted.id})\n\n^h-${orphan.id}`,
    );
  });

  it('refuses what it cannot do with a clear error and writes nothing', () => {
    const run = (request: Parameters<typeof lib.library.exportMarkdown>[0]) => () =>
      lib.library.exportMarkdown(request);
    expect(run({ scope: { article: 9999 }, outDir: out })).toThrow(/no article 9999/);
    expect(run({ scope: { tag: '没有这个' }, outDir: out })).toThrow(/no tag "没有这个"/);
    expect(run({ scope: 'library', outDir: 'relative/dir' })).toThrow(/absolute path/);
    expect(run({ scope: 'library', outDir: out, script: 'klingon' as never })).toThrow(/not a script mode/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('reads one article through its indexes (no full table scans)', () => {
    const db = lib.library.database();
    for (const sql of Object.values(articleExportQueries)) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ id: 1 }) as Array<{ detail: string }>).map(
        (r) => r.detail,
      );
      expect(
        plan.filter((d) => /^SCAN (highlight|paragraph|article|note|highlight_tag|paragraph_tag)\b(?! USING)/.test(d)),
      ).toEqual([]);
    }
  });
});

describe('Markdown export of a tag (codebook report)', () => {
  it('lists every passage of the tag and its sub-tags across the library, in article then paragraph order', () => {
    const { files } = lib.library.exportMarkdown({ scope: { tag: '政策' }, outDir: out, script: 'twp' });
    expect(files.map((f) => path.basename(f))).toEqual(['tag 政策.md']);
    const markdown = fs.readFileSync(files[0]!, 'utf8');
    const tree = parseMarkdown(markdown);
    const passagesInTag = lib.library.annotations.listTaggedPassages('政策');
    const paragraphOrder = [...new Set(passagesInTag.map((p) => p.paragraphId))].map((id) => `^p-${id}`);
    expect(passages(tree).map((p) => p.id)).toEqual(paragraphOrder);
    // One section per article, in article order, each linking to the article's file.
    const sections = tree.children.filter((n) => n.type === 'heading' && n.depth === 2).map(textOf);
    expect(sections).toHaveLength(new Set(passagesInTag.map((p) => p.articleId)).size);
    expect(markdown).toContain(
      `[[${articleFileName({ id: lib.crafted.id, title: lib.crafted.metadata.title }).slice(0, -3)}]]`,
    );
    expect(markdown).toContain('==網際網路==');
    for (const passage of passages(tree)) expect(structureInQuote(passage.quote)).toEqual([]);
    // The note of a passage's paragraph comes with it.
    expect(markdown).toContain(`^p-${lib.internetParagraph.id}\n\n**要点**`);
  });
});

describe('Markdown export of the library', () => {
  it('writes one file per annotated article and an index linking them, reporting progress; names the articles it skipped', () => {
    const progress: Array<[number, number]> = [];
    const { files, unannotated } = lib.library.exportMarkdown({ scope: 'library', outDir: out }, (done, total) =>
      progress.push([done, total]),
    );
    const all = lib.library.listArticles();
    // Issue #13: an article with no highlight, tag or note was written as an empty file.
    const skippedIds = new Set(unannotated.map((a) => a.articleId));
    const articles = all.filter((a) => !skippedIds.has(a.id));
    expect(unannotated.length).toBeGreaterThan(0);
    for (const skipped of all.filter((a) => skippedIds.has(a.id))) {
      expect(skipped).toMatchObject({ highlightCount: 0, noteCount: 0 });
      expect(unannotated).toContainEqual({ articleId: skipped.id, title: skipped.title });
    }
    expect(files).toHaveLength(articles.length + 1);
    expect(progress[progress.length - 1]).toEqual([files.length, files.length]);
    expect(fs.readdirSync(out).sort()).toEqual([manifestName, ...files.map((f) => path.basename(f))].sort());
    const index = fs.readFileSync(path.join(out, 'index.md'), 'utf8');
    for (const article of articles) {
      const target = articleFileName({ id: article.id, title: article.title }).slice(0, -3);
      expect(index).toContain(`[[${target}]]`);
      expect(fs.existsSync(path.join(out, `${target}.md`))).toBe(true);
    }
    for (const skipped of unannotated) expect(index).not.toContain(`(${skipped.articleId})]]`);
    for (const file of files) {
      const tree = parseMarkdown(fs.readFileSync(file, 'utf8'));
      expect(tree.children[0]?.type).toBe('yaml');
      for (const passage of passages(tree)) expect(structureInQuote(passage.quote)).toEqual([]);
    }
    const again = lib.library.exportMarkdown({ scope: 'library', outDir: out });
    expect(again).toEqual({ files, merged: [], kept: [], unannotated });
    expect(fs.readdirSync(out)).toHaveLength(files.length + 1);
  });
});

/** The text a quoted paragraph shows once our ==…== marks (the unescaped ones) are taken out. */
function quotedText(markdown: string, node: Nodes): string {
  const source = sourceOf(markdown, node)
    .split('\n')
    .map((line) => line.replace(/^> ?/, ''))
    .join('\n');
  return textOf(parseMarkdown(source.replace(/(?<!\\)==/g, '')));
}

function sourceOf(markdown: string, node: Nodes): string {
  return markdown.slice(node.position!.start.offset, node.position!.end.offset);
}

describe('Markdown export scope', () => {
  it('names a tag report by the tag as stored, whatever case it was asked in', () => {
    lib.library.annotations.tagParagraph(lib.internetParagraph.id, 'Method/Close Reading');
    const { files } = lib.library.exportMarkdown({ scope: { tag: 'method/close reading' }, outDir: out });
    expect(files.map((f) => path.basename(f))).toEqual(['tag Method／Close Reading.md']);
  });

  it('refuses a scope that is neither an article, a tag nor the library', () => {
    expect(() => lib.library.exportMarkdown({ scope: {} as never, outDir: out })).toThrow(
      /one article, one tag or the library/,
    );
    expect(() => lib.library.exportMarkdown({ scope: { article: 1.5 }, outDir: out })).toThrow(/one article/);
  });
});
