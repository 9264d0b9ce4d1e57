import type { SidebarItem } from './sidebarItems';

const flashClass = 'sidebar-flash';

/**
 * Scrolls the passage of a sidebar item into the middle of the reader and flashes it: the
 * highlight's marks, or the note's paragraph. Answers false when the passage is not on the page
 * (a hidden line, an orphan), so the caller can ask the reader to show it.
 */
export function jumpToAnnotation(root: ParentNode, item: SidebarItem): boolean {
  const targets =
    item.kind === 'highlight'
      ? [...root.querySelectorAll<HTMLElement>(`[data-highlight-ids~="${item.highlight.id}"]`)]
      : [...root.querySelectorAll<HTMLElement>(`[data-paragraph-id="${item.paragraphId}"]`)];
  const first = targets[0];
  if (!first) return false;
  first.scrollIntoView({ block: 'center', behavior: 'instant' });
  for (const el of targets) {
    el.classList.remove(flashClass);
    // A second jump to the same passage flashes again: the animation restarts after a reflow.
    void el.offsetWidth;
    el.classList.add(flashClass);
    el.addEventListener('animationend', () => el.classList.remove(flashClass), { once: true });
  }
  return true;
}
