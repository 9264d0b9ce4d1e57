import type { Migration } from './migration';

/**
 * Drops `paragraph.folded`, each paragraph's text folded to simplified script. Search reads the
 * folded form from its index (migrations 0002 and 0004: pizhu_search_tokens folds as it
 * tokenizes), so nothing read the column any more, yet every import computed and wrote it: an
 * eighth of a library file, and of an import's writes.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'no folded text column',
  up: 'ALTER TABLE paragraph DROP COLUMN folded;',
};
