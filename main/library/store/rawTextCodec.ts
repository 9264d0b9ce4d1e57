import zlib from 'node:zlib';
import type { Db } from './openDatabase';

/**
 * An article's raw text as stored (migration 0015). The raw text is what a re-clean rebuilds the
 * paragraphs from, so it is kept whole, but it is read only by a re-clean, a backup and the
 * checksum: it is stored compressed (issue #16: it was a fifth of a library file).
 *
 * The stored value says its own format: TEXT is the raw text itself (every row before 0015, and a
 * short text that compression would not shrink), a BLOB is a format byte and the body in that
 * format. The one format so far is raw DEFLATE of the UTF-8 bytes at level 3: at about 30 MB/s it
 * costs an import little, and it kept 60% of the bench's text (brotli at the same speed: 64%).
 */
const deflated = 1;
const level = 3;
/** Shorter raw texts stay text: a few hundred bytes barely shrink, and reading them costs nothing. */
const smallestCompressed = 256;

/** The value `article.raw_text` stores for this raw text. */
export function storedRawText(rawText: string): string | Buffer {
  const bytes = Buffer.from(rawText, 'utf8');
  if (bytes.length < smallestCompressed) return rawText;
  const body = zlib.deflateRawSync(bytes, { level });
  if (body.length + 1 >= bytes.length) return rawText;
  return Buffer.concat([Buffer.of(deflated), body]);
}

/**
 * The raw text a stored value holds; undefined when it holds none (an unknown format, a body that
 * does not inflate or is not UTF-8: damage, which the article's checksum then reports by name).
 */
export function rawTextOf(stored: unknown): string | undefined {
  if (typeof stored === 'string') return stored;
  if (!Buffer.isBuffer(stored) || stored.length === 0 || stored[0] !== deflated) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(zlib.inflateRawSync(stored.subarray(1)));
  } catch {
    return undefined;
  }
}

/** SQL names of the two directions, for migration 0015 and the checksum triggers. */
export const rawTextFunction = 'pizhu_raw_text';
export const storedRawTextFunction = 'pizhu_stored_raw_text';

/** Registers both on a connection (with the checksum function: the article checksum triggers call the first). */
export function registerRawTextFunctions(db: Db): void {
  db.function(rawTextFunction, { deterministic: true }, (stored: unknown) => rawTextOf(stored) ?? null);
  db.function(storedRawTextFunction, { deterministic: true }, (rawText: unknown) =>
    typeof rawText === 'string' ? storedRawText(rawText) : rawText,
  );
}
