import type { Removal } from '../../../../preload/contract/articleTypes';
import type { BlockRole } from '../extractHtmlArticle';
import { makeRemoval } from '../removals';
import { detectWrapWidth, type ParagraphSpan } from '../splitParagraphs';
import { endsSentence } from '../textPatterns';
import { collectLeaves, type Leaf, type MarkupKind, type Range } from './markdownLeaves';
import { markdownLines } from './markdownLines';
import { needsLineReading } from './parseLimits';
import { parseMarkdownTree } from './parseMarkdownTree';

export type { MarkupKind };

/** One paragraph of a Markdown file: its span of the source and what of it is read. */
export interface MarkdownBlock {
  span: ParagraphSpan;
  /** text: words to read; caption: a picture's caption; markup: syntax only, hidden whole. */
  role: Leaf['role'];
  /** For markup blocks, which syntax it is (the reason it is hidden). */
  markup: MarkupKind | null;
  /** The syntax inside a text or caption block (`#`, `>`, `-`, `**`, `](address)`), hidden as markup. */
  removals: Removal[];
  headingLevel: number | null;
  /** The names linked to a site's home in this block (an outlet in a byline). */
  siteLinks: string[];
  /**
   * What the markup says a text block is, as a saved page's does: a `#` heading or a short line
   * all in `**…**` is a heading, a short line that is all links is navigation or a related
   * story, else text (never a heading by its shape alone).
   */
  marked: BlockRole;
}

export interface MarkdownDocument {
  blocks: MarkdownBlock[];
  /** The YAML between the front matter's `---` lines, or null when there is none. */
  frontMatter: string | null;
  /** Read by the Markdown parser (false: line by line, see markdownLines). */
  structured: boolean;
}

interface Part {
  leaf: Leaf;
  start: number;
  end: number;
}

/**
 * A Markdown file to paragraphs, read with a real Markdown parser. Each leaf block (paragraph,
 * heading, list item's paragraph, table row, code block, HTML block, front matter) is a
 * paragraph; the container marks in front of it (`> `, `- `, `1. `) are part of its raw text and
 * hidden. A Markdown paragraph of several lines is one paragraph per line, as plain text is,
 * unless the file is hard-wrapped (then lines join up to a sentence end): scraped Chinese puts
 * one paragraph on a line. Nothing is dropped: the source is these spans plus whitespace.
 */
export function markdownBlocks(input: string): MarkdownDocument {
  if (needsLineReading(input)) return markdownLines(input);
  // micromark does not count a leading BOM in its offsets.
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = parseMarkdownTree(bom ? input.slice(1) : input);
  const leaves = collectLeaves(tree, input.slice(bom)).map((leaf) => shifted(leaf, bom));
  const frontMatterNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : null;
  const wrapped = detectWrapWidth(input.split(/\r\n|\r|\n/u).map((text) => ({ text }))) !== null;
  const parts = leaves.flatMap((leaf) => splitLines(input, leaf, wrapped));
  return { blocks: toBlocks(input, parts), frontMatter: frontMatterNode?.value ?? null, structured: true };
}

function shifted(leaf: Leaf, by: number): Leaf {
  if (by === 0) return leaf;
  return {
    ...leaf,
    start: leaf.start + by,
    end: leaf.end + by,
    keep: leaf.keep.map(([a, b]): Range => [a + by, b + by]),
    linked: leaf.linked.map(([a, b]): Range => [a + by, b + by]),
    strong: leaf.strong.map(([a, b]): Range => [a + by, b + by]),
    siteLinks: leaf.siteLinks.map((l) => ({ ...l, at: l.at + by })),
  };
}

/** A paragraph's lines as parts of their own: at every line break, or after sentence ends when wrapped. */
function splitLines(input: string, leaf: Leaf, wrapped: boolean): Part[] {
  if (!leaf.paragraph) return [{ leaf, start: leaf.start, end: leaf.end }];
  const parts: Part[] = [];
  let from = leaf.start;
  const breaks = /\r\n|\r|\n/gu;
  breaks.lastIndex = leaf.start;
  for (let m = breaks.exec(input); m && m.index < leaf.end; m = breaks.exec(input)) {
    const line = input.slice(from, m.index);
    if (wrapped && !endsSentence(line)) continue;
    const next = m.index + m[0].length;
    // A line of syntax alone (the `[![](…)` of a link around a picture) stays with its neighbour.
    if (!hasKept(input, leaf.keep, from, m.index) || !hasKept(input, leaf.keep, next, leaf.end)) continue;
    parts.push({ leaf, start: from, end: m.index });
    from = next;
  }
  parts.push({ leaf, start: from, end: leaf.end });
  return parts;
}

