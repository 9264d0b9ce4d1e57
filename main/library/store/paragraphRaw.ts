import type { Removal } from '../../../preload/contract/articleTypes';
import type { Db } from './openDatabase';
import { removalsFromStored, storedRemovals, storedRemovalsFunction } from './removalsCodec';

/**
 * A paragraph's raw text as stored. The text is the raw text with its removals taken out
 * (import/removals applyRemovals), and each removal keeps the text it took out, so the raw text
 * is the text with the removals put back; storing it as well was about half of the paragraph
 * table (issue #16). Such a raw text is stored as '': migration 0014 stored so a raw text that is
 * its text (no removals), migration 0028 any raw text its text and removals give back. A raw text
 * they would not give back (removals that do not fit) is stored whole. Reads put it back, so
 * everything above the store sees the raw text as before, and the checksums
 * (store/contentHashes) are over the raw text as read, unchanged by the move.
 */

/** What goes into `paragraph.raw` for a paragraph with this text, removals and raw text. */
export function storedRaw(text: string, raw: string, removals: readonly Removal[]): string {
  if (raw === '') return raw;
  return raw === (removals.length === 0 ? text : rawWithRemovals(text, removals)) ? '' : raw;
}

/**
 * The text with its removals put back; undefined when they do not fit it (out of order, or
 * reaching past the text): damage, which the paragraph's checksum then reports.
 */
export function rawWithRemovals(text: string, removals: readonly Removal[]): string | undefined {
  let raw = '';
  let from = 0;
  for (const r of removals) {
    // Where the removal starts in the text: its raw offset less what earlier removals took out.
    const at = r.start - (raw.length - from);
    if (typeof r.text !== 'string' || at < from || at > text.length || r.end - r.start !== r.text.length) return undefined;
    raw += text.slice(from, at) + r.text;
    from = at;
  }
  return raw + text.slice(from);
}

/**
 * What rawSql reads, for a reader that parses the removals anyway (store/paragraphs): put back
 * here, not by a SQL function call and a second parse per paragraph. Undefined as rawWithRemovals.
 */
export function rawFromStored(text: string, raw: string, removals: readonly Removal[]): string | undefined {
  if (raw !== '') return raw;
  return removals.length === 0 ? text : rawWithRemovals(text, removals);
}

export const paragraphRawFunction = 'pizhu_paragraph_raw';

/** The raw text of the paragraph row `row` (an alias, or new/old in a trigger) as SQL. */
export function rawSql(row?: string): string {
  const p = row ? `${row}.` : '';
  return `iif(${p}raw = '', iif(${p}removals = '[]', ${p}text, ${paragraphRawFunction}(${p}text, ${p}removals)), ${p}raw)`;
}

/**
 * Registers pizhu_paragraph_raw(text, removals as stored) on a connection (registerChecksumFunction
 * does), and pizhu_stored_removals(removals JSON), which migration 0037 stores each list with.
 */
export function registerParagraphRawFunction(db: Db): void {
  db.function(paragraphRawFunction, { deterministic: true }, (text: unknown, removals: unknown) => {
    if (typeof text !== 'string' || typeof removals !== 'string') return null;
    const parsed = parsedRemovals(removals);
    return (parsed && rawWithRemovals(text, parsed)) ?? null;
  });
  db.function(storedRemovalsFunction, { deterministic: true }, (removals: unknown) => {
    const parsed = typeof removals === 'string' && removals.startsWith('[') ? parsedRemovals(removals) : undefined;
    // Anything else (already compact, or not a list) is kept as it is.
    return parsed ? storedRemovals(parsed) : removals;
  });
}

/**
 * A paragraph's removals column as a list, stored as JSON or compactly (store/removalsCodec);
 * undefined when it reads as neither (damage, which its checksum reports).
 */
export function parsedRemovals(stored: string): Removal[] | undefined {
  return removalsFromStored(stored);
}
