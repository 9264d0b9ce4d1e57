import type { FeedItem } from './readFeed';

function attribute(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/**
 * A feed item as the web page it stands for: what the feed says of it in the head, where the
 * page metadata reader looks (title, og:site_name = the feed's title, author, published time,
 * canonical link), its content as the body. This page is the article's raw text, so the item
 * goes through the same extraction and cleaning as a saved page, and re-cleaning it later
 * reads the same metadata again. Everything the feed gave for the head is escaped; the content
 * is the feed's own HTML, which extraction reads inertly as any page.
 */
export function feedItemPage(item: FeedItem, feedTitle: string | null): string {
  const head: string[] = ['<meta charset="utf-8">'];
  if (item.title) {
    head.push(
      `<title>${attribute(item.title)}</title>`,
      `<meta property="og:title" content="${attribute(item.title)}">`,
    );
  }
  if (feedTitle) head.push(`<meta property="og:site_name" content="${attribute(feedTitle)}">`);
  if (item.author) head.push(`<meta name="author" content="${attribute(item.author)}">`);
  if (item.date) head.push(`<meta property="article:published_time" content="${attribute(item.date)}">`);
  if (item.link) head.push(`<link rel="canonical" href="${attribute(item.link)}">`);
  return `<!DOCTYPE html>\n<html>\n<head>\n${head.join('\n')}\n</head>\n<body>\n<article>\n${item.html}\n</article>\n</body>\n</html>\n`;
}
