import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import type { UiLocale } from '../../i18n/locales';
import type { LibrarySort } from '../preferences/preferences';
import { foldForMatch, titleMatches } from './matchTitle';

export interface ArticleFilter {
  /** Part of a title, in any case and either script; blank for none. */
  query: string;
  /** Only these articles (those carrying the chosen tag); null for no tag filter. */
  articleIds: ReadonlySet<number> | null;
}

/**
 * Titles sort by pinyin, or by stroke count for a Traditional Chinese interface (how Taiwan and
 * Hong Kong order lists); leading quotes and brackets are ignored, numbers compare as numbers.
 */
const collators = new Map<string, Intl.Collator>();
function titleCollator(locale: UiLocale): Intl.Collator {
  const tag = locale === 'zh-Hant' ? 'zh-Hant' : 'zh';
  let collator = collators.get(tag);
  if (!collator) collators.set(tag, (collator = new Intl.Collator(tag, { ignorePunctuation: true, numeric: true })));
  return collator;
}

/** ISO strings compare as text; a missing one sorts after every present one. */
function newestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

function byDate(a: ArticleSummary, b: ArticleSummary): number {
  return newestFirst(a.publishedAt, b.publishedAt) || newestFirst(a.importedAt, b.importedAt) || b.id - a.id;
}

/**
 * The articles to show, in order. `openedThisSession` numbers the articles opened since the
 * list was fetched (higher is later): they come first under 'opened', before the stored
 * lastOpenedAt of earlier sessions, so the list needs no fetch to follow the reader.
 */
export function orderArticles(
  articles: readonly ArticleSummary[],
  sort: LibrarySort,
  filter: ArticleFilter,
  locale: UiLocale,
  openedThisSession: ReadonlyMap<number, number> = new Map(),
): ArticleSummary[] {
  const query = filter.query.trim() === '' ? '' : foldForMatch(filter.query.trim());
  const shown = articles.filter(
    (a) => (filter.articleIds === null || filter.articleIds.has(a.id)) && (query === '' || titleMatches(a, query)),
  );
  if (sort === 'title') {
    const collator = titleCollator(locale);
    return shown.sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
  }
  if (sort === 'opened') {
    const session = (a: ArticleSummary) => openedThisSession.get(a.id) ?? -1;
    return shown.sort(
      (a, b) => session(b) - session(a) || newestFirst(a.lastOpenedAt, b.lastOpenedAt) || byDate(a, b),
    );
  }
  return shown.sort(byDate);
}
