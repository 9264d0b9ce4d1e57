import type { Migration } from './migration';

/**
 * The stop-word list of frequency lists and keyness (main/library/analysis): one row, the
 * person's own list; with no row the default list (analysis/defaultStopWords) applies. One row
 * so an edit is one journaled change, undone whole.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'stop-words',
  up: `
    CREATE TABLE stop_word_list (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      words TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
