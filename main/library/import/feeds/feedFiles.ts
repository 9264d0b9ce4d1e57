import path from 'node:path';

/** Names an import reads as an RSS or Atom feed (a feed's items become articles, one each). */
const feedExtensions = new Set(['.xml', '.rss', '.atom']);

export function isFeedName(fileName: string): boolean {
  return feedExtensions.has(path.extname(fileName).toLowerCase());
}
