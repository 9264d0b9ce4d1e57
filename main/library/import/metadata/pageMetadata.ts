/**
 * A saved web page's metadata from everywhere pages put it: <meta> (og:, article:, name=author,
 * pubdate, source…), JSON-LD, <link rel=canonical>, <time>, the crawl archive's
 * <text id="URL"> wrapper, share links that carry the page's address, and the lines around the
 * headline (date line, 来源 line, byline). Values are checked as they are read: an outlet or a URL
 * is never an author, a relative address is never the URL. Never throws on a hostile page.
 */
import { linkedom } from '../lazyLinkedom';
import { findBylineAuthor, isPersonName } from './bylines';
import { dateLineDate, parseDate } from './dates';
import { readJsonLd } from './jsonLd';
import { findSourceLine, outletBesideDate } from './sourceLines';
import { titleWithoutSuffix, withoutBracketTag } from './titleSuffix';

export interface PageMetadata {
  title: string | null;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

const emptyPage: PageMetadata = { title: null, source: null, author: null, publishedAt: null, url: null };

interface Element {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

interface Node {
  readonly nodeType: number;
  readonly localName?: string;
  readonly childNodes: ArrayLike<Node>;
  readonly textContent: string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that start a new line of page text; and elements whose text a reader never sees. */
const blockElements = new Set(
  'address article aside blockquote body br caption center dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const unseenElements = new Set(
  'head title script style noscript template svg math iframe object select textarea button'.split(' '),
);

/**
 * The page's text, one line per block, in page order: where the date, 来源 and byline lines
 * around the headline are looked for. Read from the document already parsed for the <meta>
 * tags, with an explicit stack (no recursion on deep pages), whatever linkedom took for <body>.
 */
function pageTextLines(root: Node): string[] {
  const lines: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const line = buffer.replace(/\s+/gu, ' ').trim();
    if (line !== '') lines.push(line);
    buffer = '';
  };
  const end = Symbol('end of block');
  const stack: Array<Node | typeof end> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === end) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      if (buffer.length < maxValue) buffer += node.textContent ?? '';
      continue;
    }
    const name = node.nodeType === ELEMENT_NODE ? (node.localName ?? '').toLowerCase() : '';
    if (unseenElements.has(name)) continue;
    if (blockElements.has(name)) {
      flush();
      stack.push(end);
    }
    // linkedom builds childNodes afresh on every read: taken once, or a wide page is quadratic.
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return lines;
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' && value !== null && typeof (value as Node).nodeType === 'number' && 'childNodes' in value
  );
}

interface Queryable {
  querySelectorAll(selectors: string): ArrayLike<Element>;
}

function isQueryable(value: unknown): value is Queryable {
  return typeof value === 'object' && value !== null && typeof (value as Queryable).querySelectorAll === 'function';
}

const maxValue = 2000;

function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value.length > maxValue ? '' : value.replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}

/** <meta> values by key (property, name, itemprop or http-equiv), lower-cased with spaces taken out (`og:time `). */
function metaValues(document: Queryable): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const content = clean(meta.getAttribute('content'));
    if (!key || !content || key.length > 100) continue;
    const k = key.toLowerCase().replace(/\s+/gu, '');
    if (!values.has(k)) values.set(k, content);
  }
  return values;
}

function first(values: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = values.get(key);
    if (value) return value;
  }
  return null;
}

