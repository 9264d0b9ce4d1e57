import type { ArticleGroup } from '../../../../preload/contract/articlePageTypes';

/** What stands at a place of the drawn list: a group's header, or the article at `index` of the list's order. */
export type ListItem = { kind: 'group'; group: number } | { kind: 'article'; index: number };

export interface ListLayout {
  /** Places drawn: every article, and a header per group. */
  size: number;
  itemAt: (place: number) => ListItem;
  /** The article at a place, or (at a header) the first article under it. */
  articleAt: (place: number) => number;
  /** Where the article at `index` is drawn. */
  placeOf: (index: number) => number;
}

/**
 * The places of a list grouped into runs (each header drawn just before its group's first
 * article), so the virtualised list can mix headers and articles while keyboard, paging and
 * selection keep counting articles only. Without groups a place is an article's index.
 */
export function listLayout(groups: readonly ArticleGroup[] | undefined, total: number): ListLayout {
  if (!groups || groups.length === 0) {
    return { size: total, itemAt: (place) => ({ kind: 'article', index: place }), articleAt: (place) => place, placeOf: (index) => index };
  }
  // The group holding `at`, an article's index or (isPlace) a drawn place: the last group whose
  // first article (for a place, its header, after the headers before it) is at or before it.
  const groupHolding = (at: number, isPlace: boolean): number => {
    let lo = 0;
    let hi = groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (groups[mid]!.start + (isPlace ? mid : 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const itemAt = (place: number): ListItem => {
    const group = groupHolding(place, true);
    const header = groups[group]!.start + group;
    return place === header ? { kind: 'group', group } : { kind: 'article', index: place - group - 1 };
  };
  return {
    size: total + groups.length,
    itemAt,
    articleAt: (place) => {
      const item = itemAt(place);
      return item.kind === 'article' ? item.index : groups[item.group]!.start;
    },
    placeOf: (index) => index + groupHolding(index, false) + 1,
  };
}
