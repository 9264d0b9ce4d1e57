/**
 * The term list: overrides as CSV (RFC 4180), one per line under the header `source,target,modes`,
 * modes space-separated (`心理发展,心理發展,t tw twp`). A file that breaks the CSV grammar is
 * refused whole, since every line after the break would be misread; a line that reads but is no
 * override is skipped and reported.
 */

import {
  maxTermOverrides,
  type TermListSkipReason,
  type TermOverride,
  type TermOverrideRule,
} from '../../../preload/contract/termOverrideTypes';
import { csvText } from '../files/csv';
import { decodeCsvFile, readCsvFile, refuseCsvFile } from '../files/csvFile';
import { checkRule, modesOf, modesText } from './overrideRules';

export type TermListLine =
  { line: number; ok: true; rule: TermOverrideRule } | { line: number; ok: false; reason: TermListSkipReason };

export const termListHeader = 'source,target,modes';

/** The overrides as a term list: a UTF-8 BOM (so spreadsheet programs read the Chinese), the header, CRLF lines. */
export function formatTermList(overrides: readonly TermOverride[]): string {
  const rows = overrides.map((o) => [o.source, o.target, modesText(o.modes)]);
  return `\uFEFF${csvText([termListHeader.split(','), ...rows])}`;
}

/** A term list file's bytes as text: UTF-8 only (a BOM allowed), and text, not a binary file. */
export function decodeTermList(bytes: Uint8Array, file: string): string {
  return decodeCsvFile(bytes, file, 'the term list');
}

/**
 * Every line of a term list, checked: the valid ones as rules, the rest with why. Throws a
 * LibraryError, naming the file and line, when the file is no term list at all.
 */
export function parseTermList(text: string, file: string): TermListLine[] {
  const [header, ...rows] = readCsvFile(text, file);
  const names = header?.fields.map((f) => f.trim().toLowerCase()).join(',');
  if (names !== termListHeader) {
    throw refuseCsvFile(file, 'unsupported-file', `is not a term list: its first line must be ${termListHeader}`);
  }
  if (rows.length > maxTermOverrides) {
    throw refuseCsvFile(
      file,
      'file-too-large',
      `has ${rows.length} terms; a term list holds at most ${maxTermOverrides}`,
    );
  }
  return rows.map(({ line, fields }): TermListLine => {
    if (fields.length !== 3) return { line, ok: false, reason: 'wrong-columns' };
    const [source, target, modes] = fields as [string, string, string];
    const check = checkRule(source, target, modesOf(modes));
    return check.ok ? { line, ok: true, rule: check.rule } : { line, ok: false, reason: check.reason };
  });
}
