import type { VocabularyEntry, VocabularyExportFormat } from '../../../preload/contract/vocabularyTypes';
import { csvText } from '../files/csv';

/**
 * The vocabulary as a file another program reads: CSV (RFC 4180: CRLF lines, a header, fields
 * quoted when they hold a comma, a quote or a line break) or a plain-text file Anki imports
 * (File ▸ Import: tab-separated, HTML fields, its column names in the file's header lines).
 */
export function renderVocabulary(entries: readonly VocabularyEntry[], format: VocabularyExportFormat): string {
  return format === 'csv' ? renderCsv(entries) : renderAnki(entries);
}

/** The file name main's save dialog offers. */
export function vocabularyFileName(format: VocabularyExportFormat, day: string): string {
  return format === 'csv' ? `pizhu-vocabulary-${day}.csv` : `pizhu-vocabulary-${day}-anki.txt`;
}

export const csvColumns = [
  'word',
  'stored_word',
  'reading',
  'meaning',
  'sentence',
  'article',
  'link',
  'created_at',
] as const;

/**
 * With a byte-order mark: spreadsheet programs (Excel above all) read a CSV without one in the
 * system's legacy code page, which turns every Chinese character into mojibake.
 */
function renderCsv(entries: readonly VocabularyEntry[]): string {
  const rows = entries.map((e) => [
    e.word,
    e.storedWord,
    e.reading,
    e.sense,
    e.sentence,
    e.articleTitle ?? '',
    e.link ?? '',
    e.createdAt,
  ]);
  return `\uFEFF${csvText([[...csvColumns], ...rows])}`;
}

export const ankiColumns = ['Word', 'Reading', 'Meaning', 'Sentence', 'Source'] as const;

/**
 * Anki's header lines say how to read the rest, so its import dialog needs no settings: tabs
 * between fields, HTML in them, and the column names to map onto a note type's fields.
 */
function renderAnki(entries: readonly VocabularyEntry[]): string {
  const header = ['#separator:tab', '#html:true', `#columns:${ankiColumns.join('\t')}`];
  const rows = entries.map((e) =>
    [html(e.word), html(e.reading), html(e.sense), markedSentence(e), source(e)].join('\t'),
  );
  return `${[...header, ...rows].join('\n')}\n`;
}

/** The sentence with the word in bold where it was found; the word alone when no sentence was kept. */
function markedSentence(e: VocabularyEntry): string {
  const at = e.sentenceOffset;
  if (e.sentence === '' || e.sentence.slice(at, at + e.word.length) !== e.word) return `<b>${html(e.word)}</b>`;
  const before = e.sentence.slice(0, at);
  const after = e.sentence.slice(at + e.word.length);
  return `${html(before)}<b>${html(e.word)}</b>${html(after)}`;
}

/** The article's title, linked back to the paragraph (Anki opens pizhu:// links through the system, so Pizhu). */
function source(e: VocabularyEntry): string {
  const title = html(e.articleTitle ?? '');
  return e.link === null ? title : `<a href="${html(e.link)}">${title === '' ? html(e.link) : title}</a>`;
}

/**
 * Text as HTML inside one field: markup characters escaped, a tab (the separator) a space, a
 * line break <br> (a raw one would end the note).
 */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, ' ')
    .replace(/\r\n|\r|\n/g, '<br>');
}
