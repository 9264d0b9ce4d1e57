import zlib from 'node:zlib';
import type { Db } from './openDatabase';
import { rawSql } from './paragraphRaw';

/**
 * An article's raw text as stored (migration 0015). The raw text is what a re-clean rebuilds the
 * paragraphs from, so it is kept whole, but it is read only by a re-clean, a backup and the
 * checksum: it is stored compressed (issue #16: it was a fifth of a library file).
 *
 * The stored value says its own format: TEXT is the raw text itself (every row before 0015, and a
 * short text that compression would not shrink), a BLOB is a format byte and the body in that
 * format:
 * - 1: raw DEFLATE of the UTF-8 bytes at level 3: at about 30 MB/s it costs an import little, and
 *   it kept 60% of the bench's text (brotli at the same speed: 64%).
 * - 2 (migration 0026): the raw text against the article's own paragraphs. Most of a raw text is
 *   its paragraphs' raw texts again, so only what lies between them is kept (raw DEFLATE'd), with
 *   where each paragraph goes, by its `ord`: a few percent of the text instead of 60%. Such a
 *   value reads only beside the paragraphs it was made from, so the triggers of migration 0026
 *   turn it back into format 1 before any of those paragraphs changes its text, raw text or order
 *   or goes (see rawTextSql for reading it in SQL).
 */
const deflated = 1;
const besideParagraphs = 2;
const level = 3;
/** Shorter raw texts stay text: a few hundred bytes barely shrink, and reading them costs nothing. */
const smallestCompressed = 256;

/** Paragraphs' raw texts by `ord` (an array by index, or the object rawTextSql's JSON parses to). */
export type ParagraphRaws = { readonly [ord: number]: string | undefined };

/**
 * The value `article.raw_text` stores for this raw text; with the raw texts its paragraphs are
 * stored with (by ord), the smaller format 2 when it reads back whole.
 */
export function storedRawText(rawText: string, paragraphRaws?: readonly string[]): string | Buffer {
  const beside = paragraphRaws ? besideParagraphsValue(rawText, paragraphRaws) : undefined;
  if (beside) return beside;
  const bytes = Buffer.from(rawText, 'utf8');
  if (bytes.length < smallestCompressed) return rawText;
  const body = deflateRaw(bytes);
  if (body.length + 1 >= bytes.length) return rawText;
  return Buffer.concat([Buffer.of(deflated), body]);
}

/**
 * Raw DEFLATE at `level`. A body that fits a 512-byte window (zlib looks back at most the window
 * less 262 bytes) is deflated with that window and a smaller hash, which finds the same matches:
 * zlib's default state is some 256 KB to set up, and format 2's body is a few dozen bytes for
 * most articles (3,000 such bodies: 43 -> 25 µs each; the 3,000 bench articles' bodies come out
 * byte for byte the same). A stream made with any window inflates with the default one.
 */
function deflateRaw(bytes: Buffer): Buffer {
  return zlib.deflateRawSync(bytes, bytes.length <= smallWindowBytes ? { level, windowBits: 9, memLevel: 4 } : { level });
}
const smallWindowBytes = (1 << 9) - 262;

/** Paragraphs shorter than this stay in the text between: a reference would not be shorter. */
const shortestReferenced = 4;

/**
 * Format 2: the paragraphs found in order in the raw text, as (ord, characters of text between
 * since the one before) pairs, then the text between them all; the whole raw DEFLATE'd. Undefined
 * when no paragraph is found or it would not be shorter than the text.
 */
function besideParagraphsValue(rawText: string, paragraphRaws: readonly string[]): Buffer | undefined {
  const numbers: number[] = [];
  let between = '';
  let cursor = 0;
  let lastRef = 0;
  paragraphRaws.forEach((raw, ord) => {
    if (raw.length < shortestReferenced) return;
    const at = rawText.indexOf(raw, cursor);
    if (at < 0) return;
    between += rawText.slice(cursor, at);
    numbers.push(ord, between.length - lastRef);
    lastRef = between.length;
    cursor = at + raw.length;
  });
  if (numbers.length === 0) return undefined;
  between += rawText.slice(cursor);
  // The value reads back as exactly this text (joinedBeside puts the same slices back in the same
  // order) unless the text between holds half a surrogate pair, which UTF-8 cannot carry. Checked
  // here, not by inflating the value and reading it back: that was a quarter of storing it.
  if (!isWellFormed(between)) return undefined;
  const body = deflateRaw(Buffer.concat([varints([numbers.length / 2, ...numbers]), Buffer.from(between, 'utf8')]));
  if (body.length + 1 >= Buffer.byteLength(rawText, 'utf8')) return undefined;
  return Buffer.concat([Buffer.of(besideParagraphs), body]);
}

