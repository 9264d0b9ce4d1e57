import type { Nodes, Root } from 'mdast';

/** A stretch [start, end) of the source, in UTF-16 offsets. */
export type Range = [number, number];

/** Why a block holds nothing to read. */
export type MarkupKind = 'front-matter' | 'html' | 'shortcode' | 'image' | 'rule' | 'definition' | 'syntax';

/**
 * One leaf block of the document (a paragraph, heading, table row, code block, HTML block,
 * front matter…), with the stretches of it a reader sees.
 */
export interface Leaf {
  start: number;
  end: number;
  role: 'text' | 'caption' | 'markup';
  /** For text and caption leaves: what is shown; everything else in the leaf is syntax. */
  keep: Range[];
  markup: MarkupKind | null;
  headingLevel: number | null;
  /** A paragraph of text, which may stand for one paragraph per line (see markdownBlocks). */
  paragraph: boolean;
  /** Links to a site's home page (`[起点课堂](https://example.com/)`), as an outlet's name is linked in a byline. */
  siteLinks: SiteLink[];
  /** Of `keep`, the stretches inside a link, and inside strong emphasis (`**…**`). */
  linked: Range[];
  strong: Range[];
}

export interface SiteLink {
  text: string;
  /** Where the link starts in the source. */
  at: number;
}

interface Found {
  keep: Range[];
  captions: Range[];
  html: boolean;
  image: boolean;
  siteLinks: SiteLink[];
  linked: Range[];
  strong: Range[];
}

/** Hugo `{{< … >}}` / `{{% … %}}` and Liquid/Jekyll `{% … %}` shortcodes: template syntax, never text. */
const shortcode = /\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}/gu;

/**
 * Markdown punctuation alone (a stray `**`, a lone `>`, the `[` or `](address)` of a link torn
 * apart by blank lines): nothing a person reads.
 */
