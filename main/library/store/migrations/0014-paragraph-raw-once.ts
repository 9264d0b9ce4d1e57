import { checkedColumns, checksumSql } from '../contentHashes';
import type { Migration } from './migration';

/**
 * A paragraph's raw text is stored once when it is its text (issue #16: the raw text kept twice
 * was about half of the paragraph table, an eighth of a library file). Such a raw text is stored
 * as '' and read back as the text (store/paragraphRaw); every reader reads it through rawSql.
 *
 * The checksums stay what they were: they are over the raw text as read, and the checksum trigger
 * of migration 0006 is made again here to read it so (contentHashes.checksumSql). The trigger goes
 * first, so the update below recomputes nothing; the search and fingerprint triggers do not watch
 * the raw text. The space freed is reused by later writes.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'paragraph raw text stored once',
  up: `
    DROP TRIGGER paragraph_checksum_update;
    CREATE TRIGGER paragraph_checksum_update AFTER UPDATE OF ${[...checkedColumns.paragraph, 'checksum'].join(', ')} ON paragraph
      WHEN new.checksum IS NOT ${checksumSql('paragraph', 'new')}
    BEGIN
      UPDATE paragraph SET checksum = ${checksumSql('paragraph', 'new')} WHERE id = new.id;
    END;
    UPDATE paragraph SET raw = '' WHERE raw = text AND raw <> '';
  `,
};
