/**
 * The term list: overrides as CSV (RFC 4180), one per line under the header `source,target,modes`,
 * modes space-separated (`心理发展,心理發展,t tw twp`). A file that breaks the CSV grammar is
 * refused whole, since every line after the break would be misread; a line that reads but is no
 * override is skipped and reported.
 */

import path from 'node:path';
import {
  maxTermOverrides,
  type TermListSkipReason,
  type TermOverride,
  type TermOverrideRule,
} from '../../../preload/contract/termOverrideTypes';
import { LibraryError } from '../libraryError';
import { csvText, CsvSyntaxError, readCsv, type CsvRecord } from '../files/csv';
import { checkRule, modesOf, modesText } from './overrideRules';

export type TermListLine =
  { line: number; ok: true; rule: TermOverrideRule } | { line: number; ok: false; reason: TermListSkipReason };

export const termListHeader = 'source,target,modes';

/** The overrides as a term list: a UTF-8 BOM (so spreadsheet programs read the Chinese), the header, CRLF lines. */
export function formatTermList(overrides: readonly TermOverride[]): string {
  const rows = overrides.map((o) => [o.source, o.target, modesText(o.modes)]);
  return `\uFEFF${csvText([termListHeader.split(','), ...rows])}`;
}

function refuse(
  file: string,
  code: 'unsupported-file' | 'decode-failed' | 'empty-file' | 'file-too-large',
  why: string,
) {
  return new LibraryError(code, `"${path.basename(file)}" ${why}; nothing was changed.`, file);
}

function hasBinaryControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

/** A term list file's bytes as text: UTF-8 only (a BOM allowed), and text, not a binary file. */
export function decodeTermList(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(file, 'decode-failed', 'is not UTF-8 text (save the term list as CSV UTF-8)');
  }
  // A NUL or other C0 control besides tab and line ends: a binary file that happens to decode.
  if (hasBinaryControl(text)) throw refuse(file, 'decode-failed', 'is not a text file');
  return text.replace(/^\uFEFF/, '');
}

/**
 * Every line of a term list, checked: the valid ones as rules, the rest with why. Throws a
 * LibraryError, naming the file and line, when the file is no term list at all.
 */
export function parseTermList(text: string, file: string): TermListLine[] {
  if (text.trim() === '') throw refuse(file, 'empty-file', 'is empty');
  let records: CsvRecord[];
  try {
    records = readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw refuse(file, 'unsupported-file', `is not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = records;
  const names = header?.fields.map((f) => f.trim().toLowerCase()).join(',');
  if (names !== termListHeader) {
    throw refuse(file, 'unsupported-file', `is not a term list: its first line must be ${termListHeader}`);
  }
  if (rows.length > maxTermOverrides) {
    throw refuse(file, 'file-too-large', `has ${rows.length} terms; a term list holds at most ${maxTermOverrides}`);
  }
  return rows.map(({ line, fields }): TermListLine => {
    if (fields.length !== 3) return { line, ok: false, reason: 'wrong-columns' };
    const [source, target, modes] = fields as [string, string, string];
    const check = checkRule(source, target, modesOf(modes));
    return check.ok ? { line, ok: true, rule: check.rule } : { line, ok: false, reason: check.reason };
  });
}
