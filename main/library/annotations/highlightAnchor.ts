import { LibraryError } from '../libraryError';
import { anchorContextLength, contextAt, splitsPair } from '../store/highlightContext';

export { anchorContextLength };

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
  return {
    quote: contextAt(text, start, end, 'quote'),
    prefix: contextAt(text, start, end, 'prefix'),
    suffix: contextAt(text, start, end, 'suffix'),
  };
}

function invalid(message: string): LibraryError {
  return new LibraryError('invalid-argument', message);
}
