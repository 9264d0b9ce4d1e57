import type { Migration } from './migration';

/**
 * The vocabulary (issue #17): words a person saves from the dictionary pop-up, with the reading
 * and sense they chose and the sentence they met the word in. `word` is as the reader showed it
 * (in the script mode of the moment), `stored_word` the canonical text it stands on, and
 * [start_offset, end_offset) its place in the paragraph's canonical text, so the entry links back to
 * the paragraph. An article or paragraph deleted for good leaves the entry, unlinked.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'vocabulary',
  up: `
    CREATE TABLE vocabulary (
      id INTEGER PRIMARY KEY,
      word TEXT NOT NULL CHECK (length(word) > 0),
      stored_word TEXT NOT NULL,
      reading TEXT NOT NULL DEFAULT '',
      sense TEXT NOT NULL DEFAULT '',
      sentence TEXT NOT NULL DEFAULT '',
      sentence_offset INTEGER NOT NULL DEFAULT 0 CHECK (sentence_offset >= 0),
      article_id INTEGER REFERENCES article(id) ON DELETE SET NULL,
      paragraph_id INTEGER REFERENCES paragraph(id) ON DELETE SET NULL,
      start_offset INTEGER NOT NULL DEFAULT 0 CHECK (start_offset >= 0),
      end_offset INTEGER NOT NULL DEFAULT 0 CHECK (end_offset >= start_offset),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX vocabulary_article ON vocabulary (article_id);
    CREATE INDEX vocabulary_paragraph ON vocabulary (paragraph_id);
    CREATE INDEX vocabulary_created ON vocabulary (created_at);
  `,
};
