import type { Migration } from './migration';

/**
 * Memos (issue #18): the researcher's own writing beside the text, as rich text kept the way a
 * paragraph note is (Lexical state, plain text for search, Markdown for export). A row with an
 * article is that article's one memo; a row without is a dated entry of the library journal.
 * Deleting an article removes its memo with it (the trash empties through no journal, and the
 * journal's history is dropped then).
 */
export const migration0022: Migration = {
  version: 22,
  name: 'memos',
  up: `
    CREATE TABLE memo (
      id INTEGER PRIMARY KEY,
      article_id INTEGER REFERENCES article(id) ON DELETE CASCADE,
      editor_state TEXT NOT NULL,
      plain_text TEXT NOT NULL,
      markdown TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX memo_article ON memo (article_id) WHERE article_id IS NOT NULL;
    CREATE INDEX memo_journal ON memo (created_at) WHERE article_id IS NULL;
  `,
};
