import type { Migration } from './migration';

/**
 * The library list's title order read from an index (issue #16): titles sort by the interface's
 * collation (pinyin, or strokes for a Traditional interface), which only JavaScript's Intl has,
 * so at 100,000 articles the first title-ordered page after each start sorted every title
 * (~450 ms CPU), and lastOpenedArticle, asked at every start, read the whole article table.
 *
 * - article.title_rank_zh / title_rank_zh_hant: each article's place in the collation's order, a
 *   number, written by the store (store/titleRanks), which places a new or renamed title between
 *   its neighbours without touching the others. NULL is "not placed yet": a new article, and a
 *   renamed one (the trigger below); existing libraries start with every title unplaced and are
 *   ranked at their first title-ordered list.
 * - article_title_ranked: per collation, the article_title_version (migration 0036's count of
 *   title inserts and renames) the ranks were placed at, so an unchanged library is one row read.
 * - one index per collation, led by the view as migration 0036's list indexes are (the same
 *   expression as store/articlePage's listViewSql) and carrying the folded title for the filter.
 * - the last opened article still in the library, from a small partial index of opened ones.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'title ranks',
  up: `
    ALTER TABLE article ADD COLUMN title_rank_zh REAL;
    ALTER TABLE article ADD COLUMN title_rank_zh_hant REAL;
    CREATE TABLE article_title_ranked (collation TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TRIGGER article_title_unranked AFTER UPDATE OF title ON article BEGIN
      UPDATE article SET title_rank_zh = NULL, title_rank_zh_hant = NULL WHERE id = new.id;
    END;
    CREATE INDEX article_list_by_title_zh ON article (
      iif(trashed_at IS NOT NULL, 2, archived_at IS NOT NULL), title_rank_zh, title_folded);
    CREATE INDEX article_list_by_title_zh_hant ON article (
      iif(trashed_at IS NOT NULL, 2, archived_at IS NOT NULL), title_rank_zh_hant, title_folded);
    CREATE INDEX article_last_opened ON article (last_opened_at DESC, id DESC)
      WHERE trashed_at IS NULL AND last_opened_at IS NOT NULL;
  `,
};
