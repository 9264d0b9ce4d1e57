import { useEffect, type RefObject } from 'react';
import { rangeToConverted, type OffsetRange } from '../../../../preload/common/offsetMap';
import type { DisplayText } from './displayText';

const highlightName = 'pizhu-search-match';

interface HighlightRegistry {
  set: (name: string, highlight: unknown) => void;
  delete: (name: string) => void;
}

/**
 * Marks the search matches inside the paragraph a search jumped to, in the current script, with
 * the CSS Custom Highlight API: no DOM is added, so highlights and selection mapping are untouched.
 */
export function useSearchMatchMarks(
  articleRef: RefObject<HTMLElement | null>,
  paragraphId: number | null,
  matches: readonly OffsetRange[] | null,
  display: ReadonlyMap<number, DisplayText>,
): void {
  useEffect(() => {
    const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
    const HighlightType = (window as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!registry || !HighlightType || paragraphId === null || !matches || matches.length === 0) return;
    const shown = display.get(paragraphId);
    if (!shown) return;
    const element = paragraphTextElement(articleRef.current, paragraphId, shown.text);
    if (!element) return;
    const ranges = matches
      .map((m) => domRange(element, rangeToConverted(shown.map, m)))
      .filter((r): r is Range => r !== null);
    if (ranges.length === 0) return;
    registry.set(highlightName, new HighlightType(...ranges));
    return () => registry.delete(highlightName);
  }, [articleRef, paragraphId, matches, display]);
}

/** The paragraph's text; a title or subtitle paragraph is shown in the header instead. */
function paragraphTextElement(article: HTMLElement | null, paragraphId: number, text: string): Element | null {
  const inBody = article?.querySelector(`[data-paragraph-text="${paragraphId}"]`);
  if (inBody) return inBody;
  const inHeader = article?.querySelectorAll('#article-title, .article-subtitle') ?? [];
  return [...inHeader].find((e) => e.textContent?.trim() === text.trim()) ?? null;
}

/** A DOM Range over [start, end) of an element's text, counted across its text nodes. */
function domRange(root: Element, { start, end }: OffsetRange): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}
