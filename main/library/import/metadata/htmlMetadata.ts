import type { ArticleMetadata, DetectedScript } from '../../../../preload/contract/articleTypes';
import type { ExtractedHtml } from '../extractHtmlArticle';
import { parseDate } from './dates';
import { readPageMetadata } from './pageMetadata';

/**
 * An HTML article's metadata: what the page's markup and its header lines say (readPageMetadata)
 * first, then what was read from the article's text (`fromText`), then Readability's title, site
 * name and date. Not its byline: it is often the site's name or an editor, and an empty author
 * beats a wrong one; the page's author meta and credit lines are read above.
 */
export function htmlArticleMetadata(
  html: string,
  extracted: ExtractedHtml,
  fromText: ArticleMetadata,
  script: DetectedScript,
): ArticleMetadata {
  // The page's markup as extraction read it (one parse of the page); parsed here only without that.
  const page = readPageMetadata(html, script === 'traditional', extracted.pageFacts);
  const readabilityTitle = extracted.title?.trim() || null;
  const title = page.title ?? readabilityTitle;
  return {
    ...fromText,
    title: title ?? fromText.title,
    titleInferred: title ? false : fromText.titleInferred,
    author: fuller(page.author, fromText.author),
    source: page.source ?? fromText.source ?? extracted.siteName,
    publishedAt: page.publishedAt ?? fromText.publishedAt ?? parseDate(extracted.publishedTime ?? ''),
    url: page.url ?? fromText.url,
  };
}

/** `first`, unless `second` names the same people and more (a credit cut short by page chrome). */
function fuller(first: string | null, second: string | null): string | null {
  if (!first || !second) return first ?? second;
  const a = first.split('、');
  const b = second.split('、');
  return b.length > a.length && a.every((n) => b.includes(n)) ? second : first;
}
