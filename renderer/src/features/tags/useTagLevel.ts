import { useCallback, useEffect, useRef, useState } from 'react';
import { maxTagLevelRows, type TagLevelRow } from '../../../../preload/contract/tagLevelTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';

/** Tags asked for at a time on one level: a few screenfuls, so 5,000 tags never load (or render) at once. */
export const tagLevelRows = 100;

export interface TagLevel {
  /** null until the first page is here. */
  rows: readonly TagLevelRow[] | null;
  total: number;
  error: string | null;
  /** Asks main for the level's next page. */
  more: () => void;
}

interface Loaded {
  rows: TagLevelRow[] | null;
  total: number;
  error: string | null;
}

/**
 * One level of the tag tree, paged from main (listTagLevel): the first page at once, the next
 * when the person asks. After a library change as many rows as were shown are fetched again,
 * so nothing shown blinks away.
 */
export function useTagLevel(parent: string): TagLevel {
  const { version } = useLibraryEvents();
  const [loaded, setLoaded] = useState<Loaded>({ rows: null, total: 0, error: null });
  const shown = useRef(tagLevelRows);

  useEffect(() => {
    let live = true;
    void (async () => {
      const rows: TagLevelRow[] = [];
      let total = 0;
      do {
        const result = await pizhu.listTagLevel({ parent, offset: rows.length, limit: Math.min(maxTagLevelRows, shown.current - rows.length) });
        if (!live) return;
        if (!result.ok) return setLoaded((s) => ({ ...s, error: result.error.message }));
        rows.push(...result.value.rows);
        total = result.value.total;
        if (result.value.rows.length === 0) break;
      } while (rows.length < Math.min(shown.current, total));
      setLoaded({ rows, total, error: null });
    })();
    return () => {
      live = false;
    };
  }, [parent, version]);

  const more = useCallback(() => {
    const offset = loaded.rows?.length ?? 0;
    void pizhu.listTagLevel({ parent, offset, limit: tagLevelRows }).then((result) => {
      if (!result.ok) return setLoaded((s) => ({ ...s, error: result.error.message }));
      setLoaded((s) => {
        // Another answer (a library change) came meanwhile: it stands.
        if (s.rows?.length !== offset) return s;
        const rows = [...s.rows, ...result.value.rows];
        shown.current = Math.max(tagLevelRows, rows.length);
        return { rows, total: result.value.total, error: null };
      });
    });
  }, [parent, loaded.rows?.length]);

  return { ...loaded, more };
}