/** An absolute http(s) address, or null (relative `./t2019….shtml` is not the page's URL). */
export function absoluteUrl(value: string | null | undefined): string | null {
  const text = clean(value);
  if (!text || /\s/u.test(text)) return null;
  const withScheme = /^www\./iu.test(text) ? `http://${text}` : text;
  return /^https?:\/\/[^/\s?#]+\.[^/\s?#]+/iu.test(withScheme) ? withScheme : null;
}

/** The address most share links on the page carry (…share.php?url=http%3A%2F%2F…), or null. */
function sharedUrl(html: string): string | null {
  const counts = new Map<string, number>();
  const pattern =
    /href\s*=\s*["'][^"'<>]{0,200}share[^"'<>]{0,200}?[?&](?:amp;)?(?:url|u)=(https?%3A%2F%2F[^&"'<>\s]{4,500})/giu;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = pattern.exec(html)) && seen++ < 200) {
    let url: string;
    try {
      url = decodeURIComponent(m[1]!);
    } catch {
      continue;
    }
    if (absoluteUrl(url)) counts.set(url, (counts.get(url) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [url, n] of counts) if (!best || n > counts.get(best)!) best = url;
  return best;
}

const dateKeys = [
  'article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish_date',
  'publishdate',
  'og:release_date',
  'og:time',
  'weibo:article:create_at',
  'datecreated',
  'dc.date',
  'dc.date.issued',
  'sailthru.date',
  'parsely-pub-date',
  'date',
];
const sourceKeys = ['source', 'contentsource', 'mediaid', 'article:source', 'og:source'];
const siteKeys = ['og:site_name', 'sitename', 'application-name', 'twitter:site'];
const authorKeys = ['author', 'article:author', 'dc.creator', 'byl', 'dable:author', 'twitter:creator'];
const titleKeys = ['og:title', 'twitter:title', 'articletitle', 'title', 'headline'];

/** The last short segment of the page title's suffix: the site's name, when the <title> has one. */
function siteFromSuffix(pageTitle: string | null, title: string | null): string | null {
  if (!pageTitle || !title || !pageTitle.startsWith(title)) return null;
  const parts = pageTitle
    .slice(title.length)
    .split(/\s*(?:_{1,3}|--?|—|\||｜|<|>)\s*/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const last = parts[parts.length - 1];
  return last && [...last].length >= 2 && [...last].length <= 24 ? last : null;
}

/** How many page lines before and after the headline may hold its date, outlet and byline. */
const linesBefore = 8;
const linesAfter = 15;

/**
 * The page's lines around its headline: the first line that holds one of `titles`, the lines
 * after it, then the lines before it nearest first (a date above the headline in a list of
 * other stories is the last to be believed).
 */
function headerLines(pageLines: readonly string[], titles: readonly (string | null)[]): string[] {
  const flat = (s: string) => s.replace(/\s+/gu, '');
  const flatLines = pageLines.map(flat);
  for (const title of titles) {
    const t = title ? flat(title) : '';
    if (t.length < 4) continue;
    const at = flatLines.findIndex((l) => l.length <= t.length + 40 && l.includes(t));
    if (at < 0) continue;
    const after = pageLines.slice(at, at + linesAfter + 1);
    const before = pageLines.slice(Math.max(0, at - linesBefore), at).reverse();
    return [...after, ...before].filter((l) => l.length <= 300);
  }
  return [];
}

/**
 * What a parsed page says, read from its DOM once: everything readPageMetadata needs of the
 * markup, so that the import reads it from the document it parses to extract the article
 * (extractHtmlArticle) instead of parsing the page a second time.
 */
export interface PageFacts {
  meta: Map<string, string>;
  ld: ReturnType<typeof readJsonLd>;
  pageTitle: string | null;
  h1s: string[];
  /** The page's text lines (pageTextLines), or null when the document is not a node tree. */
  lines: string[] | null;
  markedTime: string | null | undefined;
  /** The datetime of every <time datetime> (only the page's one and only is believed). */
  times: Array<string | null>;
  canonical: string | null | undefined;
}

/**
 * The facts of a document as linkedom parsed the page (`parseHTML(html).document`), before
 * anything changed it; null when it is no document. May throw on a hostile page: see
 * readPageMetadata.
 */
export function readPageFacts(document: unknown): PageFacts | null {
  if (!isQueryable(document)) return null;
  const meta = metaValues(document);
  const ld = readJsonLd(
    Array.from(document.querySelectorAll('script'))
      .filter((s) => (s.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json')
      .map((s) => s.textContent ?? ''),
  );
  const pageTitle = clean(Array.from(document.querySelectorAll('title'))[0]?.textContent);
  const h1s = Array.from(document.querySelectorAll('h1'))
    .slice(0, 10)
    .map((h) => clean((h.textContent ?? '').split(/\n/u).find((l) => l.trim() !== '')) ?? '');
  const lines = isNode(document) ? pageTextLines(document) : null;
  const marked = Array.from(document.querySelectorAll('time[pubdate], time[itemprop="datePublished"]'));
  const times = Array.from(document.querySelectorAll('time[datetime]')).map((t) => t.getAttribute('datetime'));
  const canonical = Array.from(document.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href');
  return { meta, ld, pageTitle, h1s, lines, markedTime: marked[0]?.getAttribute('datetime'), times, canonical };
}

/**
 * Metadata of a saved page. `taiwan`: the page is in traditional script, so ROC dates
 * (108/03/06) are read as such. `facts`: the page's facts already read (readPageFacts), or
 * null when reading them failed; without it the page is parsed here.
 */
export function readPageMetadata(html: string, taiwan = false, facts?: PageFacts | null): PageMetadata {
  try {
    if (facts === undefined) {
      const window: unknown = linkedom().parseHTML(html);
      facts = readPageFacts(
        typeof window === 'object' && window !== null ? (window as { document?: unknown }).document : null,
      );
    }
    return facts ? readPage(html, taiwan, facts) : emptyPage;
  } catch {
    // The page's own words, however broken, never stop an import: its metadata is then unknown.
    return emptyPage;
  }
}

function readPage(html: string, taiwan: boolean, facts: PageFacts): PageMetadata {
  const { meta, ld, pageTitle, h1s } = facts;
  const headings = [...h1s, ...titleKeys.map((k) => meta.get(k) ?? ''), ld?.headline ?? ''].filter((h) => h !== '');
  const stripped = titleWithoutSuffix(pageTitle, headings);
  const title = stripped ? withoutBracketTag(stripped) : null;

  const header = facts.lines ? headerLines(facts.lines, [stripped, ...headings]) : [];
  const dateLine = header.find((l) => dateLineDate(l, { taiwan }));

  // A <time> marked as the publication time, or the page's only <time> (more are a list's).
  const timeElement =
    facts.markedTime !== undefined ? facts.markedTime : facts.times.length === 1 ? facts.times[0] : undefined;
  const publishedAt =
    parseDate(first(meta, dateKeys) ?? '', { taiwan }) ??
    parseDate(ld?.datePublished ?? '', { taiwan }) ??
    parseDate(timeElement ?? '', { taiwan }) ??
    (dateLine ? dateLineDate(dateLine, { taiwan }) : null);

  const metaAuthor = authorKeys.map((k) => meta.get(k)).find((v) => v && isPersonName(v));
  const ldAuthors = (ld?.authors ?? []).filter(isPersonName);
  const author =
    metaAuthor ?? (ldAuthors.length > 0 ? ldAuthors.join('、') : null) ?? firstFound(header, findBylineAuthor);

  const source =
    firstFound(header, findSourceLine) ??
    first(meta, sourceKeys) ??
    (dateLine ? outletBesideDate(dateLine) : null) ??
    first(meta, siteKeys) ??
    clean(ld?.publisher) ??
    siteFromSuffix(pageTitle, stripped);

  const wrapper = /^\s*(?:<[!?][^>]{0,500}>\s*)*<text\s+id\s*=\s*["']([^"'\s]{1,2000})["']/iu.exec(
    html.slice(0, 4000),
  )?.[1];
  const url =
    absoluteUrl(facts.canonical) ??
    absoluteUrl(meta.get('og:url')) ??
    absoluteUrl(ld?.url) ??
    absoluteUrl(wrapper) ??
    absoluteUrl(meta.get('url')) ??
    sharedUrl(html);

  return { title, source: source && isOutlet(source) ? source : null, author, publishedAt, url };
}

function firstFound(lines: readonly string[], find: (line: string) => string | null): string | null {
  for (const line of lines) {
    const found = find(line);
    if (found) return found;
  }
  return null;
}

/** An outlet's name, not an address or a handle (@setnews) a meta tag may hold instead. */
function isOutlet(value: string): boolean {
  return !/^@|https?:|www\.|\.(com|cn|net|org|tw|hk)\b/iu.test(value) && [...value].length <= 40;
}
