import type { TaggedPassage } from './annotationTypes';

/** The most passages one page of the per-tag view may ask for: screenfuls, never a tag's 100,000. */
export const maxTaggedPassageRows = 500;

/** One page of a tag's passages (and those of the tags nested under it), in the per-tag view's order. */
export interface TaggedPassagePageRequest {
  tag: string;
  offset: number;
  limit: number;
  /** The trash's passages alone (the trash view's tag filter) instead of the library's. */
  inTrash?: boolean;
}

export interface TaggedPassagePage {
  /** Every passage of the tag: the count the view shows, exact. */
  total: number;
  offset: number;
  rows: TaggedPassage[];
}
