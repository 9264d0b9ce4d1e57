import iconv from 'iconv-lite';
import type { PizhuErrorCode } from '../../../../preload/contract/errors';
import { LibraryError } from '../../libraryError';
import { maxFeedItems, maxImportBytes } from '../importLimits';
import type { NewArticle } from '../../store/articles';
import { contentHash, decodeFile, parseSource } from '../prepareImport';
import { feedItemPage } from './feedItemPage';
import { readFeed, type FeedItem } from './readFeed';

/** One item of a feed ready for the store (as prepareFile's articles), or why it cannot be imported. */
export type PreparedItem =
  { fileName: string; article: NewArticle } | { fileName: string; failed: string; code: PizhuErrorCode };

/** Encodings an XML declaration may name that the file's bytes are then read in (UTF-8 and UTF-16 are found without it). */
const declaredEncodings: Record<string, string> = {
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  cp950: 'big5',
};

/**
 * The feed's text: in the legacy encoding its XML declaration names when the bytes read cleanly
 * in it (a short GBK feed is too short for detection to be sure), else as any imported file.
 */
function decodeFeed(bytes: Uint8Array, fileName: string): { text: string; encoding: string } {
  if (bytes.byteLength <= maxImportBytes) {
    const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
    const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/iu.exec(head)?.[1]?.toLowerCase();
    const encoding = declared === undefined ? undefined : declaredEncodings[declared];
    if (encoding) {
      const text = iconv.decode(Buffer.from(bytes), encoding);
      if (!text.includes('\ufffd') && text.trim() !== '') return { text, encoding };
    }
  }
  return decodeFile(bytes, fileName);
}

/** How an item is named in the import report: the feed's file and the item's title (or its place). */
function itemName(fileName: string, item: FeedItem, index: number): string {
  const title = item.title ? [...item.title] : [];
  const shown = title.length > 60 ? `${title.slice(0, 60).join('')}…` : title.join('');
  return `${fileName} › ${shown || `item ${index + 1}`}`;
}

function prepareItem(
  item: FeedItem,
  index: number,
  feedTitle: string | null,
  fileName: string,
  encoding: string,
): PreparedItem {
  const name = itemName(fileName, item, index);
  const page = feedItemPage(item, feedTitle);
  try {
    if (item.html.trim() === '') throw new LibraryError('empty-file', `"${name}" has no text in the feed.`, name);
    const parsed = parseSource(page, 'html', name);
    if (!parsed.paragraphs.some((p) => p.text.trim() !== '')) {
      throw new LibraryError('empty-file', `"${name}" has no text to read.`, name);
    }
    const bytes = new TextEncoder().encode(page);
    return {
      fileName: name,
      article: { contentHash: contentHash(bytes), fileName: name, format: 'html', encoding, rawText: page, parsed },
    };
  } catch (error) {
    if (error instanceof LibraryError) return { fileName: name, failed: error.message, code: error.code };
    throw error;
  }
}

/**
 * An RSS or Atom feed's bytes -> one prepared article per item (named `feed.xml › its title`) (each extracted and cleaned as a
 * saved page, each stored or refused on its own), in the feed's order. Throws LibraryError for
 * the feed as a whole: too large, undecodable, not well-formed XML, not a feed, no items.
 */
export function prepareFeedImport(bytes: Uint8Array, fileName: string): PreparedItem[] {
  const decoded = decodeFeed(bytes, fileName);
  const feed = readFeed(decoded.text.replace(/^\ufeff/u, ''));
  if ('error' in feed) {
    throw new LibraryError('unsupported-file', `"${fileName}" could not be read as a feed: ${feed.error}.`, fileName);
  }
  if (feed.items.length === 0) {
    throw new LibraryError('empty-file', `"${fileName}" is a feed with no items; nothing was imported.`, fileName);
  }
  const prepared = feed.items
    .slice(0, maxFeedItems)
    .map((item, index) => prepareItem(item, index, feed.title, fileName, decoded.encoding));
  if (feed.items.length > maxFeedItems) {
    const rest = feed.items.length - maxFeedItems;
    prepared.push({
      fileName,
      failed: `"${fileName}" has ${feed.items.length} items; Pizhu imports the first ${maxFeedItems} of a feed, so the last ${rest} were not imported.`,
      code: 'file-too-large',
    });
  }
  return prepared;
}
