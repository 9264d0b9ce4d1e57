import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { highlightColors, type HighlightColor } from '../../../../preload/contract/annotationTypes';
import type { ArticleView } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { annotateMessages } from '../annotate/messages';
import { CommentField } from './CommentField';
import { jumpToAnnotation } from './jumpToAnnotation';
import { sidebarMessages } from './messages';
import {
  filterItems,
  itemTags,
  noFilter,
  sidebarItems,
  type KindFilter,
  type SidebarFilter,
  type SidebarItem,
} from './sidebarItems';
import { setSidebarOpen } from './sidebarStore';
import './sidebar.css';
import { useTagScript } from '../tags/useTagScript';

interface Props {
  article: ArticleView;
  /** The article element: the sidebar goes beside it in the reader pane, and jumps look for passages in it. */
  articleRef: RefObject<HTMLElement | null>;
  /** Canonical text as shown in the reader's script mode. */
  display: (text: string) => string;
  saveComment: (highlightId: number, comment: string) => Promise<boolean>;
  /** A passage not on the page (a hidden line): the reader shows and flashes its paragraph. */
  reveal: (paragraphId: number) => void;
}

/**
 * Every highlight and note of the open article in text order, with colour, tags and comment;
 * filtered by colour, tag and kind; a click or Enter jumps to the passage and flashes it. The
 * list is one tab stop: ↑/↓/Home/End move within it. Esc closes the sidebar.
 */
export function AnnotationsSidebar({ article, articleRef, display, saveComment, reveal }: Props) {
  const t = useMessages(sidebarMessages);
  const shownTag = useTagScript();
  const ta = useMessages(annotateMessages);
  const [pane, setPane] = useState<HTMLElement | null>(null);
  const [top, setTop] = useState(0);
  const [filter, setFilter] = useState<SidebarFilter>(noFilter);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useLayoutEffect(() => {
    const host = articleRef.current?.closest<HTMLElement>('.reader-pane') ?? null;
    setPane(host);
    setTop(host?.querySelector<HTMLElement>('.reader-bar')?.offsetHeight ?? 0);
  }, [articleRef]);

  const items = useMemo(() => sidebarItems(article), [article]);
  const tags = useMemo(() => itemTags(items), [items]);
  const shown = useMemo(() => filterItems(items, filter), [items, filter]);
  const active = shown.find((i) => i.key === activeKey) ?? shown[0];
  const filtered = filter.colors.size > 0 || filter.tag !== null || filter.kind !== 'all';

  // Opening the sidebar puts the keyboard in its list, where ↑/↓ and Enter work at once.
  const focusedOnOpen = useRef(false);
  useLayoutEffect(() => {
    if (!pane || focusedOnOpen.current) return;
    focusedOnOpen.current = true;
    const first = list.current?.querySelector<HTMLElement>('.sidebar-jump[tabindex="0"]');
    (first ?? list.current?.closest<HTMLElement>('.annotations-sidebar')?.querySelector<HTMLElement>('button'))?.focus({
      preventScroll: true,
    });
  }, [pane]);

  const jump = (item: SidebarItem) => {
    setActiveKey(item.key);
    const root = articleRef.current;
    if (root && jumpToAnnotation(root, item)) return;
    if (item.paragraphId !== null) reveal(item.paragraphId);
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('.sidebar-jump') ?? [])];
    const at = buttons.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const to =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, buttons.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    const key = buttons[to]?.dataset.key ?? null;
    setActiveKey(key);
    buttons[to]?.focus();
  };

  const toggleColor = (color: HighlightColor) =>
    setFilter((f) => {
      const colors = new Set(f.colors);
      if (colors.has(color)) colors.delete(color);
      else colors.add(color);
      return { ...f, colors };
    });

  const close = () => {
    setSidebarOpen(false);
    document.querySelector<HTMLElement>('.sidebar-toggle')?.focus();
  };

  if (!pane) return null;
  return createPortal(
    <aside
      className="annotations-sidebar"
      aria-label={t('sidebar')}
      style={{ top }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        close();
      }}
    >
      <header className="sidebar-head">
        <h2>{t('sidebar')}</h2>
        <span className="sidebar-count">{t('shownOf', { shown: shown.length, count: items.length })}</span>
        <button type="button" className="icon-button" aria-label={t('close')} title={t('close')} onClick={close}>
          ×
        </button>
      </header>
      <div className="sidebar-filters" role="group" aria-label={t('filters')}>
        <div className="swatches sidebar-colours" role="group" aria-label={t('filterColour')}>
          {highlightColors.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              data-color={color}
              aria-pressed={filter.colors.has(color)}
              aria-label={ta(`color.${color}`)}
              title={ta(`color.${color}`)}
              onClick={() => toggleColor(color)}
            />
          ))}
        </div>
        <label className="sidebar-select">
          <span>{t('filterTag')}</span>
          <select
            value={filter.tag ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, tag: e.target.value === '' ? null : e.target.value }))}
          >
            <option value="">{t('anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                #{shownTag(tag)}
              </option>
            ))}
          </select>
        </label>
        <label className="sidebar-select">
          <span>{t('filterKind')}</span>
          <select
            value={filter.kind}
            onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value as KindFilter }))}
          >
            <option value="all">{t('kindAll')}</option>
            <option value="highlight">{t('kindHighlight')}</option>
            <option value="note">{t('kindNote')}</option>
          </select>
        </label>
        {filtered && (
          <button type="button" className="link-button sidebar-clear" onClick={() => setFilter(noFilter)}>
            {t('clearFilters')}
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="sidebar-empty">{items.length === 0 ? t('empty') : t('noMatch')}</p>
      ) : (
        <ol ref={list} className="sidebar-list" aria-label={t('list')} onKeyDown={onListKeyDown}>
          {shown.map((item) => (
            <SidebarRow
              key={item.key}
              item={item}
              active={item.key === active?.key}
              order={article.paragraphs.find((p) => p.id === item.paragraphId)?.order ?? null}
              display={display}
              onJump={() => jump(item)}
              saveComment={saveComment}
            />
          ))}
        </ol>
      )}
      <p className="sidebar-hint">{t('listHint')}</p>
    </aside>,
    pane,
  );
}

