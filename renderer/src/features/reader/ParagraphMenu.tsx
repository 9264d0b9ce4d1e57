import { useEffect, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { paragraphKinds, type ParagraphKind } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { useMenuButton } from '../../ui/useMenuButton';
import { readerMessages } from './messages';

interface Props {
  kind: ParagraphKind;
  /** Only the focused paragraph's menu button is a tab stop. */
  tabbable: boolean;
  onTag: () => void;
  onNote: () => void;
  onKind: (kind: ParagraphKind) => void;
}

/** Where the open menu sits, in viewport pixels (it is position: fixed). */
interface MenuPlace {
  left: number;
  top: number;
}

const gap = 4;
const margin = 8;

/**
 * Below the button, or above it when there is no room below; kept inside the window. Read from
 * the live layout, so a scroll or resize while open moves the menu with its button.
 */
function placeMenu(button: HTMLElement, menu: HTMLElement): MenuPlace {
  const b = button.getBoundingClientRect();
  const m = menu.getBoundingClientRect();
  const below = b.bottom + gap;
  const top = below + m.height <= window.innerHeight - margin ? below : Math.max(margin, b.top - gap - m.height);
  const left = Math.min(Math.max(margin, b.left), Math.max(margin, window.innerWidth - margin - m.width));
  return { left, top };
}

/**
 * The paragraph's own menu: tag it, open its note, or re-classify its kind.
 *
 * The open menu is rendered into document.body, not inside the paragraph: a paragraph can be
 * dimmed, sticky bars and later paragraphs stack over it, and a menu inside any of those would be
 * drawn under (and lose its clicks to) what comes after. In the body it is above everything.
 */
export function ParagraphMenu({ kind, tabbable, onTag, onNote, onKind }: Props) {
  const t = useMessages(readerMessages);
  const { open, setOpen, menuId, button, menu, close, onMenuKeyDown, onButtonKeyDown } = useMenuButton();
  const [place, setPlace] = useState<MenuPlace | null>(null);

  useLayoutEffect(() => {
    if (!open) return undefined;
    const update = () => {
      if (button.current && menu.current) setPlace(placeMenu(button.current, menu.current));
    };
    update();
    // Capture: the reader pane scrolls, not the window.
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [open, button, menu]);

  // The first item takes the focus once the menu is placed: before that it is visibility: hidden,
  // which cannot hold the focus, so a menu opened by a click left it on the page and Escape did nothing.
  const placed = place !== null;
  useEffect(() => {
    if (open && placed) menu.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [open, placed, menu]);

  const choose = (action: () => void) => {
    close(false);
    action();
  };

  return (
    <div className="paragraph-menu">
      <button
        ref={button}
        type="button"
        className="paragraph-menu-button"
        aria-label={t('paragraphOptions')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        tabIndex={tabbable || open ? 0 : -1}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={onButtonKeyDown}
      >
        ⋯
      </button>
      {open &&
        createPortal(
          <div
            id={menuId}
            ref={menu}
            role="menu"
            aria-label={t('paragraphOptions')}
            className="menu paragraph-menu-popup"
            // Hidden until placed, so it never flashes at the corner of the window.
            style={place ? { left: place.left, top: place.top } : { left: 0, top: 0, visibility: 'hidden' }}
            onKeyDown={onMenuKeyDown}
          >
            <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(onTag)}>
              {t('tagParagraph')}
            </button>
            <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(onNote)}>
              {t('note')}
            </button>
            <div role="group" aria-label={t('kind')} className="menu-group">
              <div className="menu-label" aria-hidden="true">
                {t('kind')}
              </div>
              {paragraphKinds.map((k) => (
                <button
                  key={k}
                  type="button"
                  role="menuitemradio"
                  aria-checked={k === kind}
                  tabIndex={-1}
                  onClick={() => choose(() => k !== kind && onKind(k))}
                >
                  {t(`kind.${k}`)}
                </button>
              ))}
            </div>
          </div>,
          document.body,
        )}
    </div>
  );
}
