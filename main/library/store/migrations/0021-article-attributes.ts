import type { Migration } from './migration';

/**
 * Article attributes (issue #18): variables a researcher defines (outlet type, region, date,
 * stance) and sets on articles to compare by. `kind` is text, number, date (YYYY-MM-DD) or
 * choice (one of `choices`, a JSON array of strings). A value is kept as text in a canonical
 * form (a number as JavaScript writes it, a date as YYYY-MM-DD) so filtering, grouping and the
 * journal treat every kind alike. Deleting an attribute or value through the journal removes
 * its rows first, so undo brings them back; the cascades are for rows deleted any other way
 * (an article emptied from the trash).
 */
export const migration0021: Migration = {
  version: 21,
  name: 'article attributes',
  up: `
    CREATE TABLE attribute (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
      choices TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX attribute_name ON attribute (name);
    CREATE TABLE article_attribute (
      article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      attribute_id INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE,
      value TEXT NOT NULL,
      PRIMARY KEY (article_id, attribute_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_attribute_by_value ON article_attribute (attribute_id, value);
  `,
};
