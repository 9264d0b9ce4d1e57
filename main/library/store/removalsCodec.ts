import type { Removal } from '../../../preload/contract/articleTypes';

/**
 * How a paragraph's removals are stored (issue #16, migration 0037). As JSON, a pinyin reading
 * taken out, `{"start":129,"end":133,"text":"(qū)","reason":"pinyin-reading"}`, is ~70 bytes
 * for 5 bytes of text: 5.4 MB of the 10,000-article bench library. Stored compactly each removal
 * is `<start>,<length><reason letter><text>` (`129,4p(qū)`, 11 bytes): the end is the start plus
 * the text's length, as rawWithRemovals requires of every removal anyway.
 *
 * A list the compact form would not give back exactly (a removal whose end is not its start plus
 * its text's length, an unknown reason, other keys: nothing Pizhu writes) is stored as JSON, as is
 * the empty list ('[]', which paragraphRaw.rawSql and the triggers built from it test for). A
 * reader tells the two apart by the first character: JSON starts with '[', the compact form with a
 * digit. The checksum (store/contentHashes) is over the stored form, so a flipped byte in either
 * is reported as before.
 */

const letterOf: Readonly<Record<Removal['reason'], string>> = {
  'pinyin-reading': 'p',
  'injected-fragment': 'f',
  indentation: 'i',
  whitespace: 'w',
  markup: 'm',
};

const reasonOf: Readonly<Record<string, Removal['reason']>> = Object.fromEntries(
  Object.entries(letterOf).map(([reason, letter]) => [letter, reason as Removal['reason']]),
);

/** What `paragraph.removals` stores for this list: the compact form when it gives the list back exactly, else its JSON. */
export function storedRemovals(removals: readonly Removal[]): string {
  if (removals.length === 0) return '[]';
  return compactRemovals(removals) ?? JSON.stringify(removals);
}

/** A removal's keys as JSON.stringify writes them back from the compact form, in that order. */
const compactKeys = ['start', 'end', 'text', 'reason'] as const;

/**
 * The compact form, or undefined when a removal does not fit it: it must read back as the same
 * JSON, so each removal has exactly these keys in this order, a known reason, a whole start and
 * its end at the start plus its text's length. Checked in place: writing the list out as JSON and
 * reading the compact form back to compare was most of the cost of storing a paragraph's removals
 * (the 49,342 paragraphs of 3,000 bench articles, 6,629 with removals: 305 ms, 95 ms so, same values).
 */
function compactRemovals(removals: readonly Removal[]): string | undefined {
  let out = '';
  for (const r of removals) {
    let keys = 0;
    for (const key in r) if (key !== compactKeys[keys++]) return undefined;
    if (keys !== compactKeys.length) return undefined;
    const letter = Object.hasOwn(letterOf, r.reason) ? letterOf[r.reason] : undefined;
    if (letter === undefined || typeof r.text !== 'string' || !Number.isSafeInteger(r.start) || r.start < 0) return undefined;
    if (r.end !== r.start + r.text.length) return undefined;
    out += `${r.start},${r.text.length}${letter}${r.text}`;
  }
  return out;
}

/** A stored removals column as a list, either form; undefined when it reads as neither (damage, which the paragraph's checksum reports). */
export function removalsFromStored(stored: string): Removal[] | undefined {
  if (stored.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(stored);
      return Array.isArray(parsed) ? (parsed as Removal[]) : undefined;
    } catch {
      return undefined;
    }
  }
  const removals: Removal[] = [];
  let at = 0;
  while (at < stored.length) {
    const comma = stored.indexOf(',', at);
    const start = digitsAt(stored, at, comma);
    let letterAt = comma + 1;
    while (letterAt < stored.length && isDigit(stored.charCodeAt(letterAt))) letterAt++;
    const length = digitsAt(stored, comma + 1, letterAt);
    const reason = reasonOf[stored[letterAt] ?? ''];
    const textAt = letterAt + 1;
    if (start === undefined || length === undefined || reason === undefined || textAt + length > stored.length) return undefined;
    removals.push({ start, end: start + length, text: stored.slice(textAt, textAt + length), reason });
    at = textAt + length;
  }
  return removals.length > 0 ? removals : undefined;
}

/** The decimal number in stored[from, to), or undefined when that is empty, not all digits or too long to be an offset. */
function digitsAt(stored: string, from: number, to: number): number | undefined {
  if (to <= from || to - from > 15) return undefined;
  for (let i = from; i < to; i++) if (!isDigit(stored.charCodeAt(i))) return undefined;
  return Number(stored.slice(from, to));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** SQL name of storedRemovals over a removals JSON column (migration 0037 stores every paragraph's list so). */
export const storedRemovalsFunction = 'pizhu_stored_removals';
