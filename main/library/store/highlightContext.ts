import { madeBySql } from './madeHere';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';

/**
 * A highlight's quote, prefix and suffix (the TextQuoteSelector that re-anchors it when its
 * paragraph's text changes) are, while it sits where it was made, only what its paragraph's text
 * says at its place (issue #16: 17 of the highlight table's 33 MB on the bench library). Migration
 * 0034 stores such a column as the zero-length blob x'' ("as the text says there"): a NOT NULL text
 * column cannot hold NULL without rebuilding the table, and no writer writes a blob, so any string
 * a writer writes is kept as written. Its triggers keep the meaning exact: a paragraph whose text
 * changes, or a highlight that moves, first gets the values written out in full from the text they
 * were read from. Every reader reads them through highlightColumnSql (or readHighlightContext).
 */

/** Characters of context kept on each side of a quote, to re-anchor it if the paragraph changes. */
export const anchorContextLength = 32;

export type ContextPart = 'quote' | 'prefix' | 'suffix';

export const highlightContextParts: readonly ContextPart[] = ['quote', 'prefix', 'suffix'];

/**
 * The quote at [start, end) of `text` and up to anchorContextLength characters on each side,
 * never half a surrogate pair. What a highlight made there stores (annotations/highlightAnchor).
 */
export function contextAt(text: string, start: number, end: number, part: ContextPart): string {
  if (part === 'quote') return text.slice(start, end);
  if (part === 'prefix') {
    let from = Math.max(0, start - anchorContextLength);
    if (splitsPair(text, from)) from += 1;
    return text.slice(from, start);
  }
  let to = Math.min(text.length, end + anchorContextLength);
  if (splitsPair(text, to)) to -= 1;
  return text.slice(end, to);
}

/** True when offset `i` falls between the two halves of one astral character. */
export function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** A part as a row holds it: the text, or x'' (a Uint8Array; null where a query made it so) for "as the text says". */
export type StoredPart = string | Uint8Array | null;

/** A part as SQL that reads x'' as NULL: cheaper for a reader of many rows than a Buffer each. */
export const storedPartSql = (part: ContextPart, h: string) => `iif(typeof(${h}.${part}) = 'blob', NULL, ${h}.${part}) AS ${part}`;

/**
 * The part as written, given its paragraph's text. Readers of many rows (an article's highlights,
 * an export) read the parts as stored and the text once per paragraph: a SQL call per part copied
 * the paragraph's text into JavaScript three times a row (an article of 200 highlights loaded ten
 * times slower). An x'' part without its paragraph's text cannot be (the triggers write it out first).
 */
export function writtenOutPart(stored: StoredPart, text: string | undefined, start: number | null, end: number | null, part: ContextPart): string {
  if (typeof stored === 'string') return stored;
  if (text === undefined || start === null || end === null) {
    throw new Error(`A highlight's ${part} is stored as its paragraph's text, and the paragraph is not there.`);
  }
  return contextAt(text, start, end, part);
}

