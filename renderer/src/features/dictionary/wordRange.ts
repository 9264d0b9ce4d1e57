import { displayOffsetOf, domPointAt } from '../annotate/readDomSelection';

/** A paragraph's text element in the reader (the one the selection and highlights read). */
export function paragraphTextElement(root: HTMLElement | null, paragraphId: number): HTMLElement | null {
  return root?.querySelector<HTMLElement>(`[data-paragraph-text="${paragraphId}"]`) ?? null;
}

/** A DOM range over display offsets [start, end) of a paragraph's text element. */
export function displayRange(el: HTMLElement, start: number, end: number): Range {
  const range = document.createRange();
  const a = domPointAt(el, start);
  const b = domPointAt(el, end);
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a point of the window, by whichever caret API the engine has. */
function caretAt(x: number, y: number): CaretPoint | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * The paragraph and display offset of the character under a point, or null off the text. A caret
 * position is a gap between characters: the character is the one whose box holds the point.
 */
export function characterAtPoint(x: number, y: number): { paragraphId: number; offset: number } | null {
  const caret = caretAt(x, y);
  if (!caret) return null;
  const start = caret.node instanceof Element ? caret.node : caret.node.parentElement;
  const el = start?.closest<HTMLElement>('[data-paragraph-text]');
  const paragraphId = Number(el?.dataset.paragraphText);
  if (!el || !Number.isInteger(paragraphId)) return null;
  const length = el.textContent?.length ?? 0;
  const gap = displayOffsetOf(el, caret.node, caret.offset);
  for (const offset of [gap, gap - 1]) {
    if (offset < 0 || offset >= length) continue;
    const box = displayRange(el, offset, offset + 1).getBoundingClientRect();
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return { paragraphId, offset };
  }
  return null;
}
