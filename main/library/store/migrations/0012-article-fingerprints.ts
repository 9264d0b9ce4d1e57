import type { Migration } from './migration';

/**
 * Duplicates and reposts (library/duplicates). Each article keeps a fingerprint of its reading
 * text, folded as search folds it: the hash of the whole (the same text in another encoding or
 * script, or with other spacing and punctuation) and a MinHash signature of its shingles (a
 * repost with edits), cut into bands that are indexed, so finding an article's near-duplicates
 * looks up a few buckets instead of comparing it with every article.
 *
 * A fingerprint is derived data: any change to the article's paragraphs (a re-clean, a
 * re-import, a re-classification, its undo) drops it, and it is computed again when next needed.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'article fingerprints',
  up: `
    CREATE TABLE article_fingerprint (
      article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
      text_hash TEXT NOT NULL,
      shingle_count INTEGER NOT NULL,
      signature BLOB NOT NULL
    );
    CREATE INDEX article_fingerprint_by_text ON article_fingerprint (text_hash);

    CREATE TABLE article_band (
      band INTEGER NOT NULL,
      bucket INTEGER NOT NULL,
      article_id INTEGER NOT NULL REFERENCES article_fingerprint (article_id) ON DELETE CASCADE,
      PRIMARY KEY (band, bucket, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_band_by_article ON article_band (article_id);

    CREATE TRIGGER paragraph_insert_drops_fingerprint AFTER INSERT ON paragraph BEGIN
      DELETE FROM article_fingerprint WHERE article_id = NEW.article_id;
    END;
    CREATE TRIGGER paragraph_update_drops_fingerprint AFTER UPDATE OF kind, text ON paragraph BEGIN
      DELETE FROM article_fingerprint WHERE article_id = NEW.article_id;
    END;
    CREATE TRIGGER paragraph_delete_drops_fingerprint AFTER DELETE ON paragraph BEGIN
      DELETE FROM article_fingerprint WHERE article_id = OLD.article_id;
    END;
  `,
};
