import { titleFoldFunction } from '../titleFold';
import type { Migration } from './migration';

/**
 * The library list's orders and filters read indexes (issue #16): at 100,000 articles each
 * order's first page sorted the whole article table (a temporary B-tree), the title filter
 * called JavaScript for every title, and the tag filter read a 300-byte highlight row for each
 * tagged highlight to learn its article, hundreds of milliseconds to seconds each.
 *
 * - article.title_folded holds the title as the filter compares it (store/titleFold), kept by
 *   triggers on insert and rename; article_title_version counts those, so the list's title
 *   order (a collation JavaScript sorts by, store/articlePage) knows when its ranks are stale.
 * - one index per order of the list, led by the view and carrying the folded title: a view in
 *   an order is a walk of its index, a title filter a scan of it, neither touching the table.
 *   The view is the expression store/articlePage's listViewSql writes (0 the library, 1
 *   archived, 2 the trash): the planner uses the index only for that same expression.
 * - highlight (id, article_id): a tagged highlight's article from a small index.
 */
export const migration0036: Migration = {
  version: 36,
  name: 'library list indexes',
  up: `
    ALTER TABLE article ADD COLUMN title_folded TEXT NOT NULL DEFAULT '';
    UPDATE article SET title_folded = ${titleFoldFunction}(title);
    CREATE TABLE article_title_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
    INSERT INTO article_title_version (id, version) VALUES (1, 0);
    CREATE TRIGGER article_title_insert AFTER INSERT ON article BEGIN
      UPDATE article SET title_folded = ${titleFoldFunction}(new.title) WHERE id = new.id;
      UPDATE article_title_version SET version = version + 1;
    END;
    CREATE TRIGGER article_title_update AFTER UPDATE OF title ON article BEGIN
      UPDATE article SET title_folded = ${titleFoldFunction}(new.title) WHERE id = new.id;
      UPDATE article_title_version SET version = version + 1;
    END;
    CREATE INDEX article_list_by_date ON article (
      iif(trashed_at IS NOT NULL, 2, archived_at IS NOT NULL), published_at IS NULL, published_at DESC, imported_at DESC, id DESC, title_folded);
    CREATE INDEX article_list_by_opened ON article (
      iif(trashed_at IS NOT NULL, 2, archived_at IS NOT NULL), last_opened_at IS NULL, last_opened_at DESC,
      published_at IS NULL, published_at DESC, imported_at DESC, id DESC, title_folded);
    CREATE INDEX highlight_article_of ON highlight (id, article_id);
  `,
};
