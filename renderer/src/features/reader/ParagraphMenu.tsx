import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { paragraphKinds, type ParagraphKind } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
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
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
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
  }, [open]);

  // The first item takes the focus once the menu is placed: before that it is visibility: hidden,
  // which cannot hold the focus, so a menu opened by a click left it on the page and Escape did nothing.
  const placed = place !== null;
  useEffect(() => {
    if (open && placed) menu.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [open, placed]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (menu.current?.contains(target) || button.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };
  const choose = (action: () => void) => {
    close(false);
    action();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (i + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (i - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      // Tab too goes back to the button first (the menu is at the end of the body), then on from there.
      close(true);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    items[next]?.focus();
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
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return;
          event.preventDefault();
          close(true);
        }}
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
