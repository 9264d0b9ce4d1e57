import type { TagSummary } from './annotationTypes';

/** The most tags one page of a tag level may ask for: screenfuls, never all 5,000. */
export const maxTagLevelRows = 500;

/** One level of the tag tree, a page at a time: the tags directly under `parent` ('' for the top). */
export interface TagLevelRequest {
  parent: string;
  offset: number;
  limit: number;
}

export interface TagLevelRow {
  tag: TagSummary;
  /** The last level of the name, shown under its parent: `政治/选举` shows `选举`. */
  label: string;
  /** Tags directly under this one (its own level's total). */
  children: number;
  /** Every tag nested under it, at any depth (what deleting it deletes too). */
  nested: number;
}

export interface TagLevelPage {
  /** Tags on this level. */
  total: number;
  offset: number;
  rows: TagLevelRow[];
}
