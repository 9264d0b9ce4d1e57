import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that opens a menu (the ARIA menu-button pattern): open state, a click outside closes,
 * ↑/↓/Home/End move between the items, Escape and Tab close and give the focus back to the
 * button. Where the menu is drawn and which item takes the focus first are the caller's.
 */
export function useMenuButton() {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

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

  const onMenuKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (i + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (i - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      // Tab too goes back to the button first (a menu may sit at the end of the body), then on from there.
      close(true);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    items[next]?.focus();
  };

  /** Escape on the button closes a menu opened by the mouse (the focus may still be on the button). */
  const onButtonKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    close(true);
  };

  return { open, setOpen, menuId, button, menu, close, onMenuKeyDown, onButtonKeyDown };
}
