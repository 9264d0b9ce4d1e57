import { hash } from 'node:crypto';
import { registerBandBucketsFunction } from '../duplicates/bandRows';
import type { Db } from './openDatabase';
import { rawSql, registerParagraphRawFunction } from './paragraphRaw';
import { rawTextSql, registerRawTextFunctions } from './rawTextCodec';
import { registerTitleFoldFunction } from './titleFold';

/**
 * Checksums of the text a person reads and writes: an article's raw text and metadata, each
 * paragraph's text, raw text, flags, removals and kind, each note's editor state, plain text and
 * Markdown. SQLite checks its own page structure, not the values in it: a bit flipped inside a
 * stored string reads back as different text with no error. A checksum written with the row, in
 * the same statement, and compared on read turns that into an error that names the row.
 *
 * 64 bits of SHA-256: the threat is a disk or a stray write, not an adversary, and 16 hex digits
 * keep the columns small. Every write path keeps them right through the triggers of migration
 * 0006, which call `pizhu_checksum`, so every connection that writes these tables needs it
 * (openDatabase registers it, beside the search functions).
 */
export const checksumFunction = 'pizhu_checksum';

/**
 * The checksum of some column values, in order. Each string is length-prefixed, so ('ab', 'c')
 * and ('a', 'bc') differ; a value equal to the one before it is written as `=` (most paragraphs'
 * raw text is their text: hashed once); NULL and non-text values (a flipped type byte) get
 * their own tags, so they never match any text.
 */
export function checksum(...parts: readonly unknown[]): string {
  let joined = '';
  let previous: unknown = undefined;
  for (const part of parts) {
    if (typeof part === 'string') joined += part === previous ? '=' : `${part.length}:${part}`;
    else if (part === null || part === undefined) joined += '~';
    else if (typeof part === 'number' || typeof part === 'bigint') joined += `#${typeof part}:${part}`;
    else joined += `#${Buffer.isBuffer(part) ? part.toString('hex') : typeof part}`;
    previous = part;
  }
  return hash('sha256', joined, 'hex').slice(0, 16);
}

/** The columns each checksum covers, in order: the triggers, the backfill and the checks use these lists. */
export const checkedColumns = {
  article: ['raw_text', 'title', 'subtitle', 'source', 'author', 'published_at', 'url'],
  // The kind too: boilerplate is hidden from the reader, so a flipped kind hides or shows text.
  paragraph: ['text', 'raw', 'flags', 'removals', 'kind'],
  note: ['editor_state', 'plain_text', 'markdown'],
} as const;

export type CheckedTable = keyof typeof checkedColumns;

/**
 * A checked column's value as SQL over `row`: a paragraph's raw text is stored as '' when it is
 * its text (store/paragraphRaw), an article's compressed, maybe beside its paragraphs (store/rawTextCodec).
 */
function checkedValueSql(table: CheckedTable, column: string, row: string): string {
  if (table === 'paragraph' && column === 'raw') return rawSql(row);
  if (table === 'article' && column === 'raw_text') return rawTextSql(row);
  return `${row}.${column}`;
}

/** The row's checksum as SQL over `row` (a table alias, or new/old in a trigger). */
export function checksumSql(table: CheckedTable, row: string): string {
  return `${checksumFunction}(${checkedColumns[table].map((c) => checkedValueSql(table, c, row)).join(', ')})`;
}

/** The checked columns of `table` as a SELECT list, each named as checkedColumns names it and read as its value. */
export function checkedColumnsSelect(table: CheckedTable): string {
  return checkedColumns[table].map((c) => `${checkedValueSql(table, c, table)} AS ${c}`).join(', ');
}

/** The checksum `table`'s row should carry, from the row as better-sqlite3 returns it. */
export function rowChecksum(table: CheckedTable, row: object): string {
  const values = row as Readonly<Record<string, unknown>>;
  return checksum(...checkedColumns[table].map((c) => values[c]));
}

/** Registers `pizhu_checksum` on a connection (openDatabase does, on every open, before migrating). */
export function registerChecksumFunction(db: Db): void {
  db.function(checksumFunction, { deterministic: true, varargs: true }, (...parts: unknown[]) => checksum(...parts));
  registerRawTextFunctions(db);
  registerParagraphRawFunction(db);
  // Not a checksum, but called by the article triggers as the checksum is (migration 0036).
  registerTitleFoldFunction(db);
  // Likewise: a paragraph's change drops its article's fingerprint, whose trigger finds its band rows by it (migration 0037).
  registerBandBucketsFunction(db);
}
