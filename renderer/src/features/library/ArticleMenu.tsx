import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { libraryMessages } from './messages';
import type { ArticleAction } from './useArticleManagement';

export type LibraryView = 'library' | 'archived' | 'trash';

interface Props {
  article: ArticleSummary;
  view: LibraryView;
  onAction: (action: ArticleAction, articleId: number) => void;
}

/** The actions the list offers on an article in each view. */
function actionsFor(article: ArticleSummary, view: LibraryView): ArticleAction[] {
  if (view === 'trash') return ['restore'];
  return ['reclean', article.archivedAt === null ? 'archive' : 'unarchive', 'trash'];
}

/**
 * The ⋯ button of a library row and its menu. The menu is drawn in a portal at the button's
 * place (fixed): inside the virtualised list each row is its own stacking context, and the rows
 * below would cover it. Arrow keys move between items, Escape closes and gives the focus back.
 */
export function ArticleMenu({ article, view, onAction }: Props) {
  const t = useMessages(libraryMessages);
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const actions = actionsFor(article, view);

  const close = (focusButton: boolean) => {
    setPlace(null);
    if (focusButton) buttonRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (place) menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [place]);

  useEffect(() => {
    if (!place) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setPlace(null);
    };
    const onScroll = () => setPlace(null);
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('resize', onScroll);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('resize', onScroll);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [place]);

  const open = () => {
    const box = buttonRef.current?.getBoundingClientRect();
    if (box) setPlace({ top: box.bottom + 2, right: Math.max(8, window.innerWidth - box.right) });
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next: Record<string, number> = {
      ArrowDown: (at + 1) % items.length,
      ArrowUp: (at - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (next[event.key] !== undefined) {
      event.preventDefault();
      items[next[event.key]!]?.focus();
    }
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button article-menu-button"
        tabIndex={-1}
        aria-label={t('articleActions')}
        aria-describedby={`library-article-${article.id}-title`}
        aria-haspopup="menu"
        aria-expanded={place !== null}
        onClick={() => (place ? close(false) : open())}
      >
        ⋯
      </button>
      {place &&
        createPortal(
          <div
            ref={menuRef}
            role="menu"
            aria-label={`${t('articleActions')}: ${article.title}`}
            className="article-menu"
            style={{ top: place.top, right: place.right }}
            onKeyDown={onMenuKey}
          >
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={action === 'trash' ? 'article-menu-item danger' : 'article-menu-item'}
                onClick={() => {
                  close(true);
                  onAction(action, article.id);
                }}
              >
                {t(action)}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
