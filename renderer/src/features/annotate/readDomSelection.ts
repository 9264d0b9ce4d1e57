import { offsetInText, type TextPoint } from './selectionOffsets';

/** A selection's part inside one paragraph's text element, as display offsets. */
export interface DisplaySelection {
  paragraphId: number;
  start: number;
  end: number;
}

function textNodesOf(el: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n instanceof Text) nodes.push(n);
  return nodes;
}

/** A DOM boundary point as (text node index, offset); an element boundary falls before the next text node. */
function textPointOf(nodes: readonly Text[], container: Node, offset: number): TextPoint {
  if (container instanceof Text) {
    const index = nodes.indexOf(container);
    if (index >= 0) return { index, offset };
  }
  const boundary = document.createRange();
  boundary.setStart(container, offset);
  boundary.collapse(true);
  const index = nodes.findIndex((n) => boundary.comparePoint(n, 0) >= 0);
  return { index: index < 0 ? nodes.length : index, offset: 0 };
}

/** The display offsets a DOM range covers in one paragraph text element it reaches into. */
function selectionIn(el: HTMLElement, range: Range): DisplaySelection | null {
  const paragraphId = Number(el.dataset.paragraphText);
  if (!Number.isInteger(paragraphId)) return null;
  const nodes = textNodesOf(el);
  const lengths = nodes.map((n) => n.data.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  const start = el.contains(range.startContainer)
    ? offsetInText(lengths, textPointOf(nodes, range.startContainer, range.startOffset))
    : 0;
  const end = el.contains(range.endContainer)
    ? offsetInText(lengths, textPointOf(nodes, range.endContainer, range.endOffset))
    : total;
  return { paragraphId, start, end };
}

/**
 * Reads a DOM range as display offsets, one entry per paragraph text element it reaches into,
 * in document order: a selection from the middle of one paragraph into the next gives the tail
 * of the first and the head of the second. Paragraphs it only touches at a boundary give an
 * empty entry, which the caller drops with the white space.
 */
export function readDomSelections(root: HTMLElement, range: Range): DisplaySelection[] {
  const found: DisplaySelection[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-paragraph-text]')) {
    if (!range.intersectsNode(el)) continue;
    const selection = selectionIn(el, range);
    if (selection) found.push(selection);
  }
  return found;
}

/** The display offset of a DOM point inside a paragraph text element. */
export function displayOffsetOf(el: HTMLElement, container: Node, offset: number): number {
  const nodes = textNodesOf(el);
  return offsetInText(
    nodes.map((n) => n.data.length),
    textPointOf(nodes, container, offset),
  );
}

/** The DOM point (text node and offset) at a display offset of a paragraph text element. */
export function domPointAt(el: HTMLElement, offset: number): { node: Node; offset: number } {
  let rest = offset;
  const nodes = textNodesOf(el);
  for (const node of nodes) {
    if (rest <= node.data.length) return { node, offset: rest };
    rest -= node.data.length;
  }
  const last = nodes.at(-1);
  return last ? { node: last, offset: last.data.length } : { node: el, offset: el.childNodes.length };
}
