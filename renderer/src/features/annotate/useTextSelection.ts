import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { DisplayText } from '../reader/displayText';
import { readDomSelections } from './readDomSelection';
import { selectionToCanonical } from './selectionOffsets';

/** One paragraph's part of a selection, in canonical offsets. */
export interface SelectedRange {
  paragraphId: number;
  start: number;
  end: number;
}

/**
 * A selection waiting for the toolbar: its parts in reading order (more than one when it runs
 * over several paragraphs), the first part's fields repeated at the top, the selected text, and
 * where to show the toolbar.
 */
export interface PendingSelection extends SelectedRange {
  ranges: SelectedRange[];
  /** The selected text as shown, paragraphs joined by a line break. */
  text: string;
  /** Toolbar anchor, relative to the article element: the top centre of the selection's first line. */
  top: number;
  left: number;
}

const settleMs = 120;

/**
 * Follows the document selection inside the article. Once it settles (mouse released, keys
 * lifted), its parts in each paragraph become a PendingSelection in canonical offsets. While focus
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

  /**
   * The selection as it is now, without waiting for it to settle: a key pressed right after
   * the keys that made it (h, t) acts on all of it.
   */
  const readNow = useCallback((): PendingSelection | null => {
    const root = rootRef.current;
    const now = root ? pendingOf(root, displayOfRef.current) : null;
    if (now) setPending(now);
    return now;
  }, [rootRef]);

  useEffect(() => {
    let pointerDown = false;
    let timer = 0;
    const read = () => {
      timer = 0;
      const root = rootRef.current;
      if (!root || pointerDown) return;
      if (toolbarRef.current?.contains(document.activeElement)) return;
      setPending(pendingOf(root, displayOfRef.current));
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

  return { pending, clear, readNow };
}

/** The document selection inside `root` as a PendingSelection, or null when it selects no text there. */
function pendingOf(
  root: HTMLElement,
  displayOf: (paragraphId: number) => DisplayText | undefined,
): PendingSelection | null {
  const sel = document.getSelection();
  const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
  if (!range) return null;
  const ranges: SelectedRange[] = [];
  const texts: string[] = [];
  for (const found of readDomSelections(root, range)) {
    const display = displayOf(found.paragraphId);
    const canonical = display && selectionToCanonical(display.map, display.text, found.start, found.end);
    if (!display || !canonical) continue;
    ranges.push({ paragraphId: found.paragraphId, ...canonical });
    texts.push(display.text.slice(found.start, found.end).trim());
  }
  const [first] = ranges;
  if (!first) return null;
  const rootRect = root.getBoundingClientRect();
  const line = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return {
    ...first,
    ranges,
    text: texts.join('\n'),
    top: line.top - rootRect.top,
    left: line.left + line.width / 2 - rootRect.left,
  };
}
