import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleGroup, ArticlePageRequest } from '../../../../preload/contract/articlePageTypes';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { expectFirstList, markFirstListShown } from '../../state/firstListShown';

/** Rows asked for at a time: a few screenfuls. */
const pageRows = 100;

export type ArticleListQuery = Omit<ArticlePageRequest, 'offset' | 'limit' | 'around'>;

export interface ArticlePages {
  /** The query the rows answer (the one asked may still be on its way: the last answer shows meanwhile). */
  key: string;
  total: number;
  inView: number;
  /** Grouped by an attribute: the groups of the whole list (from its first page). */
  groups: readonly ArticleGroup[] | undefined;
  rowAt: (index: number) => ArticleSummary | undefined;
  /** Asks main for the rows from `first` to `last` that are not here yet. */
  ensure: (first: number, last: number) => void;
  /**
   * Where the list should scroll: a new token when the order, the filters or the open article
   * changed (not when the same list was fetched again after an edit), with the open article's
   * index, or null for the top.
   */
  scroll: { token: number; index: number | null };
}

interface Loaded {
  key: string;
  version: number;
  total: number;
  inView: number;
  groups: readonly ArticleGroup[] | undefined;
  pages: ReadonlyMap<number, readonly ArticleSummary[]>;
  scroll: { token: number; index: number | null };
}

/**
 * The library pane's list, paged from main (listArticlePage): only the rows near the viewport
 * are fetched, filtered and ordered there. Fetched again when the query or the library changes,
 * and, in "recently opened" order, when another article is opened.
 */
export function useArticlePages(
  query: ArticleListQuery,
  version: number,
  selectedId: number | null,
): { pages: ArticlePages | null; error: string | null } {
  const key = JSON.stringify(query);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(new Set<string>());
  const visible = useRef<[number, number]>([0, 0]);
  const tokens = useRef({ next: 1, key: '', selectedId: null as number | null });
  // Requests for what the first screen does not need (the tag list) wait for this list's first page.
  useState(expectFirstList);

  useEffect(() => {
    let live = true;
    const moved = tokens.current.key !== key || tokens.current.selectedId !== selectedId;
    // After the reader's request for the article it opens, which records the open in main
    // (the "recently opened" order).
    const timer = setTimeout(() => {
      const request: ArticlePageRequest = { ...(JSON.parse(key) as ArticleListQuery), offset: 0, limit: pageRows };
      if (selectedId !== null) request.around = selectedId;
      void pizhu.listArticlePage(request).then(async (result) => {
        if (!live) return;
        markFirstListShown();
        if (!result.ok) return setError(result.error.message);
        const page = result.value;
        // The open article's page, so the list can show it at once; after an edit (the same
        // list), the pages in view too, so nothing in view blinks to a placeholder.
        const wanted = new Set<number>();
        if (page.aroundIndex !== null) wanted.add(Math.floor(page.aroundIndex / pageRows));
        if (!moved) for (let n = Math.floor(visible.current[0] / pageRows); n <= Math.floor(visible.current[1] / pageRows); n++) wanted.add(n);
        wanted.delete(0);
        const more = await Promise.all(
          [...wanted].filter((n) => n * pageRows < page.total).map(async (n) => [n, await pizhu.listArticlePage({ ...request, offset: n * pageRows })] as const),
        );
        if (!live) return;
        const pages = new Map([[0, page.rows]]);
        for (const [n, answer] of more) if (answer.ok) pages.set(n, answer.value.rows);
        asked.current = new Set();
        setError(null);
        if (moved) tokens.current = { next: tokens.current.next + 1, key, selectedId };
        setLoaded((previous) => ({
          key,
          version,
          total: page.total,
          inView: page.inView,
          groups: page.groups,
          pages,
          scroll:
            moved || !previous
              ? { token: tokens.current.next, index: page.aroundIndex }
              : previous.scroll,
        }));
      });
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Another open article: where it stands, and in "recently opened" order a new order.
  }, [key, version, selectedId]);

  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      if (!loaded) return;
      const current = loaded;
      for (let n = Math.floor(first / pageRows); n <= Math.floor(last / pageRows); n++) {
        const id = `${current.key}\n${current.version}\n${n}`;
        if (current.pages.has(n) || asked.current.has(id) || n * pageRows >= current.total) continue;
        asked.current.add(id);
        const request: ArticlePageRequest = { ...(JSON.parse(current.key) as ArticleListQuery), offset: n * pageRows, limit: pageRows };
        void pizhu.listArticlePage(request).then((result) => {
          if (!result.ok) return;
          setLoaded((now) =>
            now && now.key === current.key && now.version === current.version
              ? { ...now, pages: new Map(now.pages).set(n, result.value.rows) }
              : now,
          );
        });
      }
    },
    [loaded],
  );

  // Another view (the trash) is another list: its counts and rows are not shown from the last one.
  if (!loaded || (JSON.parse(loaded.key) as ArticleListQuery).view !== query.view) return { pages: null, error };
  return {
    pages: {
      key: loaded.key,
      total: loaded.total,
      inView: loaded.inView,
      groups: loaded.groups,
      rowAt: (index) => loaded.pages.get(Math.floor(index / pageRows))?.[index % pageRows],
      ensure,
      scroll: loaded.scroll,
    },
    error,
  };
}
