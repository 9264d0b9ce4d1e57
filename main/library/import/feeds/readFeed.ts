/**
 * An RSS 2.0, RSS 1.0 (RDF) or Atom feed's text -> its title and items, each with what the feed
 * says of it (title, link, author, date) and its content as HTML. Parsed with linkedom's XML
 * parser (inert: it loads nothing, expands no DTD entity); the structure is checked first
 * (xmlProblem), since linkedom repairs broken XML silently.
 */
import { linkedom } from '../lazyLinkedom';
import { xmlProblem } from './xmlProblem';

export interface FeedItem {
  title: string | null;
  link: string | null;
  author: string | null;
  /** As the feed writes it, RFC 822 dates rewritten as YYYY-MM-DD HH:MM (the day as written, no time-zone shift). */
  date: string | null;
  /** The item's content (content:encoded, Atom content) or else its description/summary, as HTML. */
  html: string;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

// --- The slice of linkedom's XML DOM read here, checked where values come in from linkedom.

interface XmlElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly innerHTML: string;
  readonly children: ArrayLike<unknown>;
  getAttribute(name: string): string | null;
}

function isXmlElement(value: unknown): value is XmlElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { tagName?: unknown }).tagName === 'string' &&
    typeof (value as { getAttribute?: unknown }).getAttribute === 'function'
  );
}

/** Element children, read once (linkedom builds the list anew on every read). */
function childrenOf(element: XmlElement): XmlElement[] {
  return Array.from(element.children).filter(isXmlElement);
}

/** The name without its namespace prefix, lower-cased: `atom:feed` and `feed` alike. */
function localName(element: XmlElement): string {
  const name = element.tagName.toLowerCase();
  return name.slice(name.indexOf(':') + 1);
}

/**
 * The first child by each name in turn: `dc:creator` by its full name; `link` unprefixed first,
 * so an item's <link> wins over an <atom:link> beside it, then in any namespace.
 */
function named(children: readonly XmlElement[], ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const found =
      children.find((c) => c.tagName.toLowerCase() === name) ??
      (name.includes(':') ? undefined : children.find((c) => localName(c) === name));
    if (found) return found;
  }
  return undefined;
}

/** Whitespace runs as one space, trimmed; null when nothing is left. */
function squeeze(value: string | null | undefined): string | null {
  const squeezed = value?.replace(/\s+/gu, ' ').trim() ?? '';
  return squeezed === '' ? null : squeezed;
}

/** An element's text; HTML's named characters (&nbsp;, not XML's) and double-escaped ones read too, as readers do. */
function text(element: XmlElement | undefined): string | null {
  return squeeze(decodeEntities(element?.textContent ?? ''));
}

/** Atom text constructs: `type="html"` holds escaped markup, `xhtml` a div of it, `text` (the default) plain text. */
function atomText(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'html' || type === 'xhtml' || type.endsWith('html')) {
    const markup = type === 'xhtml' ? xhtmlOf(element) : (element.textContent ?? '');
    return squeeze(decodeEntities(markup.replace(/<[^>]*>/gu, ' ')));
  }
  return text(element);
}

const characters: Record<string, string> = {
  ...{ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', middot: '·', hellip: '…' },
  ...{ mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' },
};

/** The character references text holds once HTML tags are gone (or that a feed escaped twice). */
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|([a-z]{2,6}));/giu,
    (whole, hex?: string, dec?: string, name?: string) => {
      if (name) return characters[name.toLowerCase()] ?? whole;
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

function xhtmlOf(element: XmlElement): string {
  const div = childrenOf(element).find((c) => localName(c) === 'div');
  return (div ?? element).innerHTML;
}

function escapeHtml(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** Plain text as HTML paragraphs, one per line. */
function textAsHtml(value: string): string {
  return value
    .split(/\r\n|\r|\n/u)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
}

/** An Atom content or summary element as HTML. */
function atomHtml(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return xhtmlOf(element);
  const value = element.textContent ?? '';
  if (value.trim() === '') return null;
  return type === 'html' || type.endsWith('html') ? value : textAsHtml(value);
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 (`Mon, 06 Sep 2021 16:45:00 +0800`) as YYYY-MM-DD HH:MM; anything else as written. */
export function feedDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2}))?/u.exec(
    value,
  );
  const month = m ? months.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) return value;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const day = `${year}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return m[4] === undefined ? day : `${day} ${m[4].padStart(2, '0')}:${m[5]}`;
}

/** A person as feeds write one: `张三`, `a@b.cn (张三)`, `张三 <a@b.cn>`; a bare address names nobody. */
export function feedAuthor(value: string | null): string | null {
  if (!value) return null;
  const inParens = /\(([^()]+)\)\s*$/u.exec(value);
  const name = (inParens ? inParens[1]! : value.replace(/<[^<>]*>/gu, '')).replace(/\S+@\S+/gu, '').trim();
  return name === '' ? null : name;
}

function rssItem(item: XmlElement): FeedItem {
  const children = childrenOf(item);
  const guid = named(children, 'guid');
  const permaLink = guid && (guid.getAttribute('isPermaLink') ?? 'true') !== 'false' ? text(guid) : null;
  const content = named(children, 'content:encoded', 'encoded') ?? named(children, 'description');
  return {
    title: text(named(children, 'title')),
    link: text(named(children, 'link')) ?? (permaLink && /^https?:\/\//iu.test(permaLink) ? permaLink : null),
    author: feedAuthor(text(named(children, 'dc:creator', 'author', 'creator'))),
    date: feedDate(text(named(children, 'pubdate', 'dc:date', 'date', 'published'))),
    html: content?.textContent ?? '',
  };
}

function atomEntry(entry: XmlElement): FeedItem {
  const children = childrenOf(entry);
  const links = children.filter((c) => localName(c) === 'link');
  const link =
    links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ??
    links.find((l) => l.getAttribute('href'));
  const authors = children
    .filter((c) => localName(c) === 'author')
    .map((a) => text(named(childrenOf(a), 'name')))
    .filter((n): n is string => n !== null);
  return {
    title: atomText(named(children, 'title')),
    link: link?.getAttribute('href')?.trim() || null,
    author: authors.length > 0 ? authors.join('、') : null,
    date: text(named(children, 'published', 'issued', 'updated', 'modified')),
    html: atomHtml(named(children, 'content')) ?? atomHtml(named(children, 'summary')) ?? '',
  };
}

/** The feed, or why the text is not one a reader can import. */
export function readFeed(xml: string): Feed | { error: string } {
  const problem = xmlProblem(xml);
  if (problem) return { error: `it is not well-formed XML: ${problem}` };
  const document: unknown = new (linkedom().DOMParser)().parseFromString(xml, 'text/xml');
  const root = (document as { documentElement?: unknown } | null)?.documentElement;
  if (!isXmlElement(root)) return { error: 'it holds no XML element' };
  const kind = localName(root);
  const top = childrenOf(root);
  if (kind === 'feed') {
    return { title: atomText(named(top, 'title')), items: top.filter((c) => localName(c) === 'entry').map(atomEntry) };
  }
  if (kind === 'rss' || kind === 'rdf') {
    const channel = named(top, 'channel');
    const channelChildren = channel ? childrenOf(channel) : [];
    // RSS 2.0 keeps its items in the channel; RSS 1.0 (RDF) beside it.
    const items = [...channelChildren, ...top].filter((c) => localName(c) === 'item');
    return { title: text(named(channelChildren, 'title')), items: items.map(rssItem) };
  }
  return { error: `it is XML but not an RSS or Atom feed (its root element is <${root.tagName}>)` };
}
