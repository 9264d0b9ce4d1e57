import { bandBucketsFunction } from '../../duplicates/bandRows';
import { checksumSql } from '../contentHashes';
import { storedRemovalsFunction } from '../removalsCodec';
import type { Migration } from './migration';

/** Deletes a fingerprint's band rows by their key (duplicates/bandRows), as the index by article did through the cascade. */
export const bandRowsDeleteTrigger = `
    CREATE TRIGGER article_fingerprint_drops_bands AFTER DELETE ON article_fingerprint BEGIN
      DELETE FROM article_band WHERE article_id = old.article_id
        AND (band, bucket) IN (SELECT key, value FROM json_each(${bandBucketsFunction}(old.signature)));
      -- A signature that names no buckets (damage) has its rows found by a scan.
      DELETE FROM article_band WHERE ${bandBucketsFunction}(old.signature) IS NULL AND article_id = old.article_id;
    END;`;

/**
 * A smaller library (issue #16): on the 10,000-article bench library these two were 7 of the
 * file's 149 MB, neither needed to re-clean or re-anchor.
 *
 * - Each paragraph's removals stored compactly (store/removalsCodec), 5.4 MB as JSON. Only a row
 *   whose checksum matches is rewritten, and its checksum trigger then covers the new form: a
 *   damaged row stays as it was, and is still reported.
 * - article_band without its index by article (3 MB) and without the foreign key that needed it:
 *   a fingerprint's delete trigger finds its band rows by their key, computed from its signature.
 *   The rows are carried over as they were.
 */
export const migration0037: Migration = {
  version: 37,
  name: 'a smaller library',
  up: `
    UPDATE paragraph SET removals = ${storedRemovalsFunction}(removals)
      WHERE removals <> '[]' AND checksum = ${checksumSql('paragraph', 'paragraph')};

    CREATE TEMP TABLE article_band_carried AS SELECT band, bucket, article_id FROM article_band;
    DROP TABLE article_band;
    CREATE TABLE article_band (
      band INTEGER NOT NULL,
      bucket INTEGER NOT NULL,
      article_id INTEGER NOT NULL,
      PRIMARY KEY (band, bucket, article_id)
    ) WITHOUT ROWID;
    INSERT INTO article_band (band, bucket, article_id)
      SELECT band, bucket, article_id FROM article_band_carried ORDER BY band, bucket, article_id;
    DROP TABLE temp.article_band_carried;
    ${bandRowsDeleteTrigger}
  `,
};
