import { foldToSimplified } from '../../../../preload/common/foldScript';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';

/** Folded titles, kept while the summary object lives (a re-fetch brings new objects). */
const foldedTitles = new WeakMap<ArticleSummary, string>();

/** Folds a title or a query: simplified characters, lower case, so 晋江 finds 晉江 and pizhu finds Pizhu. */
export function foldForMatch(text: string): string {
  return foldToSimplified(text).toLocaleLowerCase();
}

/** `foldedQuery` comes from foldForMatch, once per keystroke rather than once per title. */
export function titleMatches(article: ArticleSummary, foldedQuery: string): boolean {
  let title = foldedTitles.get(article);
  if (title === undefined) {
    title = foldForMatch(article.title);
    foldedTitles.set(article, title);
  }
  return title.includes(foldedQuery);
}
