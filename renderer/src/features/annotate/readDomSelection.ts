import { offsetInText, type TextPoint } from './selectionOffsets';

/** A selection inside one paragraph's text element, as display offsets. */
export interface DisplaySelection {
  paragraphId: number;
  start: number;
  end: number;
}

/** The paragraph text element (`data-paragraph-text`) holding a node, if any. */
function textElementOf(node: Node): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest<HTMLElement>('[data-paragraph-text]') ?? null;
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

/**
 * Reads a DOM range as display offsets in one paragraph, by walking the text nodes of the
 * paragraph's text element. A range that runs on into another paragraph (a triple-click, a
 * drag past the end) is cut at the end of the paragraph it started in.
 */
export function readDomSelection(root: HTMLElement, range: Range): DisplaySelection | null {
  const startEl = textElementOf(range.startContainer);
  const endEl = textElementOf(range.endContainer);
  const el = startEl ?? endEl;
  if (!el || !root.contains(el)) return null;
  const paragraphId = Number(el.dataset.paragraphText);
  if (!Number.isInteger(paragraphId)) return null;
  const nodes = textNodesOf(el);
  const lengths = nodes.map((n) => n.data.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  const start = startEl === el ? offsetInText(lengths, textPointOf(nodes, range.startContainer, range.startOffset)) : 0;
  const end = endEl === el ? offsetInText(lengths, textPointOf(nodes, range.endContainer, range.endOffset)) : total;
  return { paragraphId, start, end };
}
