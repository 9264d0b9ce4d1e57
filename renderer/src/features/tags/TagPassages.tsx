import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TaggedPassage } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { usePagedRows, type PagedRows } from '../../state/usePagedRows';
import { tagMessages } from './messages';
import { passageExcerpt } from './passageExcerpt';
import { BackIcon } from './TagIcons';
import { usePassageScript } from './usePassageScript';
import { useTagScript } from './useTagScript';
import { ExportButton } from '../export/ExportButton';

/** One tag across the library: every passage with it (or a tag nested under it), each with its paragraph. */
export function TagPassages({ tag }: { tag: string }) {
  const t = useMessages(tagMessages);
  const { version } = useLibraryEvents();
  const { showSidePanel } = useNavigation();
  // A page at a time from main, as the library list: a tag can carry 100,000 passages.
  const fetchPage = useCallback((offset: number, limit: number) => pizhu.listTaggedPassagePage({ tag, offset, limit }), [tag]);
  const { rows, error } = usePagedRows(tag, version, fetchPage);

  const shown = usePassageScript();
  const shownTag = useTagScript();

  return (
    <div className="tag-passages">
      <header className="side-panel-header">
        <button type="button" className="side-panel-back" onClick={() => showSidePanel({ kind: 'tags' })}>
          <BackIcon /> {t('allTags')}
        </button>
        <h2 className="side-panel-title tag-passages-title" title={shownTag(tag) === tag ? undefined : tag}>
          {shownTag(tag)}
        </h2>
        {rows && <p className="tag-passages-count">{t('passageCount', { count: rows.total })}</p>}
        <ExportButton start={{ kind: 'tag', tag }} />
      </header>
      {error && (
        <p role="alert" className="tag-status tag-status-error">
          {error}
        </p>
      )}
      {rows === null ? (
        !error && <p className="side-panel-note">{t('loading')}</p>
      ) : rows.total === 0 ? (
        <p className="side-panel-note">{t('noPassages')}</p>
      ) : (
        <PassageList tag={tag} label={t('passagesOf', { tag: shownTag(tag) })} rows={rows} shown={shown} />
      )}
    </div>
  );
}

interface PassageListProps {
  tag: string;
  label: string;
  rows: PagedRows<TaggedPassage>;
  /** The article's text in the reader's script mode for it. */
  shown: (articleId: number, text: string) => string;
}

/**
 * The passages as a virtualised list in the side panel's own scroll: only those near the
 * viewport are in the DOM, and only their pages are fetched. Each article's run of passages
 * opens with its title. The list is a tab stop of its own, so the keys scroll it (End to the
 * last passage) and Tab goes on into the passages in view.
 */
function PassageList({ tag, label, rows, shown }: PassageListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // Where the list starts in the panel's scroll (below the sticky header).
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const panel = list?.closest<HTMLElement>('.side-panel') ?? null;
    setScroller(panel);
    if (list && panel) setMargin(list.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop);
  }, []);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be read on every render
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scroller,
    // About a passage's height in the panel: rows are measured as drawn, the estimate only sizes the rest.
    estimateSize: () => 240,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (index) => passageKey(rows.rowAt(index)) ?? `row ${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = rows;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  // Home and End go to the first and the last passage and focus its Jump button (once it is drawn
  // and fetched): the list's height is an estimate until its rows are drawn, so the panel's own
  // End would stop short of rows not measured yet.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${index}"] .passage-jump`);
    if (button) {
      pendingFocus.current = null;
      button.focus({ preventScroll: true });
    }
  });
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.key !== 'Home' && event.key !== 'End')) return;
    event.preventDefault();
    const index = event.key === 'Home' ? 0 : rows.total - 1;
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: event.key === 'Home' ? 'start' : 'end' });
  };

  return (
    <ol
      ref={listRef}
      role="list"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={label}
      className="passage-list"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {items.map((item) => {
        const passage = rows.rowAt(item.index);
        const before = item.index === 0 ? undefined : rows.rowAt(item.index - 1);
        // A new article's run opens with its title (also when the one before is still on its way).
        const opensRun = passage !== undefined && (before === undefined || before.articleId !== passage.articleId);
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={rows.total}
            aria-posinset={item.index + 1}
            aria-busy={passage ? undefined : 'true'}
            className={`passage-row${opensRun ? ' passage-row-first' : ''}${passage ? '' : ' passage-row-pending'}`}
            style={{ transform: `translateY(${item.start - margin}px)` }}
          >
            {passage && <PassageItem tag={tag} passage={passage} opensRun={opensRun} shown={shown} />}
          </li>
        );
      })}
    </ol>
  );
}

function passageKey(passage: TaggedPassage | undefined): string | undefined {
  if (!passage) return undefined;
  return passage.highlight ? `h${passage.highlight.id}` : `p${passage.paragraphId ?? 0}`;
}

interface PassageItemProps {
  tag: string;
  passage: TaggedPassage;
  /** The first passage of its article's run: the article's title above it. */
  opensRun: boolean;
  shown: (articleId: number, text: string) => string;
}

function PassageItem({ tag, passage, opensRun, shown }: PassageItemProps) {
  const t = useMessages(tagMessages);
  const { openArticle } = useNavigation();
  const show = (text: string) => shown(passage.articleId, text);
  const title = show(passage.articleTitle);
  const cut = passageExcerpt(passage);
  const excerpt = { before: show(cut.before), marked: show(cut.marked), after: show(cut.after) };
  const orphan = passage.highlight !== null && passage.highlight.paragraphId === null;
  const where = passage.paragraphOrder === null ? '' : t('paragraphNumber', { order: passage.paragraphOrder + 1 });
  return (
    <>
      {opensRun && (
        <h3 className="passage-article">
          {title}
          {/* Out of the default list but still counted: the view says where the passages come from. */}
          {passage.articleArchived && <span className="passage-archived">{t('archivedArticle')}</span>}
        </h3>
      )}
      <div className={orphan ? 'passage passage-orphan' : 'passage'}>
        <blockquote className="passage-text" lang="zh">
          {excerpt.before}
          {excerpt.marked && (
            <mark className={`passage-mark passage-mark-${passage.highlight?.color ?? 'yellow'}`}>{excerpt.marked}</mark>
          )}
          {excerpt.after}
        </blockquote>
        <div className="passage-meta">
          <span className="passage-where">
            {[where, passage.highlight ? '' : t('wholeParagraph'), passage.tag !== tag ? `#${passage.tag}` : '']
              .filter(Boolean)
              .map((part) => (
                <span key={part} className="passage-where-part">
                  {part}
                </span>
              ))}
          </span>
          {orphan && <span className="passage-unplaced">{t('unplaced')}</span>}
          <button
            type="button"
            className="button passage-jump"
            aria-label={where ? t('jumpLabel', { title, where }) : t('jumpArticle', { title })}
            onClick={() => void openArticle(passage.articleId, passage.paragraphId)}
          >
            {t('jump')}
          </button>
        </div>
      </div>
    </>
  );
}
