import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Result } from '../../../preload/contract/errors';

/** A list main answers a page at a time (offset, limit) with the exact count of all its rows. */
export type FetchPage<T> = (offset: number, limit: number) => Promise<Result<{ total: number; rows: T[] }>>;

export interface PagedRows<T> {
  total: number;
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt: (index: number) => T | undefined;
  /** Asks main for the pages holding rows `first` to `last` that are not here yet (what a virtualised list shows). */
  ensure: (first: number, last: number) => void;
}

interface Loaded<T> {
  key: string;
  version: number;
  total: number;
  pages: ReadonlyMap<number, readonly T[]>;
}

/**
 * A list paged from main as the library list is: the first page at once, then only the pages
 * near what a virtualised list shows. Fetched again when `key` (what is listed) or `version`
 * (the library changed) does; after a change to the same list, the pages in view come with the
 * first, so nothing shown blinks to a placeholder.
 */
export function usePagedRows<T>(
  key: string,
  version: number,
  fetchPage: FetchPage<T>,
  pageRows = 100,
): { rows: PagedRows<T> | null; error: string | null } {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest fetch, without refetching when the caller passes a new function each render.
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });
  const asked = useRef(new Set<string>());
  const visible = useRef<{ key: string; first: number; last: number }>({ key: '', first: 0, last: 0 });

  useEffect(() => {
    let live = true;
    const fetch = fetchRef.current;
    void (async () => {
      const first = await fetch(0, pageRows);
      if (!live) return;
      if (!first.ok) return setError(first.error.message);
      const { total } = first.value;
      const wanted = new Set<number>();
      const seen = visible.current;
      if (seen.key === key)
        for (let n = Math.floor(seen.first / pageRows); n <= Math.floor(seen.last / pageRows); n++) if (n > 0 && n * pageRows < total) wanted.add(n);
      const more = await Promise.all([...wanted].map(async (n) => [n, await fetch(n * pageRows, pageRows)] as const));
      if (!live) return;
      const pages = new Map<number, readonly T[]>([[0, first.value.rows]]);
      for (const [n, answer] of more) if (answer.ok) pages.set(n, answer.value.rows);
      asked.current = new Set();
      setError(null);
      setLoaded({ key, version, total, pages });
    })();
    return () => {
      live = false;
    };
  }, [key, version, pageRows]);

  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = { key, first, last };
      if (!loaded || loaded.key !== key) return;
      const current = loaded;
      for (let n = Math.floor(first / pageRows); n <= Math.floor(last / pageRows); n++) {
        const id = `${current.key}\n${current.version}\n${n}`;
        if (current.pages.has(n) || asked.current.has(id) || n * pageRows >= current.total) continue;
        asked.current.add(id);
        void fetchRef.current(n * pageRows, pageRows).then((result) => {
          if (!result.ok) return setError(result.error.message);
          setLoaded((now) =>
            now && now.key === current.key && now.version === current.version
              ? { ...now, pages: new Map(now.pages).set(n, result.value.rows) }
              : now,
          );
        });
      }
    },
    [loaded, key, pageRows],
  );

  // Another list's rows are never shown as this one's.
  if (!loaded || loaded.key !== key) return { rows: null, error };
  return {
    rows: {
      total: loaded.total,
      rowAt: (index) => loaded.pages.get(Math.floor(index / pageRows))?.[index % pageRows],
      ensure,
    },
    error,
  };
}
