import type { Removal } from '../../../../preload/contract/articleTypes';
import { makeRemoval } from '../removals';
import { splitParagraphs } from '../splitParagraphs';
import type { MarkdownBlock, MarkdownDocument } from './markdownBlocks';

/** Front matter at the very top: `---`, YAML lines, `---` (or `...`), as the front-matter extension reads it. */
const frontMatter = /^(\ufeff?---[ \t]*(?:\r\n|\r|\n))([\s\S]*?)(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)/u;

/**
 * A Markdown file read line by line, as plain text is: for a file too large for the Markdown
 * parser's pace. The front matter is still one hidden block that gives the metadata, and `#`
 * headings are still headings; other syntax stays in the text.
 */
export function markdownLines(input: string): MarkdownDocument {
  const front = frontMatter.exec(input);
  const blocks: MarkdownBlock[] = [];
  let rest = 0;
  if (front) {
    const start = front[0].startsWith('\ufeff') ? 1 : 0;
    const raw = front[0].slice(start);
    blocks.push({
      span: { raw, start, blankLinesBefore: 0, blankLinesAfter: 0 },
      role: 'markup',
      markup: 'front-matter',
      removals: [],
      headingLevel: null,
      siteLinks: [],
      marked: 'text',
    });
    rest = front[0].length;
  }
  for (const span of splitParagraphs(input.slice(rest), 'md')) {
    const heading = atxHeading(span.raw);
    blocks.push({
      span: { ...span, start: span.start + rest },
      role: 'text',
      markup: null,
      removals: heading?.removals ?? [],
      headingLevel: heading?.level ?? null,
      siteLinks: [],
      marked: heading ? 'heading' : 'text',
    });
  }
  return { blocks, frontMatter: front?.[2] ?? null, structured: false };
}

/** An ATX heading (`## 标题`, optionally closed `## 标题 ##`): its level, and the `#` marks as markup. */
function atxHeading(raw: string): { level: number; removals: Removal[] } | null {
  const open = /^(\s{0,3})(#{1,6})(?:[ \t\u3000]+|$)/u.exec(raw);
  if (!open) return null;
  const indent = open[1]?.length ?? 0;
  const removals = [makeRemoval(raw, indent, open[0].length, 'markup')];
  const close = /[ \t\u3000]+#+\s*$/u.exec(raw);
  if (close && close.index > open[0].length) {
    const end = raw.length - (/\s*$/u.exec(raw)?.[0].length ?? 0);
    removals.push(makeRemoval(raw, close.index, end, 'markup'));
  }
  return { level: open[2]?.length ?? 1, removals };
}
