import { useEffect, type RefObject } from 'react';

const activeClass = 'hl-group-active';

/**
 * Pointing at (or tabbing to) one part of a highlight group marks every part of it, in every
 * paragraph, so a highlight made over several paragraphs reads as the one highlight it is.
 */
export function useHighlightGroupHover(rootRef: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let active: string | null = null;
    const show = (group: string | null) => {
      if (group === active) return;
      for (const el of root.querySelectorAll(`.${activeClass}`)) el.classList.remove(activeClass);
      active = group;
      if (group === null) return;
      for (const el of root.querySelectorAll(`mark[data-highlight-group="${CSS.escape(group)}"]`)) {
        el.classList.add(activeClass);
      }
    };
    const onEnter = (event: Event) => {
      const mark = event.target instanceof Element ? event.target.closest<HTMLElement>('mark[data-highlight-group]') : null;
      show(mark?.dataset.highlightGroup ?? null);
    };
    root.addEventListener('pointerover', onEnter);
    root.addEventListener('focusin', onEnter);
    return () => {
      root.removeEventListener('pointerover', onEnter);
      root.removeEventListener('focusin', onEnter);
    };
  }, [rootRef]);
}
