import { checkedColumns, checksumSql } from '../contentHashes';
import { paragraphRawFunction } from '../paragraphRaw';
import { articleChecksumTriggers, rawTextKeepingTriggerNames, rawTextKeepingTriggers } from './0027-raw-text-beside-paragraphs';
import type { Migration } from './migration';

/**
 * A paragraph's raw text is stored as '' whenever its text and removals give it back, not only
 * when it is its text (issue #16: the raw texts kept beside their texts were 8.3 MB of the
 * 10,000-article bench library; see store/paragraphRaw).
 *
 * The checksums stay what they were: they are over the raw text as read. Every trigger that reads
 * a paragraph's raw text is made again to read it so (0014's checksum trigger; 0027's article
 * checksum and raw-text triggers, which read paragraphs' raw texts), the latter dropped while the
 * raw texts move, as what they read does not change. A raw text stored as '' before is its text:
 * one whose removals would give back something else (none should) is stored whole first.
 */
export const migration0028: Migration = {
  version: 28,
  name: 'paragraph raw text from its removals',
  up: `
    ${rawTextKeepingTriggerNames.map((t) => `DROP TRIGGER ${t};`).join('\n')}
    DROP TRIGGER paragraph_checksum_update;
    CREATE TRIGGER paragraph_checksum_update AFTER UPDATE OF ${[...checkedColumns.paragraph, 'checksum'].join(', ')} ON paragraph
      WHEN new.checksum IS NOT ${checksumSql('paragraph', 'new')}
    BEGIN
      UPDATE paragraph SET checksum = ${checksumSql('paragraph', 'new')} WHERE id = new.id;
    END;
    UPDATE paragraph SET raw = text
      WHERE raw = '' AND removals <> '[]' AND ${paragraphRawFunction}(text, removals) IS NOT text;
    UPDATE paragraph SET raw = ''
      WHERE raw <> '' AND removals <> '[]' AND ${paragraphRawFunction}(text, removals) = raw;
    ${articleChecksumTriggers()}
    ${rawTextKeepingTriggers()}
  `,
};
