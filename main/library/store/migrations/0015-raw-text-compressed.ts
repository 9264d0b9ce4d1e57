import { checkedColumns, checksumSql } from '../contentHashes';
import { storedRawTextFunction } from '../rawTextCodec';
import type { Migration } from './migration';

/**
 * An article's raw text is stored compressed (issue #16: it was a fifth of a library file; see
 * store/rawTextCodec for the format, which each stored value names, so a row stored as text
 * still reads).
 *
 * The checksums stay what they were: they are over the raw text as read. Migration 0006's two
 * article checksum triggers are made again here to read it so (contentHashes.checksumSql), then
 * every raw text is stored anew; the update trigger finds each checksum right and writes nothing.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'article raw text compressed',
  up: `
    DROP TRIGGER article_checksum_insert;
    CREATE TRIGGER article_checksum_insert AFTER INSERT ON article
      WHEN new.checksum IS NULL
    BEGIN
      UPDATE article SET checksum = ${checksumSql('article', 'new')} WHERE id = new.id;
    END;
    DROP TRIGGER article_checksum_update;
    CREATE TRIGGER article_checksum_update AFTER UPDATE OF ${[...checkedColumns.article, 'checksum'].join(', ')} ON article
      WHEN new.checksum IS NOT ${checksumSql('article', 'new')}
    BEGIN
      UPDATE article SET checksum = ${checksumSql('article', 'new')} WHERE id = new.id;
    END;
    UPDATE article SET raw_text = ${storedRawTextFunction}(raw_text) WHERE typeof(raw_text) = 'text';
  `,
};
