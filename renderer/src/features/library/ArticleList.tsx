import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { UiLocale } from '../../i18n/locales';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import { ArticleMenu, type LibraryView, type RowAction } from './ArticleMenu';
import { ArticleRow } from './ArticleRow';
import type { ArticlePages } from './useArticlePages';

interface Props {
  /** The list, paged from main: rows not fetched yet show as placeholders. */
  pages: ArticlePages;
  label: string;
  selectedId: number | null;
  locale: UiLocale;
  onOpen: (id: number) => void;
  /** Which list this is: the actions each row's menu offers depend on it. */
  view: LibraryView;
  onAction: (action: RowAction, article: ArticleSummary) => void;
}

/** Rows the arrow keys skip with PageUp / PageDown. */
const pageRows = 8;

/** The row's button at `index`, when the row is rendered. */
const rowButton = (list: HTMLUListElement | null, index: number) =>
  list?.querySelector<HTMLButtonElement>(`li[data-index="${index}"] > button`) ?? null;

/**
 * The library as a virtualised list: only the rows near the viewport are in the DOM, and only
 * the pages near it are fetched from main, so 100,000 articles scroll as smoothly as five. It stays a list of buttons for assistive
 * technology (aria-setsize / aria-posinset give the full count), with one tab stop and the
 * arrow keys, Home, End, PageUp and PageDown moving between rows.
 */
export function ArticleList({ pages, label, selectedId, locale, onOpen, view, onAction }: Props) {
  const count = pages.total;
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const [focusedId, setFocusedId] = useState<number | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be read on every render
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 88,
    overscan: 6,
    paddingStart: 4,
    paddingEnd: 16,
    getItemKey: (index) => pages.rowAt(index)?.id ?? `row ${index}`,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;
  const { ensure } = pages;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  // A row reached by the keyboard may not be rendered yet: focus it once it is.
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const button = rowButton(listRef.current, index);
    if (button) {
      pendingFocus.current = null;
      button.focus({ preventScroll: true });
    }
  });

  // Keep the open article in view when it changes (a jump from the tag view) or the order does;
  // a re-fetch of the same order (after an annotation) leaves the scroll where the person put it.
  useEffect(() => {
    const { index } = pages.scroll;
    if (index !== null) virtualizer.scrollToIndex(index, { align: 'auto' });
    else virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose only when main says the place moved
  }, [pages.scroll.token]);

  // Stable between renders (the virtualizer is one object), so a scroll re-renders no row that stayed.
  const moveTo = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const button = rowButton(listRef.current, target);
      pendingFocus.current = button ? null : target;
      if (button) button.focus({ preventScroll: true });
    },
    [count, virtualizer],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
      if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
        event.preventDefault();
        listRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${index}"] > .article-menu-button`)?.click();
        return;
      }
      // Keys pressed faster than rows are drawn (or fetched) move on from the row still on its way.
      if (pendingFocus.current !== null) index = pendingFocus.current;
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: count - 1,
        PageDown: index + pageRows,
        PageUp: index - pageRows,
      };
      const target = moves[event.key];
      if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      moveTo(target);
    },
    [count, moveTo],
  );

  // The tab stop: the row last focused, else the open article; when that row is scrolled out of
  // the DOM (or not fetched), the first rendered row takes its place.
  const renderedIds = rows.flatMap((r) => pages.rowAt(r.index)?.id ?? []);
  const tabStopId =
    [focusedId, selectedId].find((id) => id !== null && renderedIds.includes(id)) ?? renderedIds[0] ?? null;

  return (
    <div ref={scrollRef} className="article-scroll">
      <ul
        ref={listRef}
        role="list"
        aria-label={label}
        className="article-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const article = pages.rowAt(row.index);
          // A row not fetched yet: an empty, busy placeholder in its place.
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-setsize={count}
              aria-posinset={row.index + 1}
              aria-busy={article ? undefined : 'true'}
              className={article ? 'article-row' : 'article-row article-row-pending'}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {article && (
                <>
                  <ArticleRow
                    article={article}
                    index={row.index}
                    selected={article.id === selectedId}
                    tabbable={article.id === tabStopId}
                    locale={locale}
                    onOpen={onOpen}
                    onFocusRow={setFocusedId}
                    onKeyDown={onKeyDown}
                  />
                  <ArticleMenu article={article} view={view} onAction={onAction} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
