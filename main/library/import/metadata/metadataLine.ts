/**
 * Whether a line of text is there to carry metadata (a byline, a date line, a 来源 line) rather
 * than to be read: for line cleaning, which may hide such a line as metadata once its values are
 * kept. Pure and conservative: a short line, no sentence in it, and a value that reads.
 */
import { findBylineAuthor } from './bylines';
import { dateLineDate } from './dates';
import { findSourceLine } from './sourceLines';

export interface LineMetadata {
  author: string | null;
  date: string | null;
  source: string | null;
}

const maxLineLength = 60;

/** The metadata a credit, date or source line carries, or null when it is not such a line. */
export function lineMetadata(line: string, options: { taiwan?: boolean } = {}): LineMetadata | null {
  const text = line.trim();
  if (text === '' || text.length > maxLineLength || /[。！？!?]/u.test(text)) return null;
  const found: LineMetadata = {
    author: findBylineAuthor(text),
    date: dateLineDate(text, options),
    source: findSourceLine(text),
  };
  return found.author || found.date || found.source ? found : null;
}
