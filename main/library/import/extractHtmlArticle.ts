/**
 * Saved web page -> article text (DESIGN §3: extract the article, never render imported HTML; §8: HTML
 * with scripts gets handled safely). Plain Node: linkedom builds an inert DOM (it has no script engine
 * and loads nothing), @mozilla/readability picks the article, and only text leaves this module.
 */
import { Readability } from '@mozilla/readability';
import { linkedom } from './lazyLinkedom';
import { readPageFacts, type PageFacts } from './metadata/pageMetadata';

/**
 * What the markup says a paragraph is: a heading (h1–h6, or a short block all in <strong>/<b>),
 * a caption (<figcaption>, or a short block right after a picture), a link (all its text is
 * one or more links: navigation, related stories) or plain text.
 */
export type BlockRole = 'heading' | 'caption' | 'link' | 'text';

export interface HtmlBlock {
  text: string;
  role: BlockRole;
}

export interface ExtractedHtml {
  /** The article's text: one paragraph per block element, paragraphs separated by a blank line ("\n\n"), whitespace inside a paragraph collapsed, no HTML. */
  text: string;
  /** The role of each paragraph of `text`, in order. */
  roles: BlockRole[];
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null; // as found
  excerpt: string | null;
  /**
   * What the page's markup says of its metadata (readPageFacts), read from the document parsed
   * here before anything changed it; null when reading it failed, absent when the page was never
   * parsed. Page metadata is read from it rather than from a second parse of the page.
   */
  pageFacts?: PageFacts | null;
}

// --- The slice of linkedom's DOM this module uses. linkedom's typings borrow lib.dom's (which the Node
// tsconfig has only by way of other packages' typings) and take `any`; this slice is typed on its own
// and checked where values cross in from linkedom or Readability.

interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
  appendChild(node: DomNode): unknown;
  insertBefore(node: DomNode, reference: DomNode | null): unknown;
}

interface DomElement extends DomNode {
  readonly localName: string;
  readonly attributes: ArrayLike<{ readonly name: string }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  remove(): void;
}

interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  createElement(localName: string): unknown;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isDomDocument(value: unknown): value is DomDocument {
  return isObject(value) && value.nodeType === DOCUMENT_NODE && typeof value.querySelectorAll === 'function';
}

function isDomElement(value: unknown): value is DomElement {
  return isObject(value) && value.nodeType === ELEMENT_NODE && typeof value.localName === 'string';
}

function nameOf(node: DomNode): string {
  return isDomElement(node) ? node.localName.toLowerCase() : '';
}

function parseRaw(html: string): DomDocument {
  const window: unknown = linkedom().parseHTML(html);
  const document = isObject(window) ? window.document : undefined;
  if (!isDomDocument(document)) throw new Error('linkedom returned no document');
  return document;
}

function createElement(document: DomDocument, localName: string): DomElement {
  const element = document.createElement(localName);
  if (!isDomElement(element)) throw new Error(`linkedom could not create <${localName}>`);
  return element;
}

/** Elements that belong in <head> when they come before the body. */
const HEAD_ELEMENTS = new Set(['title', 'meta', 'base', 'link', 'style', 'script', 'noscript', 'template']);

/**
 * Parses HTML into an inert linkedom document shaped <html><head/><body/></html>. linkedom follows the
 * markup literally rather than the HTML5 tree-building rules: a fragment's first element becomes the
 * root, and content outside an explicit <body> (omitted tags, or markup after </body>, both common in
 * saved Chinese pages) is not in document.body, so Readability and the fallback would never see it.
 */
function parseDocument(html: string, onParsed?: (document: DomDocument) => void): DomDocument {
  let document = parseRaw(html);
  onParsed?.(document);
  if (document.documentElement?.localName.toLowerCase() !== 'html') document = parseRaw(`<html>${html}</html>`);
  const root = document.documentElement;
  if (!root) throw new Error('the page has no root element');

  const rootChildren = Array.from(root.childNodes);
  const head = rootChildren.find((node) => nameOf(node) === 'head') ?? createElement(document, 'head');
  const body = rootChildren.find((node) => nameOf(node) === 'body') ?? createElement(document, 'body');
  const bodyStart = body.firstChild;
  let seenBody = false;
  let contentStarted = false;
  const adopt = (node: DomNode): void => {
    if (node === head || node === body) return;
    const isBlankText = node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() === '';
    if (seenBody) {
      body.appendChild(node);
    } else if (!contentStarted && (HEAD_ELEMENTS.has(nameOf(node)) || isBlankText)) {
      head.appendChild(node);
    } else {
      // Content before the body (or with no <body> tag at all): the body has implicitly begun.
      contentStarted = true;
      body.insertBefore(node, bodyStart);
    }
  };
  for (const node of Array.from(document.childNodes)) {
    if (node === root) {
      for (const child of rootChildren) {
        if (child === body) seenBody = true;
        adopt(child);
      }
      // With no <body> tag, whatever followed the root came after the body's content too.
      seenBody = true;
    } else if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) {
      adopt(node);
    }
  }
  // linkedom's document.head and document.body are the root's first element child and the next one.
  root.insertBefore(head, root.firstChild);
  root.insertBefore(body, head.nextSibling);
  return document;
}

