import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { DisplayText } from '../reader/displayText';
import { readDomSelection } from './readDomSelection';
import { selectionToCanonical } from './selectionOffsets';

/** A selection waiting for the toolbar: canonical offsets, and where to show the toolbar. */
export interface PendingSelection {
  paragraphId: number;
  start: number;
  end: number;
  /** Toolbar anchor, relative to the article element: the top centre of the selection's first line. */
  top: number;
  left: number;
}

const settleMs = 120;

/**
 * Follows the document selection inside the article. Once it settles (mouse released, keys
 * lifted) inside one paragraph, it becomes a PendingSelection in canonical offsets. While focus
 * is inside the toolbar (typing a tag) the pending selection is kept even though the document
 * selection moved.
 */
export function useTextSelection(
  rootRef: RefObject<HTMLElement | null>,
  toolbarRef: RefObject<HTMLElement | null>,
  displayOf: (paragraphId: number) => DisplayText | undefined,
) {
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const displayOfRef = useRef(displayOf);
  useEffect(() => {
    displayOfRef.current = displayOf;
  });

  const clear = useCallback(() => {
    setPending(null);
    document.getSelection()?.removeAllRanges();
  }, []);

  useEffect(() => {
    let pointerDown = false;
    let timer = 0;
    const read = () => {
      timer = 0;
      const root = rootRef.current;
      if (!root || pointerDown) return;
      if (toolbarRef.current?.contains(document.activeElement)) return;
      const sel = document.getSelection();
      const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
      const found = range ? readDomSelection(root, range) : null;
      const display = found ? displayOfRef.current(found.paragraphId) : undefined;
      const canonical =
        found && display ? selectionToCanonical(display.map, display.text, found.start, found.end) : null;
      if (!range || !found || !canonical) {
        setPending(null);
        return;
      }
      const rootRect = root.getBoundingClientRect();
      const line = range.getClientRects()[0] ?? range.getBoundingClientRect();
      setPending({
        paragraphId: found.paragraphId,
        ...canonical,
        top: line.top - rootRect.top,
        left: line.left + line.width / 2 - rootRect.left,
      });
    };
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(read, settleMs);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && toolbarRef.current?.contains(event.target)) return;
      pointerDown = true;
    };
    const onPointerUp = () => {
      pointerDown = false;
      schedule();
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [rootRef, toolbarRef]);

  return { pending, clear };
}
