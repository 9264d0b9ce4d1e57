import fs from 'node:fs';
import path from 'node:path';
import type { Blockquote } from 'mdast';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParagraphView } from '../../../../../preload/contract/articleTypes';
import { bodyParagraphs, seedArticle } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { allNodes, parseMarkdown, textOf } from './parseMarkdown';

// Issue #13 item 4: a highlight made over several paragraphs is one highlight group; the
// Markdown export quoted each member on its own, the group's tags once per paragraph.

let lib: AnnotatedLibrary;
let out: string;
let articleId: number;
let first: ParagraphView;
let second: ParagraphView;
let third: ParagraphView;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  out = path.join(lib.dir, 'vault');
  const article = seedArticle(lib.library, '003');
  articleId = article.id;
  [first, second, third] = bodyParagraphs(article) as [ParagraphView, ParagraphView, ParagraphView];
  // From the last six characters of the first paragraph, over the whole second, to the first four of the third.
  const members = lib.library.annotations.createHighlightGroup({
    ranges: [
      { paragraphId: first.id, start: first.text.length - 6, end: first.text.length },
      { paragraphId: second.id, start: 0, end: second.text.length },
      { paragraphId: third.id, start: 0, end: 4 },
    ],
    color: 'green',
    tags: ['跨段/引文'],
  });
  lib.library.annotations.updateHighlightComment(members[1]!.id, '三段连起来读');
  // And a highlight of its own in the third paragraph, after the group's part.
  lib.library.annotations.createHighlight({
    paragraphId: third.id,
    start: 10,
    end: 14,
    color: 'yellow',
    tags: ['单独'],
  });
});
afterEach(() => lib.dispose());

function exportArticle(highlightsOnly: boolean): string {
  const { files } = lib.library.exportMarkdown({ scope: { article: articleId }, outDir: out, highlightsOnly });
  return fs.readFileSync(files[0]!, 'utf8');
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('a highlight over several paragraphs, exported to Markdown', () => {
  it('is one block quote across its paragraphs, with its tags, block id, back-link and comment once', () => {
    const markdown = exportArticle(false);
    const quotes = parseMarkdown(markdown).children.filter((n): n is Blockquote => n.type === 'blockquote');
    expect(quotes).toHaveLength(1);
    const quote = quotes[0]!;
    // The three paragraphs, each its own paragraph inside the quote, then the tag line.
    const paragraphs = quote.children.map(textOf);
    expect(paragraphs.slice(0, 3).map((p) => p.replaceAll('==', ''))).toEqual([first.text, second.text, third.text]);
    expect(allNodes(quote).filter((n) => n.type === 'link')).toHaveLength(1);
    expect(paragraphs[3]).toBe('#跨段/引文 #单独 ↗ Pizhu');
    expect(markdown).toContain(`==${first.text.slice(-6)}==`);
    expect(markdown).toContain(`==${third.text.slice(0, 4)}==`);

    expect(count(markdown, '#跨段/引文 ')).toBe(1);
    expect(count(markdown, `(pizhu://article/${articleId}#`)).toBe(1);
    expect(markdown).toContain(`(pizhu://article/${articleId}#${first.id})`);
    expect(markdown).toMatch(new RegExp(`^\\^p-${first.id}$`, 'm'));
    expect(markdown).not.toMatch(new RegExp(`^\\^p-(${second.id}|${third.id})$`, 'm'));
    // One region for the passage.
    expect(count(markdown, '<!-- pizhu:begin id=p-')).toBe(1);
    expect(count(markdown, '三段连起来读')).toBe(1);
    expect(markdown).toContain(`💬 “${first.text.slice(-6)} … `);
  });

  it('is one passage in highlights-only mode too: the group once with its tags, the other highlight on its own', () => {
    const markdown = exportArticle(true);
    const quote = parseMarkdown(markdown).children.find((n): n is Blockquote => n.type === 'blockquote')!;
    const texts = quote.children.map(textOf);
    // The group's three parts, its tags after the last; the other highlight after, with its own.
    expect(texts).toEqual([
      `==${first.text.slice(-6)}==`,
      `==${second.text}==`,
      `==${third.text.slice(0, 4)}== #跨段/引文`,
      `==${third.text.slice(10, 14)}== #单独`,
      '↗ Pizhu',
    ]);
    expect(count(markdown, '<!-- pizhu:begin id=p-')).toBe(1);
  });
});
