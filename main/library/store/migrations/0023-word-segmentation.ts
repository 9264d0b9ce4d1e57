import type { Migration } from './migration';

/**
 * Each paragraph's words as the frequency lists count them (main/library/analysis), kept so a
 * list does not segment the whole library again in every process: segmenting is most of a first
 * list's cost. Keyed by the paragraph's checksum (its text, raw text, flags and kind: an edit
 * or re-clean gives a new key) and the segmentation's version (the dictionary and the
 * person's own words); the words are folded and joined by spaces (a counted word never holds
 * one). Derived, never journaled or backed up: a missing or stale row is segmented again.
 */
export const migration0023: Migration = {
  version: 23,
  name: 'word-segmentation',
  up: `
    CREATE TABLE word_segmentation (
      checksum TEXT NOT NULL,
      version TEXT NOT NULL,
      words TEXT NOT NULL,
      PRIMARY KEY (checksum, version)
    ) WITHOUT ROWID;
  `,
};
