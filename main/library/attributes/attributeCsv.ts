/**
 * Attribute values from a spreadsheet: CSV (RFC 4180, read by files/csv) whose first column
 * names each article by its file name or URL (header `file` or `url`) and whose other columns
 * are attributes, one value per cell (`file,outlet,region` / `a.txt,官方媒体,广东`). A file that
 * breaks the CSV grammar or has no such header is refused whole; a line that reads but names no
 * one article, or holds a value its attribute cannot take, is skipped and reported.
 */

import {
  maxAttributeNameLength,
  maxAttributes,
  type AttributeCsvSkippedLine,
} from '../../../preload/contract/attributeTypes';
import { decodeCsvFile, readCsvFile, refuseCsvFile } from '../files/csvFile';
import { hasControl } from './attributeValues';

export type AttributeCsvKey = 'file' | 'url';

export interface AttributeCsvRow {
  line: number;
  key: string;
  /** One cell per attribute column, in column order; blank cells are ''. */
  cells: string[];
}

export interface AttributeCsv {
  key: AttributeCsvKey;
  /** The attribute names the header gives, after the key column. */
  columns: string[];
  rows: AttributeCsvRow[];
  /** Lines with the wrong number of fields or a blank key. */
  skipped: AttributeCsvSkippedLine[];
}

const keyNames: Record<string, AttributeCsvKey> = {
  file: 'file',
  'file name': 'file',
  filename: 'file',
  文件名: 'file',
  檔名: 'file',
  url: 'url',
  网址: 'url',
  網址: 'url',
};

/** The file's bytes as text: UTF-8 only (a BOM allowed), and text, not a binary file. */
export function decodeAttributeCsv(bytes: Uint8Array, file: string): string {
  return decodeCsvFile(bytes, file, 'the spreadsheet');
}

/** The header and lines of an attribute CSV; throws a LibraryError naming the file when it is none. */
export function parseAttributeCsv(text: string, file: string): AttributeCsv {
  const [header, ...lines] = readCsvFile(text, file);
  const [first = '', ...names] = (header?.fields ?? []).map((f) => f.trim());
  const key = keyNames[first.toLowerCase()];
  if (key === undefined) {
    throw refuseCsvFile(file, 'unsupported-file', 'has no key column: its first heading must be "file" or "url"');
  }
  if (names.length === 0) throw refuseCsvFile(file, 'unsupported-file', 'has no attribute column after the key column');
  if (names.length > maxAttributes) {
    throw refuseCsvFile(
      file,
      'unsupported-file',
      `has ${names.length} attribute columns; a library holds at most ${maxAttributes}`,
    );
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '' || name.length > maxAttributeNameLength || hasControl(name)) {
      throw refuseCsvFile(file, 'unsupported-file', `has a heading that is no attribute name ("${name.slice(0, 40)}")`);
    }
    if (seen.has(name.toLowerCase()))
      throw refuseCsvFile(file, 'unsupported-file', `names the attribute "${name}" twice`);
    seen.add(name.toLowerCase());
  }
  const rows: AttributeCsvRow[] = [];
  const skipped: AttributeCsvSkippedLine[] = [];
  for (const { line, fields } of lines) {
    if (fields.length !== names.length + 1) skipped.push({ line, reason: 'wrong-columns' });
    else if (fields[0]!.trim() === '') skipped.push({ line, reason: 'no-key' });
    else rows.push({ line, key: fields[0]!.trim(), cells: fields.slice(1) });
  }
  return { key, columns: names, rows, skipped };
}
