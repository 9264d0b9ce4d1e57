import { LibraryError } from '../libraryError';

/** Characters of context kept on each side of a quote, to re-anchor it if the paragraph changes. */
export const anchorContextLength = 32;

export interface HighlightAnchor {
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Checks a UTF-16 range [start, end) against a paragraph's canonical text and cuts the quote
 * and its context. A range that is empty, out of the text or splits a surrogate pair is refused:
 * half a character can be neither shown nor converted.
 */
export function anchorHighlight(text: string, start: number, end: number): HighlightAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw invalid(`The range ${start}-${end} lies outside the paragraph (0-${text.length}).`);
  }
  if (start >= end) throw invalid('A highlight needs at least one character.');
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw invalid(`The range ${start}-${end} cuts a character in half (a surrogate pair).`);
  }
  let from = Math.max(0, start - anchorContextLength);
  if (splitsPair(text, from)) from += 1;
  let to = Math.min(text.length, end + anchorContextLength);
  if (splitsPair(text, to)) to -= 1;
  return { quote: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** True when offset `i` falls between the two halves of one astral character. */
function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function invalid(message: string): LibraryError {
  return new LibraryError('invalid-argument', message);
}
