import { useCallback, useRef } from 'react';
import { maxArticleIdRows } from '../../../../preload/contract/articlePageTypes';
import { pizhu } from '../../api/pizhuClient';
import {
  clearArticleSelection,
  currentArticleSelection,
  setArticleSelection,
  type ArticleSelection,
} from '../../state/articleSelection';
import type { ArticleListQuery, ArticlePages } from './useArticlePages';

export interface ListSelection {
  /** Click: one article (and the anchor of a range). */
  selectOne: (id: number, index: number) => void;
  /** Ctrl/Cmd+click or Ctrl+Space: in or out of the selection. */
  toggle: (id: number, index: number) => void;
  /**
   * Shift+click or Shift+arrows: the rows from the anchor to `index`; with no anchor in this
   * list, from `from` (the row the arrow left), else the row alone.
   */
  extendTo: (index: number, from?: { id: number; index: number }) => void;
  /** Ctrl+A: every article the list shows (up to maxArticleIdRows). */
  selectAll: () => void;
  clear: () => void;
}

/**
 * Which articles a list holds, whatever their order: a selection lasts while this stays (a new
 * order or grouping keeps it; another view or filter starts none).
 */
export function selectionKey(pagesKey: string): string {
  const { view, query, tag, attribute } = JSON.parse(pagesKey) as ArticleListQuery;
  return JSON.stringify({ view, query, tag, attribute });
}

/**
 * Choosing articles in the virtualised list. The selection is kept by id in the shared store;
 * a range or "all" may cover rows not fetched yet, so their ids are asked of main in the list's
 * order (listArticleIds). When answers cross, the last gesture wins.
 */
export function useListSelection(pages: ArticlePages): ListSelection {
  const asked = useRef(0);
  const { key: pagesKey, total, rowAt } = pages;
  const key = selectionKey(pagesKey);

  const idsOf = useCallback(
    async (offset: number, limit: number): Promise<number[] | null> => {
      const local: number[] = [];
      for (let i = offset; i < offset + limit; i++) {
        const id = rowAt(i)?.id;
        if (id === undefined) break;
        local.push(id);
      }
      if (local.length === limit) return local;
      const query = JSON.parse(pagesKey) as ArticleListQuery;
      const answer = await pizhu.listArticleIds({ ...query, offset, limit: Math.min(limit, maxArticleIdRows) });
      return answer.ok ? answer.value.ids : null;
    },
    [pagesKey, rowAt],
  );

  const anchorIn = useCallback(
    (selection: ArticleSelection) => (selection.listKey === key ? selection.anchor : null),
    [key],
  );

  const selectOne = useCallback(
    (id: number, index: number) => {
      asked.current++;
      setArticleSelection({ ids: new Set([id]), anchor: { id, index }, listKey: key });
    },
    [key],
  );

  const toggle = useCallback(
    (id: number, index: number) => {
      asked.current++;
      const selection = currentArticleSelection();
      const ids = new Set(selection.listKey === key ? selection.ids : []);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      setArticleSelection({ ids, anchor: { id, index }, listKey: key });
    },
    [key],
  );

  const extendTo = useCallback(
    (index: number, from?: { id: number; index: number }) => {
      const turn = ++asked.current;
      const selection = currentArticleSelection();
      const target = rowAt(index)?.id;
      const made = anchorIn(selection) ?? from;
      if (!made) {
        if (target !== undefined) selectOne(target, index);
        return;
      }
      void (async () => {
        let anchor = made;
        // After an edit the list may have moved the anchor (grouped by what was just set): find it again.
        if (rowAt(made.index)?.id !== made.id) {
          const all = await idsOf(0, Math.min(total, maxArticleIdRows));
          const at = all?.indexOf(made.id) ?? -1;
          anchor = { id: made.id, index: at >= 0 ? at : index };
        }
        const first = Math.min(anchor.index, index);
        const last = Math.max(anchor.index, index);
        const ids = await idsOf(first, Math.min(last - first + 1, maxArticleIdRows));
        if (ids === null || turn !== asked.current) return;
        setArticleSelection({ ids: new Set(ids), anchor, listKey: key });
      })();
    },
    [anchorIn, idsOf, key, rowAt, selectOne, total],
  );

  const selectAll = useCallback(() => {
    const turn = ++asked.current;
    const anchor = anchorIn(currentArticleSelection());
    void idsOf(0, Math.min(total, maxArticleIdRows)).then((ids) => {
      if (ids === null || turn !== asked.current) return;
      setArticleSelection({ ids: new Set(ids), anchor, listKey: key });
    });
  }, [anchorIn, idsOf, key, total]);

  const clear = useCallback(() => {
    asked.current++;
    clearArticleSelection();
  }, []);

  return { selectOne, toggle, extendTo, selectAll, clear };
}
