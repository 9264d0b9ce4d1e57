import { useSyncExternalStore } from 'react';

/**
 * The articles chosen in the library list (Ctrl/Cmd+click, Shift+click, Shift+arrows, Ctrl+A),
 * kept by article id so a selection outlives the pages the virtualised list fetches and drops,
 * and an edit that re-fetches them. `anchor` is where a Shift range starts: an id, with the index
 * it had in the list named by `listKey`. A tiny store, as the toast's, so the Attributes dialog
 * and the Words view (outside the library pane) read the same selection.
 */
export interface ArticleSelection {
  ids: ReadonlySet<number>;
  anchor: { id: number; index: number } | null;
  /** The list (its view, filters, order and grouping) the selection was made in. */
  listKey: string;
}

const empty: ArticleSelection = { ids: new Set(), anchor: null, listKey: '' };
let current = empty;
const listeners = new Set<() => void>();

export function setArticleSelection(next: ArticleSelection): void {
  current = next;
  for (const listener of listeners) listener();
}

export function clearArticleSelection(): void {
  if (current !== empty) setArticleSelection(empty);
}

/** An article gone from the list it was chosen in (trashed, archived, restored): no longer chosen. */
export function dropFromArticleSelection(id: number): void {
  if (!current.ids.has(id)) return;
  const ids = new Set(current.ids);
  ids.delete(id);
  setArticleSelection({ ...current, ids });
}

export function currentArticleSelection(): ArticleSelection {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useArticleSelection(): ArticleSelection {
  return useSyncExternalStore(subscribe, currentArticleSelection);
}

/**
 * The articles chosen on purpose: a click opens an article and selects it alone, which is no
 * selection to act on, so that one alone counts as none.
 */
export function chosenArticleIds(selection: ArticleSelection, openId: number | null): number[] {
  if (selection.ids.size === 1 && openId !== null && selection.ids.has(openId)) return [];
  return [...selection.ids];
}