/** The texts of the paragraphs `ids` (each once). */
export function paragraphTexts(db: Db, ids: Iterable<number>): Map<number, string> {
  const rows = preparedStatement(db, 'SELECT id, text FROM paragraph WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify([...new Set(ids)])) as Array<[number, string]>;
  return new Map(rows);
}

export const highlightContextFunction = 'pizhu_highlight_context';

/** Registers pizhu_highlight_context(text, start, end, part) on a connection: NULL when there is no text or place. */
export function registerHighlightContextFunction(db: Db): void {
  db.function(highlightContextFunction, { deterministic: true }, (text: unknown, start: unknown, end: unknown, part: unknown) => {
    if (typeof text !== 'string' || typeof start !== 'number' || typeof end !== 'number') return null;
    if (part !== 'quote' && part !== 'prefix' && part !== 'suffix') return null;
    return contextAt(text, start, end, part);
  });
}

/** SQL: the part as the text of paragraph `paragraph` (an expression) says at [start, end). */
const derived = (part: ContextPart, paragraph: string, start: string, end: string) =>
  `${highlightContextFunction}((SELECT text FROM paragraph WHERE id = ${paragraph}), ${start}, ${end}, '${part}')`;

/**
 * A highlight column as SQL, named as itself, with quote, prefix and suffix written out from the
 * paragraph's text where they are stored as "as the text says". `h` is the highlight's alias in
 * the query (its table name when it has none). The maker is read as store/madeHere stores it; any
 * other column is the column.
 */
export function highlightColumnSql(column: string, h = 'highlight'): string {
  const c = (name: string) => `${h}.${name}`;
  // Stored as x'' when made here (store/madeHere, migration 0038).
  if (column === 'made_by') return madeBySql(h);
  if (column !== 'quote' && column !== 'prefix' && column !== 'suffix') return c(column);
  return `iif(typeof(${c(column)}) = 'blob', ${derived(column, c('paragraph_id'), c('start_offset'), c('end_offset'))}, ${c(column)}) AS ${column}`;
}

/** Every column of `columns` as highlightColumnSql makes it, comma-separated. */
export function highlightColumnsSql(columns: readonly string[], h = 'highlight'): string {
  return columns.map((c) => highlightColumnSql(c, h)).join(', ');
}

/** SQL for one part of a row (`row`: new, old, or a table name) kept as "as the text says" when it is so. */
const compacted = (part: ContextPart, row: string, value: string) =>
  `iif(${value} = ${derived(part, `${row}.paragraph_id`, `${row}.start_offset`, `${row}.end_offset`)}, x'', ${value})`;

/**
 * SQL for the migration and triggers: the part of highlight row `row` written out where it is
 * stored as "as the text says", reading the text of `paragraphText` at `row`'s place.
 */
const writtenOut = (part: ContextPart, stored: string, paragraphText: string, row: string) =>
  `iif(typeof(${stored}) = 'blob', ${highlightContextFunction}(${paragraphText}, ${row}.start_offset, ${row}.end_offset, '${part}'), ${stored})`;

const anyStored = (prefix = '') => highlightContextParts.map((p) => `typeof(${prefix}${p}) = 'blob'`).join(' OR ');

/** Every placed highlight's parts that the text gives, kept as such (the migration's pass over old rows). */
export const compactEveryHighlight = `
    UPDATE highlight SET ${highlightContextParts.map((p) => `${p} = ${compacted(p, 'highlight', p)}`).join(', ')}
      WHERE paragraph_id IS NOT NULL;`;

/** The names of highlightContextTriggers' triggers. */
export const highlightContextTriggerNames = [
  'highlight_context_insert',
  'highlight_context_move',
  'paragraph_text_writes_out_highlight_context',
  'paragraph_delete_writes_out_highlight_context',
] as const;

/** The triggers that keep the stored parts exact (migration 0034). */
export const highlightContextTriggers = `
    -- A new highlight's parts that its paragraph's text gives are kept as such.
    CREATE TRIGGER highlight_context_insert AFTER INSERT ON highlight WHEN new.paragraph_id IS NOT NULL BEGIN
      UPDATE highlight SET ${highlightContextParts.map((p) => `${p} = ${compacted(p, 'new', `new.${p}`)}`).join(', ')}
        WHERE id = new.id;
    END;

    -- A highlight moved (re-anchored, orphaned, placed again, synced): a part the writer left as
    -- "as the text says" is written out from the text at its old place (its old paragraph's text is
    -- still what it was read from: a text change writes them out first, below), then kept as such
    -- again if the new place gives it.
    CREATE TRIGGER highlight_context_move AFTER UPDATE OF paragraph_id, start_offset, end_offset ON highlight BEGIN
      UPDATE highlight SET ${highlightContextParts
        .map((p) => {
          const full = writtenOut(p, `new.${p}`, '(SELECT text FROM paragraph WHERE id = old.paragraph_id)', 'old');
          return `${p} = iif(new.paragraph_id IS NULL, ${full}, ${compacted(p, 'new', full)})`;
        })
        .join(', ')}
        WHERE id = new.id;
    END;

    -- A paragraph's text about to say something else: its highlights' parts are written out from
    -- the text they were read from, so re-anchoring compares against what was highlighted, as before.
    CREATE TRIGGER paragraph_text_writes_out_highlight_context AFTER UPDATE OF text ON paragraph
      WHEN old.text IS NOT new.text
    BEGIN
      UPDATE highlight SET ${highlightContextParts.map((p) => `${p} = ${writtenOut(p, p, 'old.text', 'highlight')}`).join(', ')}
        WHERE paragraph_id = old.id AND (${anyStored()});
    END;
    CREATE TRIGGER paragraph_delete_writes_out_highlight_context AFTER DELETE ON paragraph BEGIN
      UPDATE highlight SET ${highlightContextParts.map((p) => `${p} = ${writtenOut(p, p, 'old.text', 'highlight')}`).join(', ')}
        WHERE paragraph_id = old.id AND (${anyStored()});
    END;`;