// --- Defanging. linkedom never runs scripts or loads anything, so this is belt and braces: nothing
// active survives even if the DOM were ever handed to something that would.

/** Elements whose content is code, styling or another document: never article text. */
const ACTIVE_ELEMENTS = 'script, style, noscript, iframe, frame, frameset, object, embed, applet, template, link';

function defang(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(ACTIVE_ELEMENTS))) {
    // JSON-LD is inert data (Readability reads it with JSON.parse for byline, date, site name);
    // anything else in a <script> is code.
    const isJsonLd =
      element.localName === 'script' &&
      (element.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
    if (!isJsonLd) element.remove();
  }
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const handlers = Array.from(element.attributes, (attribute) => attribute.name).filter((name) =>
      name.toLowerCase().startsWith('on'),
    );
    for (const name of handlers) element.removeAttribute(name);
  }
}

// --- Block text

/** Elements that start and end a paragraph. Readability's output uses the first row; the rest matter for the body fallback. */
const BLOCK_ELEMENTS = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'pre', 'div'],
  ...['address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dl', 'dt'],
  ...['fieldset', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'main', 'menu'],
  ...['nav', 'ol', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'],
]);

/** Elements with no readable text of their own (ruby annotations: the base text is the reading; pinyin in rt would be noise). */
const SKIPPED_ELEMENTS = new Set([
  ...['head', 'title', 'meta', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed'],
  ...['svg', 'math', 'canvas', 'audio', 'video', 'select', 'textarea', 'input', 'button', 'rt', 'rp'],
]);

/** CJK characters, between which a source line break is not a space (CSS Text 3 segment-break rule; Korean keeps spaces). */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/**
 * Collapses a paragraph's HTML whitespace the way a browser would show it: runs of whitespace become one
 * space, except that a line break between two CJK characters disappears (a Chinese sentence wrapped in
 * the source must not gain spaces). No-break spaces count as whitespace; U+3000 inside the text is kept
 * (it is part of how Chinese text is written), but trimmed at the ends, where it is only indentation.
 */
export function collapseWhitespace(raw: string): string {
  const collapsed = raw.replace(/[\t\n\f\r \u00a0]+/g, (run: string, offset: number, whole: string) => {
    const before = whole.charAt(offset - 1);
    const after = whole.charAt(offset + run.length);
    const hasLineBreak = /[\n\r]/.test(run);
    return hasLineBreak && CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
  return collapsed.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, '');
}

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)(display:none|visibility:hidden)/.test(style);
}

/** Elements whose text is marked as a heading, a caption, emphasis or a link. */
const HEADING_ELEMENTS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MARKED_ELEMENTS = new Set([...HEADING_ELEMENTS, 'figcaption', 'strong', 'b', 'a']);
/** A heading in <strong> or a caption under a picture is short; a longer block is running text. */
const maxMarkedLength = 60;

/** How much of the paragraph being built lies inside each kind of marked element. */
interface Marks {
  all: number;
  heading: number;
  caption: number;
  strong: number;
  link: number;
}

function roleOf(text: string, marks: Marks, afterPicture: boolean): BlockRole {
  if (marks.all === 0) return 'text';
  if (marks.heading === marks.all) return 'heading';
  if (marks.caption === marks.all) return 'caption';
  const short = [...text].length <= maxMarkedLength;
  if (marks.link === marks.all && short) return 'link';
  if (marks.strong === marks.all && short && !/[。！？!?]$/u.test(text)) return 'heading';
  return afterPicture && short ? 'caption' : 'text';
}

