import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { paragraphElement, scrollParentOf } from './useReadingPosition';

/**
 * The paragraph j/k move between (shown with aria-current and a focus ring), which t and n act
 * on. A jump from elsewhere (focusParagraphId) focuses its paragraph; before any, the paragraph
 * at the top of the view counts as current.
 */
export function useParagraphFocus(
  rootRef: RefObject<HTMLElement | null>,
  visibleIds: readonly number[],
  focusParagraphId: number | null,
) {
  const [id, setId] = useState<number | null>(focusParagraphId);
  const [lastJump, setLastJump] = useState(focusParagraphId);
  if (lastJump !== focusParagraphId) {
    setLastJump(focusParagraphId);
    setId(focusParagraphId);
  }
  const idRef = useRef(id);
  useEffect(() => {
    idRef.current = id;
  });

  const firstInView = useCallback((): number | null => {
    const root = rootRef.current;
    const scroller = root && scrollParentOf(root);
    if (!root || !scroller) return visibleIds[0] ?? null;
    const top = scroller.getBoundingClientRect().top + 4;
    for (const pid of visibleIds) {
      const el = paragraphElement(root, pid);
      if (el && el.getBoundingClientRect().bottom > top) return pid;
    }
    return visibleIds[visibleIds.length - 1] ?? null;
  }, [rootRef, visibleIds]);

  const show = useCallback(
    (pid: number) => {
      setId(pid);
      const el = rootRef.current && paragraphElement(rootRef.current, pid);
      el?.scrollIntoView({ block: 'nearest' });
      el?.focus({ preventScroll: true });
    },
    [rootRef],
  );

  const move = useCallback(
    (delta: 1 | -1) => {
      const at = idRef.current === null ? -1 : visibleIds.indexOf(idRef.current);
      // The first press picks the paragraph in view rather than jumping to the top.
      const start = at < 0 ? firstInView() : null;
      const next = start !== null ? start : visibleIds[Math.max(0, Math.min(visibleIds.length - 1, at + delta))];
      if (next !== undefined && next !== null) show(next);
    },
    [visibleIds, firstInView, show],
  );

  const current = useCallback(() => {
    const pid = idRef.current;
    return pid !== null && visibleIds.includes(pid) ? pid : firstInView();
  }, [visibleIds, firstInView]);

  /** Back to the focused paragraph, e.g. after its tag field closed. */
  const returnFocus = useCallback(() => {
    const pid = idRef.current;
    const el = pid !== null && rootRef.current ? paragraphElement(rootRef.current, pid) : null;
    el?.focus({ preventScroll: true });
  }, [rootRef]);

  return useMemo(() => ({ id, set: setId, move, current, returnFocus }), [id, move, current, returnFocus]);
}
