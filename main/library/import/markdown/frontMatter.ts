import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/** What a Markdown file's YAML front matter says about the article. Empty where it says nothing. */
export interface FrontMatterFields {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  /** The outlet, when the front matter names one (a `source:` that is an address is the URL). */
  source: string | null;
  description: string | null;
  tags: string[];
}

const none: FrontMatterFields = {
  title: null,
  author: null,
  publishedAt: null,
  url: null,
  source: null,
  description: null,
  tags: [],
};

/*
 * Keys as Obsidian Web Clipper, MarkDownload, Hugo, Jekyll and archive converters write them,
 * most specific first. `created`/`clipped` are left out on purpose: clippers write the day of
 * the clipping there, not the day the article was published.
 */
const titleKeys = ['title', '标题', '標題'];
const authorKeys = ['author', 'authors', 'byline', 'creator', 'writer', '作者'];
const dateKeys = ['published', 'date', 'pubdate', 'publishdate', 'published_at', 'datepublished', 'publish_date', '日期'];
const urlKeys = ['original_url', 'originalurl', 'original', 'canonical', 'canonical_url', 'source_url', 'source', 'url', 'link'];
const outletKeys = ['site', 'site_name', 'sitename', 'publisher', 'outlet', 'source', '来源', '來源'];
const descriptionKeys = ['description', 'summary', 'excerpt', 'subtitle'];
const tagKeys = ['tags', 'keywords'];

let loadedYaml: typeof Yaml | undefined;

/**
 * yaml, loaded at the first front matter read rather than when the parse worker starts: some
 * 40 ms of CPU that each import's worker paid before its first file, for Markdown files only.
 */
function yamlModule(): typeof Yaml {
  loadedYaml ??= createRequire(__filename)('yaml') as typeof Yaml;
  return loadedYaml;
}

/**
 * The front matter's YAML (between the `---` lines) to metadata. YAML that does not parse, or
 * is not a mapping, says nothing: the lines stay hidden as markup and the article imports.
 */
export function readFrontMatter(yaml: string): FrontMatterFields {
  let data: unknown;
  try {
    data = yamlModule().parse(yaml, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return none;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return none;
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(data)) entries.set(key.trim().toLowerCase(), value);
  const first = (keys: readonly string[], read: (value: unknown) => string | null): string | null => {
    for (const key of keys) {
      const found = read(entries.get(key));
      if (found) return found;
    }
    return null;
  };
  return {
    title: first(titleKeys, (v) => oneLine(textOf(v))),
    author: first(authorKeys, readAuthors),
    publishedAt: first(dateKeys, readDate),
    url: first(urlKeys, readUrl),
    source: first(outletKeys, (v) => {
      const text = oneLine(textOf(v));
      return text && !isAddress(text) ? text : null;
    }),
    description: first(descriptionKeys, (v) => oneLine(textOf(v))),
    tags: tagKeys.flatMap((key) => listOf(entries.get(key))),
  };
}

/** A scalar as text; an Obsidian `[[wiki link]]` as the name it shows. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return unwrapLink(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return null;
}

function unwrapLink(text: string): string {
  return text.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/gu, (_all, target: string, alias?: string) => alias ?? target);
}

function oneLine(text: string | null): string | null {
  const trimmed = text?.replace(/\s*[\r\n]+\s*/gu, ' ').trim();
  return trimmed ? trimmed : null;
}

function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,，、]/u) : [];
  return items.map((item) => oneLine(textOf(item))).filter((item): item is string => item !== null);
}

/** A role written in front of a name (記者莊曉彤, 文／X): the name is the author. */
const rolePrefix = /^(?:记者|記者|撰文|作者|文)\s*[:：/／|｜]?\s*/u;
const anonymous = /^(?:佚名|未知|不详|不詳|匿名|unknown|anonymous|admin|null|none)$/iu;

function readAuthors(value: unknown): string | null {
  const names = listOf(Array.isArray(value) ? value : value === undefined ? [] : [value])
    .map((name) => name.replace(rolePrefix, '').trim())
    .filter((name) => name !== '' && !anonymous.test(name));
  if (names.length === 0) return null;
  const allHan = names.every((name) => /^[\p{Script=Han}·・]+$/u.test(name));
  return [...new Set(names)].join(allHan ? '、' : ', ');
}

/** A calendar date, as the store keeps it (YYYY-MM-DD); anything that is no real date is none. */
function readDate(value: unknown): string | null {
  const text = textOf(value);
  const m = text ? /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(text) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isAddress(text: string): boolean {
  return /^https?:\/\/\S+$/iu.test(text);
}

function readUrl(value: unknown): string | null {
  const text = oneLine(textOf(value));
  return text && isAddress(text) ? text : null;
}