interface RowProps {
  item: SidebarItem;
  active: boolean;
  order: number | null;
  display: (text: string) => string;
  onJump: () => void;
  saveComment: (highlightId: number, comment: string) => Promise<boolean>;
}

function SidebarRow({ item, active, order, display, onJump, saveComment }: RowProps) {
  const t = useMessages(sidebarMessages);
  const shownTag = useTagScript();
  const ta = useMessages(annotateMessages);
  const h = item.kind === 'highlight' ? item.highlight : null;
  const text = h ? display(h.quote) : item.kind === 'note' ? item.note.plainText : '';
  const where = order === null ? t('unplaced') : t('paragraphNumber', { order: order + 1 });
  return (
    <li className={`sidebar-item sidebar-${item.kind}${h ? ` hl-accent-${h.color}` : ''}`}>
      <button type="button" className="sidebar-jump" data-key={item.key} tabIndex={active ? 0 : -1} onClick={onJump}>
        <span className="sidebar-where">
          {h ? (
            <span className="sidebar-dot" role="img" aria-label={ta(`color.${h.color}`)} />
          ) : (
            <span className="sidebar-kind">{t('note')}</span>
          )}
          {where}
        </span>
        <span className={h ? 'sidebar-quote' : 'sidebar-note'}>{text}</span>
        {item.tags.length > 0 && (
          <span className="sidebar-tags">
            {item.tags.map((tag) => (
              <span key={tag} className="sidebar-tag" title={tag}>
                #{shownTag(tag)}
              </span>
            ))}
          </span>
        )}
      </button>
      {h && (
        <CommentField
          key={h.id}
          comment={h.comment}
          shown={display(h.comment)}
          onSave={(comment) => saveComment(h.id, comment)}
        />
      )}
    </li>
  );
}
