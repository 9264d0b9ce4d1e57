import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { UiLocale } from '../../i18n/locales';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { ArticleMenu, type LibraryView, type RowAction } from './ArticleMenu';
import { ArticleRow } from './ArticleRow';
import { listLayout } from './listLayout';
import { libraryMessages } from './messages';
import type { ArticlePages } from './useArticlePages';
import { useListSelection } from './useListSelection';

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
  /** The articles chosen (drawn as chosen). */
  chosen: ReadonlySet<number>;
}

/** Rows the arrow keys skip with PageUp / PageDown. */
const pageRows = 8;

/** The button of the article at `index` (in the list's order, headers not counted), when the row is rendered. */
const rowButton = (list: HTMLUListElement | null, index: number) =>
  list?.querySelector<HTMLButtonElement>(`li[data-article="${index}"] > button`) ?? null;

/**
 * The library as a virtualised list: only the rows near the viewport are in the DOM, and only
 * the pages near it are fetched from main, so 100,000 articles scroll as smoothly as five. It stays a list of buttons for assistive
 * technology (aria-setsize / aria-posinset give the full count), with one tab stop and the
 * arrow keys, Home, End, PageUp and PageDown moving between rows. A click opens an article and
 * selects it; Ctrl/Cmd+click (or Ctrl+Space) adds or removes one, Shift+click and Shift+arrows
 * take a range, Ctrl+A every article listed and Escape none. Grouped by an attribute, a header
 * with its count heads each group's rows.
 */
export function ArticleList({ pages, label, selectedId, locale, onOpen, view, onAction, chosen }: Props) {
  const t = useMessages(libraryMessages);
  const count = pages.total;
  const layout = useMemo(() => listLayout(pages.groups, count), [pages.groups, count]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const [focusedId, setFocusedId] = useState<number | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be read on every render
  const virtualizer = useVirtualizer({
    count: layout.size,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 88,
    overscan: 6,
    paddingStart: 4,
    paddingEnd: 16,
    getItemKey: (index) => {
      const item = layout.itemAt(index);
      return item.kind === 'group' ? `group ${item.group}` : (pages.rowAt(item.index)?.id ?? `row ${item.index}`);
    },
  });
  const rows = virtualizer.getVirtualItems();
  const first = layout.articleAt(rows[0]?.index ?? 0);
  const last = layout.articleAt(rows[rows.length - 1]?.index ?? 0);
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
    if (index !== null) virtualizer.scrollToIndex(layout.placeOf(index), { align: 'auto' });
    else virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose only when main says the place moved
  }, [pages.scroll.token]);

  // Stable between renders (the virtualizer is one object), so a scroll re-renders no row that stayed.
  const { placeOf } = layout;
  const moveTo = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      virtualizer.scrollToIndex(placeOf(target), { align: 'auto' });
      const button = rowButton(listRef.current, target);
      pendingFocus.current = button ? null : target;
      if (button) button.focus({ preventScroll: true });
      return target;
    },
    [count, virtualizer, placeOf],
  );

  // Read through a ref, so the rows' handlers stay the same between renders (the rows are memoised).
  const selection = useListSelection(pages);
  const selecting = useRef(selection);
  selecting.current = selection;
  const opening = useRef(onOpen);
  opening.current = onOpen;
  const chosenCount = useRef(chosen.size);
  chosenCount.current = chosen.size;

  const onActivate = useCallback((event: MouseEvent<HTMLButtonElement>, id: number, index: number) => {
    if (event.shiftKey) return selecting.current.extendTo(index);
    if (event.ctrlKey || event.metaKey) return selecting.current.toggle(id, index);
    selecting.current.selectOne(id, index);
    opening.current(id);
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
      if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
        event.preventDefault();
        listRef.current?.querySelector<HTMLButtonElement>(`li[data-article="${index}"] > .article-menu-button`)?.click();
        return;
      }
      // Keys pressed faster than rows are drawn (or fetched) move on from the row still on its way.
      if (pendingFocus.current !== null) index = pendingFocus.current;
      const command = event.ctrlKey || event.metaKey;
      if (command && !event.altKey && (event.key === 'a' || event.key === 'A')) {
        event.preventDefault();
        return selecting.current.selectAll();
      }
      if (command && event.key === ' ') {
        event.preventDefault();
        const id = event.currentTarget.dataset.articleId;
        if (id !== undefined) selecting.current.toggle(Number(id), index);
        return;
      }
      if (event.key === 'Escape' && chosenCount.current > 0) {
        event.preventDefault();
        event.stopPropagation();
        return selecting.current.clear();
      }
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
      const from = Number(event.currentTarget.dataset.articleId);
      const reached = moveTo(target);
      if (event.shiftKey) selecting.current.extendTo(reached, { id: from, index });
    },
    [count, moveTo],
  );

  // The tab stop: the row last focused, else the open article; when that row is scrolled out of
  // the DOM (or not fetched), the first rendered row takes its place.
  const renderedIds = rows.flatMap((r) => {
    const item = layout.itemAt(r.index);
    return item.kind === 'article' ? (pages.rowAt(item.index)?.id ?? []) : [];
  });
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
          const item = layout.itemAt(row.index);
          if (item.kind === 'group') {
            const group = pages.groups![item.group]!;
            return (
              <li
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className="article-group"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <span role="heading" aria-level={2}>
                  <span className="article-group-value">{group.value ?? t('groupNoValue')}</span>{' '}
                  <span className="article-group-count">{t('groupCount', { count: group.count })}</span>
                </span>
              </li>
            );
          }
          const article = pages.rowAt(item.index);
          // A row not fetched yet: an empty, busy placeholder in its place.
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              data-article={item.index}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              aria-busy={article ? undefined : 'true'}
              className={article ? 'article-row' : 'article-row article-row-pending'}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {article && (
                <>
                  <ArticleRow
                    article={article}
                    index={item.index}
                    selected={article.id === selectedId}
                    chosen={chosen.has(article.id)}
                    tabbable={article.id === tabStopId}
                    locale={locale}
                    onActivate={onActivate}
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