const syntaxOnly = /^(?:[\s*_~`#>|=+\\[\]!-]*|\s*\]\(\S*\)\s*)$/u;

/** How a caption line under a picture opens: ▲ marks, 图：/圖1, 图片来源. */
const captionCue = /^\s*(?:[▲△▼▽↑⬆☝]|(?:图|圖|图片|圖片|配图|配圖|图源|圖源|摄影|攝影)\s*(?:\d+\s*)?[:：|｜丨]|(?:图片|圖片)(?:来源|來源))/u;
const maxCaption = 120;

/** Alt text that names no picture: a placeholder, a file name, an address, a number. */
const genericAlt =
  /^(?:image|img|photo|picture|pic|cover(?:[\s_-]?image)?|图片|圖片|图像|圖像|配图|配圖|图|圖|照片|封面|插图|插圖|\d+)$/iu;

/** The leaf blocks of `tree`, in document order. `source` is the text it was parsed from. */
export function collectLeaves(tree: Root, source: string): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'root':
      case 'blockquote':
      case 'list':
      case 'listItem':
      case 'footnoteDefinition':
      case 'table':
        // A container with nothing in it (`-`, `>`) is syntax standing alone.
        if (node.children.length === 0 && start !== undefined && end !== undefined && node.type !== 'root') {
          leaves.push(markupLeaf(start, end, 'syntax'));
        }
        for (const child of node.children) visit(child);
        return;
      default:
        if (start === undefined || end === undefined || end <= start) return;
        leaves.push(leafOf(node, source, start, end, leaves.at(-1)));
    }
  };
  visit(tree);
  return leaves;
}

function markupLeaf(start: number, end: number, markup: MarkupKind): Leaf {
  return {
    start,
    end,
    role: 'markup',
    keep: [],
    markup,
    headingLevel: null,
    paragraph: false,
    siteLinks: [],
    linked: [],
    strong: [],
  };
}

function leafOf(node: Nodes, source: string, start: number, end: number, previous: Leaf | undefined): Leaf {
  switch (node.type) {
    case 'yaml':
      return markupLeaf(start, end, 'front-matter');
    case 'thematicBreak':
      return markupLeaf(start, end, 'rule');
    case 'definition':
      return markupLeaf(start, end, 'definition');
    case 'html': {
      const captions = htmlCaptions(source, start, end);
      if (captions.length > 0) return { ...markupLeaf(start, end, 'html'), role: 'caption', keep: captions, markup: null };
      // Words wrapped in HTML (<p>…</p>, <div>…) are text; only the tags are syntax.
      const words = textBetweenTags(source, start, end);
      const shown = words.map(([a, b]) => source.slice(a, b)).join('');
      if (/[\p{L}\p{N}]/u.test(shown)) return { ...markupLeaf(start, end, 'html'), role: 'text', keep: words, markup: null };
      return markupLeaf(start, end, 'html');
    }
    case 'code':
      return { ...markupLeaf(start, end, 'syntax'), role: 'text', keep: codeText(source, start, end), markup: null };
    default: {
      const found: Found = { keep: [], captions: [], html: false, image: false, siteLinks: [], linked: [], strong: [] };
      if (node.type === 'tableRow') tableRowText(node, source, found);
      else collectInline(node, source, found);
      const shortcodes = [...source.slice(start, end).matchAll(shortcode)].map(
        (m): Range => [start + m.index, start + m.index + m[0].length],
      );
      const keep = subtract(found.keep, shortcodes);
      const shown = keep.map(([a, b]) => source.slice(a, b)).join('');
      const headingLevel = node.type === 'heading' ? node.depth : null;
      if (!syntaxOnly.test(shown)) {
        const caption =
          previous !== undefined &&
          isImageBlock(previous) &&
          shown.trim().length <= maxCaption &&
          (isEmphasisedLine(node) || captionCue.test(shown));
        return {
          start,
          end,
          role: caption ? 'caption' : 'text',
          keep,
          markup: null,
          headingLevel,
          paragraph: node.type === 'paragraph' && !caption,
          siteLinks: found.siteLinks,
          linked: found.linked,
          strong: found.strong,
        };
      }
      if (found.captions.length > 0) {
        return { ...markupLeaf(start, end, 'image'), role: 'caption', keep: found.captions, markup: null };
      }
      const markup: MarkupKind =
        shortcodes.length > 0 ? 'shortcode' : found.image ? 'image' : found.html ? 'html' : 'syntax';
      return markupLeaf(start, end, markup);
    }
  }
}

function isImageBlock(leaf: Leaf): boolean {
  return leaf.markup === 'image' || (leaf.role === 'caption' && leaf.markup === null);
}

/** A paragraph that is one emphasised phrase (`*…*`): under a picture, its caption. */
function isEmphasisedLine(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false;
  const parts = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return parts.length === 1 && (parts[0]?.type === 'emphasis' || parts[0]?.type === 'strong');
}

function collectInline(node: Nodes, source: string, found: Found): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      if (start !== undefined && end !== undefined) align(source, start, end, node.value, found.keep);
      return;
    case 'break':
      // A hard break (two spaces or `\` before the line end): the marks go, the line break stays.
      if (start !== undefined && end !== undefined) {
        const at = lastLineBreak(source, start, end);
        if (at >= 0) found.keep.push([at, end]);
      }
      return;
    case 'image':
    case 'imageReference':
      found.image = true;
      if (start !== undefined && end !== undefined && isMeaningfulAlt(node.alt)) {
        const label = imageLabel(source, start, end);
        if (label) align(source, label[0], label[1], node.alt ?? '', found.captions);
      }
      return;
    case 'html':
      found.html = true;
      return;
    case 'footnoteReference':
      return;
    case 'link':
    case 'linkReference': {
      if (node.type === 'link' && start !== undefined && isSiteHome(node.url)) {
        found.siteLinks.push({ text: plainText(node).trim(), at: start });
      }
      const before = found.keep.length;
      for (const child of node.children) collectInline(child, source, found);
      found.linked.push(...found.keep.slice(before));
      return;
    }
    case 'strong': {
      const before = found.keep.length;
      for (const child of node.children) collectInline(child, source, found);
      found.strong.push(...found.keep.slice(before));
      return;
    }
    default:
      if ('children' in node) for (const child of node.children) collectInline(child, source, found);
  }
}

/** Cells' words, with the one space before each later cell kept so the cells do not run together. */
function tableRowText(row: Extract<Nodes, { type: 'tableRow' }>, source: string, found: Found): void {
  row.children.forEach((cell, i) => {
    const before = found.keep.length;
    collectInline(cell, source, found);
    const first = found.keep[before];
    if (i > 0 && first && /\s/u.test(source.charAt(first[0] - 1))) first[0] -= 1;
  });
}

function isMeaningfulAlt(alt: string | null | undefined): boolean {
  const text = alt?.trim() ?? '';
  if (text === '' || genericAlt.test(text)) return false;
  if (/^(?:https?:\/\/|www\.)/iu.test(text) || /\.(?:jpe?g|png|gif|webp|svg|bmp)$/iu.test(text)) return false;
  return /[\p{L}\p{N}]/u.test(text);
}

/** The alt text's place in `![alt](…)` / `![alt][ref]`: between `![` and its closing `]`. */
function imageLabel(source: string, start: number, end: number): Range | null {
  if (source.slice(start, start + 2) !== '![') return null;
  let depth = 0;
  for (let i = start + 2; i < end; i++) {
    const ch = source.charAt(i);
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']') {
      if (depth === 0) return [start + 2, i];
      depth--;
    }
  }
  return null;
}

/**
 * The caption of a raw HTML figure: the words of its `<figcaption>`, else a meaningful `alt` of
 * its `<img>`. Tags inside the caption stay hidden.
 */
function htmlCaptions(source: string, start: number, end: number): Range[] {
  const html = source.slice(start, end);
  const ranges: Range[] = [];
  for (const m of html.matchAll(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption\s*>/giu)) {
    const inner = start + m.index + m[0].indexOf('>') + 1;
    const content = m[1] ?? '';
    for (const t of content.matchAll(/[^<]+|<[^>]*>?/gu)) {
      if (!t[0].startsWith('<') && t[0].trim() !== '') ranges.push([inner + t.index, inner + t.index + t[0].length]);
    }
  }
  if (ranges.length > 0) return ranges;
  for (const m of html.matchAll(/<img\b[^>]*?\balt\s*=\s*(["'])([^"']*)\1/giu)) {
    const alt = m[2] ?? '';
    if (!isMeaningfulAlt(alt)) continue;
    const at = start + m.index + m[0].length - 1 - alt.length;
    ranges.push([at, at + alt.length]);
  }
  return ranges;
}

/** The stretches of an HTML block outside its tags, comments, scripts and styles. */
function textBetweenTags(source: string, start: number, end: number): Range[] {
  const html = source.slice(start, end);
  const ranges: Range[] = [];
  const hidden = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<[^>]*>?/giu;
  let at = 0;
  for (const m of html.matchAll(hidden)) {
    if (m.index > at && html.slice(at, m.index).trim() !== '') ranges.push([start + at, start + m.index]);
    at = m.index + m[0].length;
  }
  if (at < html.length && html.slice(at).trim() !== '') ranges.push([start + at, end]);
  return ranges;
}

/** A fenced block's lines between its fences; an indented block's lines without their indent. */
function codeText(source: string, start: number, end: number): Range[] {
  const raw = source.slice(start, end);
  const fence = /^[ \t]*(`{3,}|~{3,})[^\r\n]*(?:\r\n|\r|\n|$)/u.exec(raw);
  if (!fence) return lineContents(source, start, end);
  const from = start + fence[0].length;
  const closing = /(?:^|\r\n|\r|\n)[ \t]*(`{3,}|~{3,})[ \t]*$/u.exec(source.slice(from, end));
  const to = closing ? from + closing.index : end;
  return to > from ? [[from, to]] : [];
}

function lineContents(source: string, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const m of source.slice(start, end).matchAll(/[^\r\n]+/gu)) {
    const text = m[0].replace(/^(?: {1,4}|\t)/u, '');
    ranges.push([start + m.index + m[0].length - text.length, start + m.index + m[0].length]);
  }
  return ranges;
}

function lastLineBreak(source: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) {
    const ch = source.charAt(i);
    if (ch === '\n' || ch === '\r') return ch === '\n' && source.charAt(i - 1) === '\r' && i - 1 >= start ? i - 1 : i;
  }
  return -1;
}

/**
 * Matches `value` (what the parser read) against the source stretch it came from, character by
 * character: source characters that are not in the value (container marks `>` at a line's
 * start, backslash escapes, the rest of an entity) are left out. When the value is not found in
 * order (a numeric entity), the whole stretch is kept: showing syntax beats losing words.
 */
function align(source: string, start: number, end: number, value: string, out: Range[]): void {
  const added: Range[] = [];
  let v = 0;
  let run = -1;
  for (let i = start; i < end; i++) {
    if (v < value.length && source.charCodeAt(i) === value.charCodeAt(v)) {
      if (run < 0) run = i;
      v++;
    } else if (run >= 0) {
      added.push([run, i]);
      run = -1;
    }
  }
  if (run >= 0) added.push([run, end]);
  if (v < value.length) out.push([start, end]);
  else out.push(...added);
}

/** `ranges` (in order) without the parts inside `cuts`. */
export function subtract(ranges: readonly Range[], cuts: readonly Range[]): Range[] {
  if (cuts.length === 0) return [...ranges];
  const out: Range[] = [];
  for (const [a, b] of ranges) {
    let from = a;
    for (const [c, d] of cuts) {
      if (d <= from || c >= b) continue;
      if (c > from) out.push([from, c]);
      from = Math.max(from, d);
    }
    if (from < b) out.push([from, b]);
  }
  return out;
}

/** A site's home, or one level under it (`https://example.com/`, `https://example.com/s/`). */
function isSiteHome(url: string): boolean {
  const m = /^https?:\/\/[^/?#\s]+(\/[^/?#\s]*\/?)?$/iu.exec(url.trim());
  return m !== null;
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map(plainText).join('') : '';
}
