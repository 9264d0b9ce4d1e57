/**
 * The sizes an import admits, in one place: file import, pasted text, re-import and the JSON
 * backup's import all hold text to them (a backup cannot bring in what a file import refuses).
 */

/** The largest file (or pasted text, in UTF-8 bytes) an import reads. */
export const maxImportBytes = 20 * 1024 * 1024;

/**
 * The longest text of one article, in UTF-16 units: a file of maxImportBytes decodes to at most
 * that many (every encoding Pizhu reads takes at least one byte per UTF-16 unit).
 */
export const maxArticleLength = maxImportBytes;

/**
 * The longest paragraph an import makes, in UTF-16 units; longer ones are cut (splitParagraphs).
 * Every search hit on a paragraph tokenizes all of it and returns it whole, and the reader shows
 * it as one block: a 19 MB one-paragraph article cost 4.4 s and 1.6 GB per search. Real
 * paragraphs, even long legal or classical ones, stay within a few thousand characters.
 */
export const maxParagraphLength = 10_000;

/**
 * The most items of one feed an import reads: each is a page extracted and cleaned on its own,
 * and a feed is one file of the import's worker budget (fileParser.ts). Real feeds carry tens
 * to a few hundred items; the rest of a longer one is reported as not imported.
 */
export const maxFeedItems = 2_000;
