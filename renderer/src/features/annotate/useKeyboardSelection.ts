import { useEffect, useRef, useState, type RefObject } from 'react';
import { isEditableTarget } from './isEditableTarget';
import { displayOffsetOf, domPointAt } from './readDomSelection';
import { nextSentenceEnd, previousSentenceEnd } from './sentenceBounds';

/** Longest selection read out in full; a longer one is read as its start and its length. */
const announceChars = 200;

interface Options {
  rootRef: RefObject<HTMLElement | null>;
  /** The paragraph j/k last moved to (or the one in view): where a keyboard selection starts. */
  currentParagraph: () => number | null;
  /** How a selection is read out: the selected text (shortened) and its length in characters. */
  describe: (text: string, length: number) => string;
}

function paragraphTexts(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-paragraph-text]')];
}

function textElementOf(node: Node): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest<HTMLElement>('[data-paragraph-text]') ?? null;
}

/**
 * Making a selection without a mouse, in any script mode (it is a DOM selection; the offset maps
 * turn it into canonical offsets as a mouse selection is): `v` selects the first sentence of the
 * current paragraph (or, with no selection, Shift+→ starts one at its start); Shift+←/→ move the
 * selection's end by a character, Ctrl+Shift+←/→ (⌥ on a Mac) by a word, `s` / Shift+S by a
 * sentence or clause (Chinese sentence punctuation, across paragraphs). Each change is read out
 * through a live region. h, t and the toolbar then act on it as on a mouse selection.
 */
export function useKeyboardSelection({ rootRef, currentParagraph, describe }: Options) {
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef({ currentParagraph, describe });
  useEffect(() => {
    latest.current = { currentParagraph, describe };
  });

  useEffect(() => {
    const announce = () => {
      const text = document.getSelection()?.toString().trim() ?? '';
      if (text === '') return;
      const chars = [...text];
      const shown = chars.length > announceChars ? `${chars.slice(0, announceChars).join('')}…` : text;
      setAnnouncement(latest.current.describe(shown, chars.length));
    };

    /** The selection inside the article, as (anchor, focus) paragraph text elements and offsets. */
    const current = (root: HTMLElement) => {
      const sel = document.getSelection();
      if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
      const anchorEl = textElementOf(sel.anchorNode);
      const focusEl = textElementOf(sel.focusNode);
      if (!anchorEl || !focusEl || !root.contains(anchorEl) || !root.contains(focusEl)) return null;
      return {
        anchorEl,
        anchor: displayOffsetOf(anchorEl, sel.anchorNode, sel.anchorOffset),
        focusEl,
        focus: displayOffsetOf(focusEl, sel.focusNode, sel.focusOffset),
      };
    };

    const select = (anchorEl: HTMLElement, anchor: number, focusEl: HTMLElement, focus: number) => {
      const a = domPointAt(anchorEl, anchor);
      const f = domPointAt(focusEl, focus);
      document.getSelection()?.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
      (f.node instanceof Element ? f.node : f.node.parentElement)?.scrollIntoView({ block: 'nearest' });
    };

    const startingElement = (root: HTMLElement): HTMLElement | null => {
      const id = latest.current.currentParagraph();
      const texts = paragraphTexts(root);
      return texts.find((el) => el.dataset.paragraphText === String(id)) ?? texts[0] ?? null;
    };

    /** A sentence forward (or back) from the focus, on into the next (or previous) paragraph. */
    const bySentence = (root: HTMLElement, forward: boolean) => {
      const at = current(root);
      if (!at) {
        const el = startingElement(root);
        if (el) select(el, 0, el, nextSentenceEnd(el.textContent ?? '', 0) ?? 0);
        return;
      }
      const texts = paragraphTexts(root);
      let el = at.focusEl;
      let offset = at.focus;
      for (;;) {
        const text = el.textContent ?? '';
        const next = forward ? nextSentenceEnd(text, offset) : previousSentenceEnd(text, offset);
        if (next !== null) {
          // Never shrink to nothing: a step back onto the anchor goes one sentence further.
          if (el === at.anchorEl && next === at.anchor && next !== 0) {
            offset = next;
            continue;
          }
          select(at.anchorEl, at.anchor, el, next);
          return;
        }
        const sibling = texts[texts.indexOf(el) + (forward ? 1 : -1)];
        if (!sibling) return;
        el = sibling;
        offset = forward ? 0 : (sibling.textContent ?? '').length;
      }
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      if (!root || event.defaultPrevented || isEditableTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="menu"]')) return;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (plain && !event.shiftKey && event.key === 'v') {
        const el = startingElement(root);
        if (!el) return;
        event.preventDefault();
        select(el, 0, el, nextSentenceEnd(el.textContent ?? '', 0) ?? 0);
        announce();
        return;
      }
      if (plain && (event.key === 's' || event.key === 'S')) {
        if (!current(root) && event.key === 'S') return;
        event.preventDefault();
        bySentence(root, event.key === 's');
        announce();
        return;
      }
      if (!event.shiftKey || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') || event.metaKey) return;
      const sel = document.getSelection();
      if (!sel) return;
      if (!current(root)) {
        // No selection yet: start one at the current paragraph, as a caret there would.
        const el = startingElement(root);
        if (!el || event.key === 'ArrowLeft') return;
        const start = domPointAt(el, 0);
        sel.collapse(start.node, start.offset);
      }
      event.preventDefault();
      const byWord = event.ctrlKey || event.altKey;
      sel.modify('extend', event.key === 'ArrowRight' ? 'forward' : 'backward', byWord ? 'word' : 'character');
      announce();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [rootRef]);

  return announcement;
}
