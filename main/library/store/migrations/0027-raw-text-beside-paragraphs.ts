import { checkedColumns, checksumSql } from '../contentHashes';
import {
  paragraphRawsSql,
  rawTextAloneFunction,
  rawTextSql,
  storedBesideParagraphsSql,
  storedRawTextFunction,
} from '../rawTextCodec';
import type { Migration } from './migration';

/** Turns the article `articleIdSql`'s raw text back into one that reads alone, before its paragraphs change. */
const readAlone = (articleIdSql: string) => `
  UPDATE article SET raw_text = ${rawTextAloneFunction}(raw_text, ${paragraphRawsSql(articleIdSql)})
    WHERE id = ${articleIdSql} AND ${storedBesideParagraphsSql('article')};`;

/**
 * An article's raw text is stored beside its own paragraphs (issue #16: compressed alone it was
 * still a seventh of a library file, though it is mostly its paragraphs' raw texts again; see
 * store/rawTextCodec, format 2).
 *
 * Such a value reads only with the paragraphs it was made from, so before any paragraph of the
 * article changes its text, raw text, order or article, or goes, its raw text is turned back into
 * format 1 (which reads alone); whoever writes the paragraphs anew stores it beside them again.
 * The article checksum triggers are made again to read the raw text so (contentHashes.checksumSql):
 * the checksums stay what they were, over the raw text as read. Then every raw text is stored anew;
 * the update trigger finds each checksum right and writes nothing.
 */
export const migration0027: Migration = {
  version: 27,
  name: 'article raw text beside its paragraphs',
  up: `
    ${articleChecksumTriggers()}
    ${rawTextKeepingTriggers()}
    UPDATE article SET raw_text = ${storedRawTextFunction}(${rawTextSql('article')}, ${paragraphRawsSql('article.id')});
  `,
};

/** The article checksum triggers, over the raw text as read (made again by 0028, whose paragraph raw texts they read). */
export function articleChecksumTriggers(): string {
  return `
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
    END;`;
}

/** The paragraph triggers that keep an article's raw text readable (0028 drops and makes them again). */
export const rawTextKeepingTriggerNames = ['paragraph_update_keeps_raw_text', 'paragraph_delete_keeps_raw_text'];

export function rawTextKeepingTriggers(): string {
  return `
    CREATE TRIGGER paragraph_update_keeps_raw_text BEFORE UPDATE OF article_id, ord, text, raw ON paragraph
    BEGIN${readAlone('old.article_id')}
    END;
    CREATE TRIGGER paragraph_delete_keeps_raw_text BEFORE DELETE ON paragraph
    BEGIN${readAlone('old.article_id')}
    END;`;
}
