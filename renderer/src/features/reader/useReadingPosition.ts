import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ArticleView } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';

/** The element that scrolls the article (the reader pane). */
export function scrollParentOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}

export function paragraphElement(root: ParentNode, paragraphId: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-paragraph-id="${paragraphId}"]`);
}

/** The order of the first paragraph whose text is still in view at the top of the scroller. */
function orderInView(root: HTMLElement, scroller: HTMLElement): number | null {
  const top = scroller.getBoundingClientRect().top + 4;
  for (const el of root.querySelectorAll<HTMLElement>('[data-order]')) {
    if (el.getBoundingClientRect().bottom > top) return Number(el.dataset.order);
  }
  return null;
}

const saveDelayMs = 1000;

/**
 * Brings the remembered paragraph (or the one a jump asked for) into view when the article
 * opens, and remembers the paragraph in view as the person reads, at most once a second.
 */
export function useReadingPosition(
  articleRef: RefObject<HTMLElement | null>,
  article: ArticleView,
  focusParagraphId: number | null,
) {
  const restored = useRef<{ articleId: number; focus: number | null } | null>(null);

  // Before paint, so the article never flashes at the top first.
  useLayoutEffect(() => {
    const root = articleRef.current;
    const prev = restored.current;
    if (!root || (prev && prev.articleId === article.id && prev.focus === focusParagraphId)) return;
    const firstOpen = prev?.articleId !== article.id;
    restored.current = { articleId: article.id, focus: focusParagraphId };
    const target = focusParagraphId === null ? null : paragraphElement(root, focusParagraphId);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      return;
    }
    if (!firstOpen) return;
    const scroller = scrollParentOf(root);
    if (scroller) scroller.scrollTop = 0;
    if (article.readingPosition <= 0) return;
    for (const el of root.querySelectorAll<HTMLElement>('[data-order]')) {
      if (Number(el.dataset.order) >= article.readingPosition) {
        el.scrollIntoView({ block: 'start' });
        break;
      }
    }
  }, [articleRef, article.id, article.readingPosition, focusParagraphId]);

  useEffect(() => {
    const root = articleRef.current;
    const scroller = root && scrollParentOf(root);
    if (!root || !scroller) return undefined;
    let saved = article.readingPosition;
    let timer = 0;
    const save = () => {
      timer = 0;
      const order = orderInView(root, scroller);
      if (order === null || order === saved) return;
      saved = order;
      void pizhu.setReadingPosition({ articleId: article.id, paragraphOrder: order });
    };
    const onScroll = () => {
      if (timer === 0) timer = window.setTimeout(save, saveDelayMs);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      // Leaving the article: keep where the person was, now.
      if (timer !== 0) {
        window.clearTimeout(timer);
        save();
      }
    };
  }, [articleRef, article.id, article.readingPosition]);
}
