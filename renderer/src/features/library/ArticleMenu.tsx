import { memo, useEffect, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { useMenuButton } from '../../ui/useMenuButton';
import { libraryMessages } from './messages';
import type { ArticleAction } from './useArticleManagement';

export type LibraryView = 'library' | 'archived' | 'trash';
/** What a row's menu offers: the managing actions, and its attributes (a dialog of the attributes feature). */
export type RowAction = ArticleAction | 'attributes';

interface Props {
  article: ArticleSummary;
  view: LibraryView;
  onAction: (action: RowAction, article: ArticleSummary) => void;
}

/** The actions the list offers on an article in each view. */
function actionsFor(article: ArticleSummary, view: LibraryView): RowAction[] {
  if (view === 'trash') return ['restore'];
  // Attributes after the managing actions it joined, so their keyboard order stays as it was.
  return ['reclean', article.archivedAt === null ? 'archive' : 'unarchive', 'attributes', 'trash'];
}

/**
 * The ⋯ button of a library row and its menu. The menu is drawn in a portal at the button's
 * place (fixed): inside the virtualised list each row is its own stacking context, and the rows
 * below would cover it. Arrow keys move between items, Escape closes and gives the focus back.
 */
export const ArticleMenu = memo(function ArticleMenu({ article, view, onAction }: Props) {
  const t = useMessages(libraryMessages);
  const { open, setOpen, menuId, button, menu, close, onMenuKeyDown, onButtonKeyDown } = useMenuButton();
  const [place, setPlace] = useState<{ top: number; right: number }>({ top: 0, right: 0 });
  const actions = actionsFor(article, view);

  useLayoutEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open, menu]);

  // Drawn fixed at the button's place: a scroll or a resize would leave it behind.
  useEffect(() => {
    if (!open) return;
    const onScroll = () => setOpen(false);
    window.addEventListener('resize', onScroll);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      window.removeEventListener('resize', onScroll);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [open, setOpen]);

  const openMenu = () => {
    const box = button.current?.getBoundingClientRect();
    if (!box) return;
    setPlace({ top: box.bottom + 2, right: Math.max(8, window.innerWidth - box.right) });
    setOpen(true);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button article-menu-button"
        tabIndex={-1}
        aria-label={t('articleActions')}
        aria-describedby={`library-article-${article.id}-title`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu())}
        onKeyDown={onButtonKeyDown}
      >
        ⋯
      </button>
      {open &&
        createPortal(
          <div
            ref={menu}
            id={menuId}
            role="menu"
            aria-label={`${t('articleActions')}: ${article.title}`}
            className="article-menu"
            style={{ top: place.top, right: place.right }}
            onKeyDown={(event) => {
              // The reader's own Escape (closing what it has open) is not this one's.
              if (event.key === 'Escape') event.stopPropagation();
              onMenuKeyDown(event);
            }}
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
                  onAction(action, article);
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
});
