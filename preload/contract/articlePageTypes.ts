import type { ArticleSummary } from './articleTypes';
import type { AttributeFilter } from './attributeTypes';

/** Which list the library pane shows: the library, the archived articles, or the trash. */
export const articleListViews = ['library', 'archived', 'trash'] as const;
export type ArticleListView = (typeof articleListViews)[number];

/** Newest published first, by title (pinyin, or strokes for a Traditional interface), or last opened first. */
export const articleListSorts = ['date', 'title', 'opened'] as const;
export type ArticleListSort = (typeof articleListSorts)[number];

/** Titles order by pinyin ('zh') or by stroke count ('zh-Hant', as Taiwan and Hong Kong order lists). */
export const titleCollations = ['zh', 'zh-Hant'] as const;
export type TitleCollation = (typeof titleCollations)[number];

/** The most rows one page may ask for: a screenful many times over, never the whole library. */
export const maxArticlePageRows = 500;

export interface ArticlePageRequest {
  view: ArticleListView;
  sort: ArticleListSort;
  collation: TitleCollation;
  /** Part of a title, in any case and either script; blank for none. */
  query: string;
  /** Only articles carrying this tag or one nested under it; blank for none. */
  tag: string;
  /** The first row wanted, counted from 0 in this order. */
  offset: number;
  limit: number;
  /** An article whose place in this order the answer gives (the open one), if it is in it. */
  around?: number;
  /** Only articles whose attribute (attributeTypes) has this value. */
  attribute?: AttributeFilter;
  /**
   * The id of an attribute to group the list by: the rows run value by value (in the attribute's
   * value order), articles without a value last, each group in the list's own order.
   */
  groupBy?: number;
}

/** One group of a grouped list: its rows are `start` to `start + count - 1` in the list's order. */
export interface ArticleGroup {
  /** The attribute's value as kept; null for the articles that have none. */
  value: string | null;
  start: number;
  count: number;
}

/** The most article ids one listArticleIds call answers (a selection of the whole list). */
export const maxArticleIdRows = 100_000;

/** A window of the list in the asked order, with the counts the pane shows. */
export interface ArticlePage {
  /** Articles in the view that pass the filters. */
  total: number;
  /** Articles in the view, unfiltered. */
  inView: number;
  offset: number;
  rows: ArticleSummary[];
  /** Where `around` stands in this order; null when it is not in it (or was not asked). */
  aroundIndex: number | null;
  /** With `groupBy`, on the page at offset 0: every group of the whole list, in order. */
  groups?: ArticleGroup[];
}
