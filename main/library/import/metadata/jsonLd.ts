/**
 * What a page's JSON-LD says about its article (schema.org NewsArticle, Article, BlogPosting,
 * and the 熊掌号 "cambrian" form): headline, datePublished/pubDate, author, publisher and @id.
 * Malformed or huge blocks are skipped: they are data from the page, never trusted to parse.
 */

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  url: string | null;
}

const maxBlock = 200_000;
const maxNodes = 200;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.length < 2000 ? value.trim() : null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list.slice(0, 20)) {
    const n =
      text(item) ?? (typeof item === 'object' && item !== null ? text((item as Record<string, unknown>).name) : null);
    if (n) out.push(n);
  }
  return out;
}

/** Every object in the parsed value, breadth first, up to maxNodes (graphs, arrays, nested items). */
function objects(root: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const queue: unknown[] = [root];
  while (queue.length > 0 && out.length < maxNodes) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...(item as unknown[]).slice(0, maxNodes));
    else if (typeof item === 'object' && item !== null) {
      const record = item as Record<string, unknown>;
      out.push(record);
      if (Array.isArray(record['@graph'])) queue.push(record['@graph']);
    }
  }
  return out;
}

const articleType = /Article|BlogPosting|Report/u;

/** The first article-like node of the page's JSON-LD blocks, or null. Never throws. */
export function readJsonLd(blocks: readonly string[]): JsonLdArticle | null {
  for (const block of blocks) {
    if (block.length > maxBlock) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(block);
    } catch {
      continue;
    }
    for (const node of objects(parsed)) {
      const type = ([] as unknown[])
        .concat(node['@type'])
        .filter((t) => typeof t === 'string')
        .join(' ');
      const cambrian = typeof node['@context'] === 'string' && /cambrian/u.test(node['@context']);
      if (!articleType.test(type) && !cambrian) continue;
      const page = node.mainEntityOfPage;
      const pageId =
        typeof page === 'object' && page !== null ? text((page as Record<string, unknown>)['@id']) : text(page);
      const publisher = node.publisher;
      return {
        headline: text(node.headline) ?? text(node.title) ?? text(node.name),
        datePublished: text(node.datePublished) ?? text(node.pubDate) ?? text(node.dateCreated),
        authors: names(node.author),
        publisher:
          typeof publisher === 'object' && publisher !== null
            ? text((publisher as Record<string, unknown>).name)
            : text(publisher),
        url: text(node.url) ?? pageId ?? text(node['@id']),
      };
    }
  }
  return null;
}
