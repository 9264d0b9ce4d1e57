import type { Migration } from './migration';

/** The data model of DESIGN §2. Anchors live on canonical paragraph text only. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE article (
      id INTEGER PRIMARY KEY,
      content_hash TEXT NOT NULL UNIQUE,
      file_name TEXT,
      format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'paste')),
      encoding TEXT NOT NULL,
      raw_text TEXT NOT NULL,
      title TEXT NOT NULL,
      title_inferred INTEGER NOT NULL DEFAULT 0,
      subtitle TEXT,
      source TEXT,
      author TEXT,
      published_at TEXT,
      url TEXT,
      -- fields the reader edited by hand, as JSON; a re-clean keeps them
      metadata_edits TEXT NOT NULL DEFAULT '{}',
      script TEXT NOT NULL,
      reading_position INTEGER NOT NULL DEFAULT 0,
      imported_at TEXT NOT NULL,
      last_opened_at TEXT
    );

    CREATE TABLE paragraph (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('title', 'subtitle', 'byline', 'heading', 'body', 'caption', 'boilerplate')),
      kind_by_user INTEGER NOT NULL DEFAULT 0,
      text TEXT NOT NULL,
      raw TEXT NOT NULL,
      folded TEXT NOT NULL,
      text_hash TEXT NOT NULL,
      flags TEXT NOT NULL DEFAULT '[]',
      removals TEXT NOT NULL DEFAULT '[]',
      UNIQUE (article_id, ord)
    );

    -- paragraph_id NULL marks an orphan: a highlight a re-clean could not place. It is kept and shown.
    CREATE TABLE highlight (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES article (id),
      paragraph_id INTEGER REFERENCES paragraph (id),
      start_offset INTEGER,
      end_offset INTEGER,
      quote TEXT NOT NULL,
      prefix TEXT NOT NULL,
      suffix TEXT NOT NULL,
      color TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((paragraph_id IS NULL) = (start_offset IS NULL) AND start_offset <= end_offset)
    );
    CREATE INDEX highlight_by_paragraph ON highlight (paragraph_id);
    CREATE INDEX highlight_by_article ON highlight (article_id);

    CREATE TABLE tag (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color TEXT,
      created_at TEXT NOT NULL
    );
    CREATE TABLE highlight_tag (
      highlight_id INTEGER NOT NULL REFERENCES highlight (id),
      tag_id INTEGER NOT NULL REFERENCES tag (id),
      PRIMARY KEY (highlight_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX highlight_tag_by_tag ON highlight_tag (tag_id);
    CREATE TABLE paragraph_tag (
      paragraph_id INTEGER NOT NULL REFERENCES paragraph (id),
      tag_id INTEGER NOT NULL REFERENCES tag (id),
      PRIMARY KEY (paragraph_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX paragraph_tag_by_tag ON paragraph_tag (tag_id);

    -- No cascades from paragraph to annotations: deleting a paragraph that carries notes,
    -- tags or highlights fails, so a re-clean has to move them first. Notes are never lost quietly.
    CREATE TABLE note (
      paragraph_id INTEGER PRIMARY KEY REFERENCES paragraph (id),
      editor_state TEXT NOT NULL,
      plain_text TEXT NOT NULL,
      markdown TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE journal (
      id INTEGER PRIMARY KEY,
      op TEXT NOT NULL,
      payload TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    );
  `,
};