/** Whether the text has no lone surrogate (String.prototype.isWellFormed, which ES2023's lib lacks). */
function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Unsigned LEB128. */
function varints(values: readonly number[]): Buffer {
  const bytes: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  }
  return Buffer.from(bytes);
}

/**
 * The raw text a stored value holds; undefined when it holds none (an unknown format, a body that
 * does not inflate or is not UTF-8, a format-2 value without the paragraphs it names: damage,
 * which the article's checksum then reports by name). A format-2 value needs `paragraphRaws`.
 */
export function rawTextOf(stored: unknown, paragraphRaws?: ParagraphRaws): string | undefined {
  if (typeof stored === 'string') return stored;
  if (!Buffer.isBuffer(stored) || stored.length === 0) return undefined;
  try {
    if (stored[0] === deflated) return utf8(zlib.inflateRawSync(stored.subarray(1)));
    if (stored[0] === besideParagraphs && paragraphRaws) return joinedBeside(zlib.inflateRawSync(stored.subarray(1)), paragraphRaws);
    return undefined;
  } catch {
    return undefined;
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Format 2's body read back beside the paragraphs; throws on a body that does not fit them. */
function joinedBeside(body: Buffer, paragraphRaws: ParagraphRaws): string | undefined {
  let at = 0;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = body[at++];
      if (byte === undefined) throw new RangeError('truncated');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  const refs = next();
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < refs; i++) pairs.push([next(), next()]);
  const between = utf8(body.subarray(at));
  let text = '';
  let from = 0;
  for (const [ord, gap] of pairs) {
    const raw = paragraphRaws[ord];
    if (raw === undefined || from + gap > between.length) return undefined;
    text += between.slice(from, from + gap) + raw;
    from += gap;
  }
  return text + between.slice(from);
}

/** SQL names of the directions, for migrations 0015 and 0026 and the checksum triggers. */
export const rawTextFunction = 'pizhu_raw_text';
export const storedRawTextFunction = 'pizhu_stored_raw_text';
/** A format-2 value as format 1 (or text), read beside the paragraphs; any other value as it is. */
export const rawTextAloneFunction = 'pizhu_raw_text_alone';

/** SQL: whether `row`'s raw_text is stored beside its paragraphs (format 2). */
export function storedBesideParagraphsSql(row: string): string {
  return `(typeof(${row}.raw_text) = 'blob' AND substr(${row}.raw_text, 1, 1) = x'0${besideParagraphs}')`;
}

/** SQL: the JSON object of the raw texts by ord of the article `articleIdSql`'s paragraphs. */
export function paragraphRawsSql(articleIdSql: string): string {
  return `(SELECT json_group_object(ord, ${rawSql()}) FROM paragraph WHERE article_id = ${articleIdSql})`;
}

/**
 * The raw text of the article row `row` (an alias, or new/old in a trigger) as SQL; its
 * paragraphs are read only for a format-2 value. Every reader of article.raw_text reads it so.
 */
export function rawTextSql(row: string): string {
  return `${rawTextFunction}(${row}.raw_text, iif(${storedBesideParagraphsSql(row)}, ${paragraphRawsSql(`${row}.id`)}, NULL))`;
}

function parsedRaws(json: unknown): ParagraphRaws | undefined {
  return typeof json === 'string' ? (JSON.parse(json) as ParagraphRaws) : undefined;
}

/** Registers them on a connection (with the checksum function: the article checksum triggers call the first). */
export function registerRawTextFunctions(db: Db): void {
  db.function(
    rawTextFunction,
    { deterministic: true, varargs: true },
    (stored: unknown, raws?: unknown) => rawTextOf(stored, parsedRaws(raws)) ?? null,
  );
  db.function(storedRawTextFunction, { deterministic: true, varargs: true }, (rawText: unknown, raws?: unknown) => {
    if (typeof rawText !== 'string') return rawText;
    const byOrd = parsedRaws(raws);
    return storedRawText(rawText, byOrd ? rawsInOrder(byOrd) : undefined);
  });
  db.function(rawTextAloneFunction, { deterministic: true }, (stored: unknown, raws: unknown) => {
    const text = rawTextOf(stored, parsedRaws(raws));
    // Undecodable is damage already: left as it is for the checksum to report.
    return text === undefined ? stored : storedRawText(text);
  });
}

/** An object of raw texts by ord as an array by ord (orders are 0 to count - 1). */
function rawsInOrder(byOrd: ParagraphRaws): string[] {
  const raws: string[] = [];
  for (const [ord, raw] of Object.entries(byOrd)) if (typeof raw === 'string' && Number(ord) >= 0) raws[Number(ord)] = raw;
  return Array.from(raws, (raw) => raw ?? '');
}