function hasKept(input: string, keep: readonly Range[], from: number, to: number): boolean {
  return keep.some(([a, b]) => {
    const start = Math.max(a, from);
    const end = Math.min(b, to);
    return start < end && /\S/u.test(input.slice(start, end));
  });
}

function toBlocks(input: string, parts: readonly Part[]): MarkdownBlock[] {
  const starts: number[] = [];
  parts.forEach((part, i) => {
    const previousEnd = i > 0 ? parts[i - 1]!.end : 0;
    starts.push(Math.max(lineStart(input, part.start), previousEnd));
  });
  // Anything before the first block that is not whitespace belongs to it.
  if (starts.length > 0) {
    const firstText = input.search(/\S/u);
    if (firstText >= 0 && firstText < starts[0]!) starts[0] = firstText;
  }
  const blocks: MarkdownBlock[] = [];
  parts.forEach((part, i) => {
    const start = starts[i]!;
    const end = lastLineEnd(input, start, starts[i + 1] ?? input.length);
    const raw = input.slice(start, end);
    const before = input.slice(i === 0 ? 0 : blocks[i - 1]!.span.start + blocks[i - 1]!.span.raw.length, start);
    const previous = blocks[i - 1];
    const blankBefore = i === 0 ? lineBreaks(before) : Math.max(lineBreaks(before) - 1, 0);
    if (previous) previous.span.blankLinesAfter = blankBefore;
    const keep = clip(part.leaf.keep, start, end);
    const removals = part.leaf.role === 'markup' ? [] : hidden(raw, start, keep);
    blocks.push({
      span: { raw, start, blankLinesBefore: blankBefore, blankLinesAfter: 0 },
      role: part.leaf.role,
      markup: part.leaf.markup,
      removals,
      headingLevel: part.leaf.headingLevel,
      siteLinks: part.leaf.siteLinks.filter((l) => l.at >= start && l.at < end).map((l) => l.text),
      marked: markedRole(input, part.leaf, keep, start, end),
    });
  });
  const last = blocks.at(-1);
  if (last) last.span.blankLinesAfter = lineBreaks(input.slice(last.span.start + last.span.raw.length));
  return blocks.filter((b) => b.span.raw.trim() !== '');
}

function lineStart(input: string, at: number): number {
  let i = at;
  while (i > 0 && input.charAt(i - 1) !== '\n' && input.charAt(i - 1) !== '\r') i--;
  return i;
}

/** The end of the last line in [start, end) that holds more than whitespace (its line break left out). */
function lastLineEnd(input: string, start: number, end: number): number {
  let last = end - 1;
  while (last >= start && /\s/u.test(input.charAt(last))) last--;
  if (last < start) return start;
  let i = last + 1;
  while (i < end && input.charAt(i) !== '\n' && input.charAt(i) !== '\r') i++;
  return i;
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/gu)?.length ?? 0;
}

function clip(keep: readonly Range[], start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const [a, b] of [...keep].sort((x, y) => x[0] - y[0])) {
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from >= to) continue;
    const last = out.at(-1);
    if (last && last[1] >= from) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** What of `raw` (at `start` in the source) is not kept: Markdown syntax, hidden as markup. */
function hidden(raw: string, start: number, keep: readonly Range[]): Removal[] {
  const removals: Removal[] = [];
  let at = 0;
  for (const [a, b] of keep) {
    if (a - start > at) removals.push(makeRemoval(raw, at, a - start, 'markup'));
    at = b - start;
  }
  if (at < raw.length) removals.push(makeRemoval(raw, at, raw.length, 'markup'));
  return removals;
}

/** A heading set in bold, or a line of links, is short; a longer block is running text (as for saved pages). */
const maxMarkedLength = 60;

function markedRole(input: string, leaf: Leaf, keep: readonly Range[], start: number, end: number): BlockRole {
  if (leaf.headingLevel !== null) return 'heading';
  const visible = visibleLength(input, keep);
  if (visible === 0 || visible > maxMarkedLength) return 'text';
  const shown = keep.map(([a, b]) => input.slice(a, b)).join('');
  if (visibleLength(input, clip(leaf.linked, start, end)) === visible) return 'link';
  if (visibleLength(input, clip(leaf.strong, start, end)) === visible && !/[。！？!?]\s*$/u.test(shown)) return 'heading';
  return 'text';
}

/** Characters other than whitespace in the stretches. */
function visibleLength(input: string, ranges: readonly Range[]): number {
  let n = 0;
  for (const [a, b] of ranges) n += input.slice(a, b).replace(/\s+/gu, '').length;
  return n;
}