/**
 * The paragraphs of a DOM subtree: every block element (and every <br>, and every blank line in the
 * text) ends the paragraph being built, so a div's own text between its child blocks is a paragraph of
 * its own, and nested blocks never merge with their parent. Each paragraph says what its markup
 * marks it as (BlockRole); the caller decides paragraph kinds.
 */
function blockParagraphs(root: DomNode): HtmlBlock[] {
  const paragraphs: HtmlBlock[] = [];
  let buffer = '';
  let marks: Marks = { all: 0, heading: 0, caption: 0, strong: 0, link: 0 };
  /** Open marked elements, by name: a text node's marks are the counts above zero. */
  const open = new Map<string, number>();
  let pictureSeen = false; // a picture since the last paragraph with text
  const flush = (): void => {
    const paragraph = collapseWhitespace(buffer);
    if (paragraph !== '') {
      paragraphs.push({ text: paragraph, role: roleOf(paragraph, marks, pictureSeen) });
      pictureSeen = false;
    }
    buffer = '';
    marks = { all: 0, heading: 0, caption: 0, strong: 0, link: 0 };
  };
  const isOpen = (name: string): boolean => (open.get(name) ?? 0) > 0;
  const addText = (piece: string): void => {
    buffer += piece;
    const n = piece.replace(/\s+/gu, '').length;
    if (n === 0) return;
    marks.all += n;
    if ([...HEADING_ELEMENTS].some(isOpen)) marks.heading += n;
    if (isOpen('figcaption')) marks.caption += n;
    if (isOpen('strong') || isOpen('b')) marks.strong += n;
    if (isOpen('a')) marks.link += n;
  };
  // An explicit stack, not recursion: a page of thousands of nested elements must not overflow the call stack.
  const endOfBlock = Symbol('end of block');
  type Exit = { exit: string };
  const stack: Array<DomNode | typeof endOfBlock | Exit> = [root];
  // childNodes is read once per node: linkedom builds the list anew on every read, so indexing it
  // in a loop made a page of many sibling paragraphs quadratic (20,000 took 33 s).
  const pushChildren = (node: DomNode): void => {
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === endOfBlock) {
      flush();
      continue;
    }
    if ('exit' in node) {
      open.set(node.exit, (open.get(node.exit) ?? 1) - 1);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      // A blank line in the source text is a paragraph break: saved pages often hold bare text
      // paragraphs separated only by blank lines, which a browser would run together.
      const pieces = (node.textContent ?? '').replace(/\r\n?/g, '\n').split(/\n[ \t\f\u00a0\u3000]*\n/);
      pieces.forEach((piece, index) => {
        if (index > 0) flush();
        addText(piece);
      });
      continue;
    }
    if (!isDomElement(node)) {
      // A document or fragment holds elements; comments, doctypes and processing instructions hold no text.
      if (node.nodeType === DOCUMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE) pushChildren(node);
      continue;
    }
    const name = node.localName.toLowerCase();
    if (name === 'img' || name === 'picture') pictureSeen = true;
    if (SKIPPED_ELEMENTS.has(name) || isHidden(node)) continue;
    if (name === 'br') {
      // Chinese pages often separate paragraphs with <br> only, so a line break is a paragraph break.
      flush();
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) {
      flush();
      stack.push(endOfBlock);
    }
    if (MARKED_ELEMENTS.has(name)) {
      open.set(name, (open.get(name) ?? 0) + 1);
      stack.push({ exit: name });
    }
    pushChildren(node);
  }
  flush();
  return paragraphs;
}

/** The paragraphs of an HTML document or fragment, extracted the same way as an article's (exported for tests and callers that already hold article HTML). */
export function htmlParagraphs(html: string): string[] {
  return htmlBlocks(html).map((b) => b.text);
}

/** htmlParagraphs with each paragraph's role. */
export function htmlBlocks(html: string): HtmlBlock[] {
  const document = parseDocument(html);
  defang(document);
  return document.body ? blockParagraphs(document.body) : [];
}

// --- Metadata for the fallback, when Readability finds no article (it reads these itself otherwise).

function metaContent(document: DomDocument, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content');
    const text = value == null ? '' : collapseWhitespace(value);
    if (text !== '') return text;
  }
  return null;
}

