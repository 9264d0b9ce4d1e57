import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { isPizhuMarker, parseMarkdown, structureOf, textOf } from './parseMarkdown';

// Issue #13 ("Export dialog: … no full-text option"): the Markdown export offers the article's
// full text, every body paragraph, with the annotations where they are.

let lib: AnnotatedLibrary;
let out: string;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  out = path.join(lib.dir, 'vault');
});
afterEach(() => lib.dispose());

describe('a full-text Markdown export', () => {
  it('writes every body paragraph in reading order, the annotated ones quoted with their annotations', () => {
    const { files } = lib.library.exportMarkdown({ scope: { article: lib.crafted.id }, outDir: out, fullText: true });
    const markdown = fs.readFileSync(files[0]!, 'utf8');
    const annotated = new Set([
      ...lib.crafted.highlights.flatMap((h) => (h.paragraphId === null ? [] : [h.paragraphId])),
      ...Object.keys(lib.crafted.paragraphTags).map(Number),
      ...lib.crafted.notes.map((n) => n.paragraphId),
    ]);
    const body = lib.crafted.paragraphs.filter((p) => p.kind === 'body');
    expect(body.length).toBeGreaterThan(3);

    // One region per body paragraph, and per annotated one of another kind (a heading), in order.
    const regionIds = [...markdown.matchAll(/^<!-- pizhu:begin id=p-(\d+) /gm)].map((m) => Number(m[1]));
    expect(regionIds).toEqual(
      lib.crafted.paragraphs.filter((p) => p.kind === 'body' || annotated.has(p.id)).map((p) => p.id),
    );
    const plain = body.filter((p) => !annotated.has(p.id));
    expect(plain.length).toBeGreaterThan(0);
    // An unannotated paragraph reads back as exactly its text, as plain paragraphs: no structure from its Markdown look-alikes.
    const tree = parseMarkdown(markdown);
    const blocks = tree.children.filter((n) => !isPizhuMarker(n));
    for (const paragraph of plain) {
      const region = regionOf(markdown, paragraph.id);
      const parsed = parseMarkdown(region).children;
      expect(
        parsed.every((n) => n.type === 'paragraph'),
        region,
      ).toBe(true);
      expect(
        parsed.flatMap((n) => structureOf(n)),
        region,
      ).toEqual([]);
      expect(parsed.map(textOf).join('\n'), region).toBe(
        paragraph.text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .join('\n'),
      );
    }
    // The annotated ones are the passages of the annotated export: quote, tags, block id, note.
    for (const id of annotated) {
      const region = regionOf(markdown, id);
      expect(region).toMatch(/^> /);
      expect(region).toContain(`^p-${id}`);
    }
    expect(markdown).toContain('U盘连接==互联网==');
    expect(blocks.filter((n) => n.type === 'blockquote')).toHaveLength(annotated.size);
  });

  it('writes an article with nothing annotated too: the full text is worth having on its own', () => {
    const annotatedOnly = lib.library.exportMarkdown({ scope: 'library', outDir: path.join(lib.dir, 'a') });
    expect(annotatedOnly.unannotated.length).toBeGreaterThan(0);
    const full = lib.library.exportMarkdown({ scope: 'library', outDir: out, fullText: true });
    expect(full.unannotated).toEqual([]);
    expect(full.files).toHaveLength(lib.library.listArticles().length + 1);
    const skipped = annotatedOnly.unannotated[0]!;
    const file = full.files.find((f) => f.endsWith(`(${skipped.articleId}).md`))!;
    const article = lib.library.getArticle(skipped.articleId);
    const text = fs.readFileSync(file, 'utf8');
    for (const p of article.paragraphs.filter((x) => x.kind === 'body')) expect(text).toContain(`id=p-${p.id} `);
    expect(text).not.toContain('> ');
  });

  it("lists every article written in index.md with its highlights and notes, annotated only or the full text", () => {
    for (const fullText of [false, true]) {
      const folder = path.join(lib.dir, fullText ? 'full' : 'annotated');
      const report = lib.library.exportMarkdown({ scope: 'library', outDir: folder, fullText });
      const index = fs.readFileSync(path.join(folder, 'index.md'), 'utf8');
      const lines = index.split('\n').filter((l) => l.startsWith('- [['));
      const articleFiles = report.files.filter((f) => path.basename(f) !== 'index.md');
      expect(lines).toHaveLength(articleFiles.length);
      for (const file of articleFiles) {
        const id = Number(/\((\d+)\)\.md$/.exec(file)![1]);
        const article = lib.library.getArticle(id);
        const highlights = article.highlights.length;
        const notes = article.notes.length;
        const line = lines.find((l) => l.startsWith(`- [[${path.basename(file, '.md')}]]`));
        expect(line, file).toContain(`· ${highlights} ${highlights === 1 ? 'highlight' : 'highlights'} · ${notes} ${notes === 1 ? 'note' : 'notes'}`);
      }
    }
  });

  it('is refused with highlights only, or for a tag, and writes nothing', () => {
    expect(() =>
      lib.library.exportMarkdown({ scope: 'library', outDir: out, fullText: true, highlightsOnly: true }),
    ).toThrow(/either the full text or the highlights only/);
    expect(() => lib.library.exportMarkdown({ scope: { tag: '政策' }, outDir: out, fullText: true })).toThrow(
      /full text is exported per article or for the library/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});

/** The body of paragraph `id`'s region in an exported file. */
function regionOf(markdown: string, id: number): string {
  const match = new RegExp(
    `^<!-- pizhu:begin id=p-${id} [^\\n]*\\n([\\s\\S]*?)\\n<!-- pizhu:end id=p-${id} -->$`,
    'm',
  ).exec(markdown);
  if (!match) throw new Error(`no region for paragraph ${id}`);
  return match[1]!.trim();
}
