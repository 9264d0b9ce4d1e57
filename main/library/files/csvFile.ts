import path from 'node:path';
import { LibraryError } from '../libraryError';
import { CsvSyntaxError, readCsv, type CsvRecord } from './csv';

export type CsvRefusal = 'unsupported-file' | 'decode-failed' | 'empty-file' | 'file-too-large';

/** A CSV file refused, named (never its contents), with nothing changed. */
export function refuseCsvFile(file: string, code: CsvRefusal, why: string): LibraryError {
  return new LibraryError(code, `"${path.basename(file)}" ${why}; nothing was changed.`, file);
}

/**
 * A chosen CSV file's bytes as text: UTF-8 only (a BOM allowed), and text, not a binary file that
 * happens to decode (a NUL or other C0 control besides tab and line ends). `savedAs` finishes the
 * hint: "save the term list as CSV UTF-8".
 */
export function decodeCsvFile(bytes: Uint8Array, file: string, savedAs: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuseCsvFile(file, 'decode-failed', `is not UTF-8 text (save ${savedAs} as CSV UTF-8)`);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)
      throw refuseCsvFile(file, 'decode-failed', 'is not a text file');
  }
  return text.replace(/^\uFEFF/, '');
}

/** The records of a chosen CSV file's text; an empty file or broken CSV is refused by name. */
export function readCsvFile(text: string, file: string): CsvRecord[] {
  if (text.trim() === '') throw refuseCsvFile(file, 'empty-file', 'is empty');
  try {
    return readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw refuseCsvFile(file, 'unsupported-file', `is not valid CSV: ${error.message}`);
    throw error;
  }
}