function fallbackMetadata(document: DomDocument): Omit<ExtractedHtml, 'text' | 'roles'> {
  const titleText = collapseWhitespace(document.querySelector('title')?.textContent ?? '');
  return {
    title: metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? (titleText || null),
    byline: metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]']),
    siteName: metaContent(document, ['meta[property="og:site_name"]']),
    publishedTime: metaContent(document, ['meta[property="article:published_time"]', 'meta[name="pubdate"]']),
    excerpt: metaContent(document, ['meta[name="description"]', 'meta[property="og:description"]']),
  };
}

function cleanField(value: string | null | undefined): string | null {
  const text = value == null ? '' : collapseWhitespace(value);
  return text === '' ? null : text;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/** linkedom's document is a DOM of the kind Readability was written for; linkedom's typings just cannot say so here. */
function isReadabilityDocument(value: unknown): value is ReadabilityDocument {
  return isDomDocument(value);
}

interface ReadabilityResult {
  paragraphs: HtmlBlock[];
  metadata: Omit<ExtractedHtml, 'text' | 'roles'>;
}

/**
 * Readability's time grows steeply with nesting (2,000 nested <div>s took 48 s in it, 5,000
 * overflowed the stack, while linkedom parsed them in milliseconds). Real pages nest a few dozen
 * deep; deeper than this, the page's text is read by the body fallback, which is linear.
 */
export const maxReadabilityDepth = 128;

/** Whether any node lies more than `limit` levels below `root` (walked with a stack, stopping early). */
function nestsDeeperThan(root: DomNode, limit: number): boolean {
  const stack: Array<{ node: DomNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.from(node.childNodes)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

function runReadability(html: string, onParsed: (document: DomDocument) => void): ReadabilityResult | null {
  const document = parseDocument(html, onParsed);
  if (nestsDeeperThan(document, maxReadabilityDepth)) return null;
  defang(document);
  if (!isReadabilityDocument(document)) throw new Error('linkedom returned no document');
  // The serializer hands back Readability's own article element, so it is walked as it stands
  // rather than serialised to HTML and parsed a second time.
  const reader = new Readability<unknown>(document, { serializer: (node: unknown): unknown => node });
  const article = reader.parse();
  if (!article || !isDomElement(article.content)) return null;
  return {
    paragraphs: blockParagraphs(article.content),
    metadata: {
      title: cleanField(article.title),
      byline: cleanField(article.byline),
      siteName: cleanField(article.siteName),
      publishedTime: cleanField(article.publishedTime),
      excerpt: cleanField(article.excerpt),
    },
  };
}

export function extractHtmlArticle(html: string, fileName: string): ExtractedHtml | { error: string } {
  let result: ReadabilityResult | null = null;
  let pageFacts: PageFacts | null | undefined;
  // The page as parsed, before it is reshaped for Readability: what page metadata reads.
  const readFacts = (document: DomDocument): void => {
    if (pageFacts !== undefined) return;
    try {
      pageFacts = readPageFacts(document);
    } catch {
      pageFacts = null;
    }
  };
  try {
    result = runReadability(html, readFacts);
  } catch {
    // Readability gives up on some malformed pages; the body fallback below still reads them.
    result = null;
  }
  if (!result || result.paragraphs.length === 0) {
    try {
      // A fresh parse: Readability rewrote the first DOM while it worked.
      const document = parseDocument(html, readFacts);
      defang(document);
      const paragraphs = document.body ? blockParagraphs(document.body) : [];
      const fallback = fallbackMetadata(document);
      result = { paragraphs, metadata: result ? preferFound(result.metadata, fallback) : fallback };
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      return { error: `"${fileName}" could not be read as HTML (${reason}).` };
    }
  }
  if (result.paragraphs.length === 0) return { error: `No article text was found in "${fileName}".` };
  return {
    text: result.paragraphs.map((b) => b.text).join('\n\n'),
    roles: result.paragraphs.map((b) => b.role),
    ...result.metadata,
    ...(pageFacts === undefined ? {} : { pageFacts }),
  };
}

/** Readability's metadata where it found some, the fallback's meta-tag reading elsewhere. */
function preferFound(
  found: Omit<ExtractedHtml, 'text' | 'roles'>,
  fallback: Omit<ExtractedHtml, 'text' | 'roles'>,
): Omit<ExtractedHtml, 'text' | 'roles'> {
  return {
    title: found.title ?? fallback.title,
    byline: found.byline ?? fallback.byline,
    siteName: found.siteName ?? fallback.siteName,
    publishedTime: found.publishedTime ?? fallback.publishedTime,
    excerpt: found.excerpt ?? fallback.excerpt,
  };
}
