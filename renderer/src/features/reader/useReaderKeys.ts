import { useEffect, useRef } from 'react';
import { isOutsideReaderKeys } from '../annotate/isEditableTarget';

export type ReaderKey = 'j' | 'k' | 'h' | 't' | 'n' | 'm' | 'c' | 'd' | 'Escape';
export type ReaderKeyHandlers = Partial<Record<ReaderKey, () => void>>;

const readerKeys = new Set<string>(['j', 'k', 'h', 't', 'n', 'm', 'c', 'd']);

/**
 * The reader's single-letter shortcuts (j/k, h, t, n, m, c, d) and Escape. Letters are ignored while
 * typing or inside a dialog or menu; Escape is left to whatever handled it first (a tag input,
 * a popover, a modal dialog).
 */
export function useReaderKeys(handlers: ReaderKeyHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        if (event.defaultPrevented) return;
        if (event.target instanceof Element && event.target.closest('dialog')) return;
        latest.current.Escape?.();
        return;
      }
      if (!readerKeys.has(event.key) || isOutsideReaderKeys(event)) return;
      const handler = latest.current[event.key as ReaderKey];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
