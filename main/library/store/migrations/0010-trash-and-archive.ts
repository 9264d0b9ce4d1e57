import type { Migration } from './migration';

/**
 * Library management: an article can be moved to the trash (kept with every annotation until the
 * trash is emptied on request) or archived (out of the default list, still searchable). Both are
 * timestamps beside the checksummed columns, never part of them: trashing, archiving and their
 * undo leave the article's text, metadata and checksum exactly as they were.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'trash and archive',
  up: `
    ALTER TABLE article ADD COLUMN trashed_at TEXT;
    ALTER TABLE article ADD COLUMN archived_at TEXT;
    CREATE INDEX article_trashed ON article (trashed_at) WHERE trashed_at IS NOT NULL;
  `,
};
