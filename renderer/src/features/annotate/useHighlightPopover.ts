import { useCallback, useState, type RefObject } from 'react';
import type { Highlight } from '../../../../preload/contract/annotationTypes';

interface PopoverState {
  /** Every highlight where it was opened, most recent first. */
  ids: number[];
  activeId: number;
  anchor: { top: number; left: number };
  /** Where focus goes back when it is closed from the keyboard. */
  opener: HTMLElement;
}

const popoverWidth = 300;

/** Which highlight's popover is open, and where; opened from a highlight mark or an orphan entry. */
export function useHighlightPopover(rootRef: RefObject<HTMLElement | null>, highlights: readonly Highlight[]) {
  const [state, setState] = useState<PopoverState | null>(null);

  const open = useCallback(
    (ids: number[], opener: HTMLElement) => {
      const root = rootRef.current;
      const first = ids[0];
      if (!root || first === undefined) return;
      const rootRect = root.getBoundingClientRect();
      const line = opener.getClientRects()[0] ?? opener.getBoundingClientRect();
      const left = Math.max(8, Math.min(line.left - rootRect.left, rootRect.width - popoverWidth - 8));
      setState({ ids, activeId: first, anchor: { top: line.bottom - rootRect.top + 6, left }, opener });
    },
    [rootRef],
  );

  /** Opens the popover for the highlight mark (or orphan button) an event came from. */
  const openFrom = useCallback(
    (el: HTMLElement) => {
      const ids = (el.dataset.highlightIds ?? el.dataset.highlightId ?? '')
        .split(' ')
        .map(Number)
        .filter(Number.isInteger);
      open(ids, el);
    },
    [open],
  );

  const close = useCallback(
    (returnFocus: boolean) => {
      if (returnFocus && state?.opener.isConnected) state.opener.focus({ preventScroll: true });
      setState(null);
    },
    [state],
  );

  const active = state ? highlights.find((h) => h.id === state.activeId) : undefined;
  // The highlight went away (deleted, undone elsewhere): the popover goes with it, and does not
  // come back by surprise if a redo restores it.
  if (state && !active) setState(null);

  const overlapping = state ? state.ids.flatMap((id) => highlights.filter((h) => h.id === id)) : [];
  const switchTo = (id: number) => setState((s) => (s ? { ...s, activeId: id } : s));

  return { popover: state && active ? { ...state, highlight: active, overlapping } : null, openFrom, close, switchTo };
}
