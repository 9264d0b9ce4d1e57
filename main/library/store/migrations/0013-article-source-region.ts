import type { Migration } from './migration';

/**
 * Where each article comes from (issue #15): the region detected from its text and address
 * (mainland, taiwan, hongkong, generic) and the person's correction, which wins and which a
 * re-clean never touches. Articles imported before have no detected region yet: it is worked
 * out from their text when each is first opened (the list reads them as generic until then).
 */
export const migration0013: Migration = {
  version: 13,
  name: 'article source region',
  up: `
    ALTER TABLE article ADD COLUMN region_detected TEXT
      CHECK (region_detected IN ('mainland', 'taiwan', 'hongkong', 'generic'));
    ALTER TABLE article ADD COLUMN region_corrected TEXT
      CHECK (region_corrected IN ('mainland', 'taiwan', 'hongkong', 'generic'));
    UPDATE article SET region_detected = 'mainland' WHERE script = 'simplified';
  `,
};
