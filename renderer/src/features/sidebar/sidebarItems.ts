import type { Highlight, HighlightColor, Note } from '../../../../preload/contract/annotationTypes';
import type { ArticleView } from '../../../../preload/contract/articleTypes';

/** One row of the annotations sidebar: a highlight, or a paragraph's note. */
export type SidebarItem =
  | { kind: 'highlight'; key: string; paragraphId: number | null; highlight: Highlight; tags: readonly string[] }
  | { kind: 'note'; key: string; paragraphId: number; note: Note; tags: readonly string[] };

export type KindFilter = 'all' | 'highlight' | 'note';

export interface SidebarFilter {
  /** Colours shown; empty shows every colour (a note has none and shows unless a colour is chosen). */
  colors: ReadonlySet<HighlightColor>;
  /** A tag name, or null for any. */
  tag: string | null;
  kind: KindFilter;
}

export const noFilter: SidebarFilter = { colors: new Set(), tag: null, kind: 'all' };

/**
 * Every highlight and note of the article in text order: by paragraph, within a paragraph the
 * highlights by where they start and then the note; orphan highlights (no paragraph) last.
 * A note carries its paragraph's tags.
 */
export function sidebarItems(article: ArticleView): SidebarItem[] {
  const order = new Map(article.paragraphs.map((p) => [p.id, p.order]));
  const placed: Array<{ at: number; start: number; item: SidebarItem }> = [];
  const orphans: SidebarItem[] = [];
  for (const h of article.highlights) {
    const item: SidebarItem = {
      kind: 'highlight',
      key: `h${h.id}`,
      paragraphId: h.paragraphId,
      highlight: h,
      tags: h.tags,
    };
    const at = h.paragraphId === null ? undefined : order.get(h.paragraphId);
    if (at === undefined || h.start === null) orphans.push(item);
    else placed.push({ at, start: h.start, item });
  }
  for (const n of article.notes) {
    const at = order.get(n.paragraphId);
    if (at === undefined) continue;
    const tags = article.paragraphTags[n.paragraphId] ?? [];
    placed.push({
      at,
      start: Number.POSITIVE_INFINITY,
      item: { kind: 'note', key: `n${n.paragraphId}`, paragraphId: n.paragraphId, note: n, tags },
    });
  }
  placed.sort((a, b) => a.at - b.at || a.start - b.start);
  return [...placed.map((p) => p.item), ...orphans];
}

export function filterItems(items: readonly SidebarItem[], filter: SidebarFilter): SidebarItem[] {
  return items.filter((item) => {
    if (filter.kind !== 'all' && item.kind !== filter.kind) return false;
    if (filter.colors.size > 0 && (item.kind !== 'highlight' || !filter.colors.has(item.highlight.color))) return false;
    if (filter.tag !== null && !item.tags.some((t) => t === filter.tag || t.startsWith(`${filter.tag}/`))) return false;
    return true;
  });
}

/** The tags the items carry, sorted, for the tag filter. */
export function itemTags(items: readonly SidebarItem[]): string[] {
  const tags = new Set<string>();
  for (const item of items) for (const tag of item.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b, 'zh'));
}
