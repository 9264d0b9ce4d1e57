/**
 * A paragraph's raw text as stored (migration 0014). Most paragraphs' raw text is their text
 * (nothing was removed in cleaning), and storing it twice was about half of the paragraph table
 * and an eighth of a library file. Such a raw text is stored as '', which no other raw text can
 * be: the text is the raw text with removals taken out, so an empty raw text has an empty text,
 * and is its text. Reads put it back, so everything above the store sees the raw text as before,
 * and the checksums (store/contentHashes) are over the raw text as read, unchanged by the move.
 */

/** What goes into `paragraph.raw` for a paragraph with this text and raw text. */
export function storedRaw(text: string, raw: string): string {
  return raw === text ? '' : raw;
}

/** The raw text of the paragraph row `row` (an alias, or new/old in a trigger) as SQL. */
export function rawSql(row?: string): string {
  const p = row ? `${row}.` : '';
  return `iif(${p}raw = '', ${p}text, ${p}raw)`;
}
