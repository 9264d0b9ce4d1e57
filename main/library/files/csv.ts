/**
 * CSV as RFC 4180 has it, read and written in one place (term lists, vocabulary exports, the
 * word-analysis tables). No CSV parser is installed, so this is a small reader of the RFC's
 * grammar: fields separated by commas, quoted with " when they hold a comma, a quote (doubled)
 * or a line break; lines end in CRLF, LF or a lone CR.
 */

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    what: string,
  ) {
    super(`${what} at line ${line}`);
  }
}

/**
 * The records of a CSV text, each with the line it starts on. Blank lines give no record. Throws
 * a CsvSyntaxError where the grammar breaks (a quote left open, text after a closing quote),
 * since every line after it would be misread.
 */
export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(start, 'a quoted field is never closed');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new CsvSyntaxError(line, 'text follows a closing quote');
        }
      } else {
        const from = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        field = text.slice(from, i);
      }
      fields.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // The record's end: CRLF, LF or a lone CR.
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}

/**
 * One field as written: quoted when it holds a comma, a quote or a line break, and when it starts
 * or ends in blank space (which spreadsheet programs trim from a bare field).
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text: CRLF after every line, the last included. No byte-order mark; a file that wants one adds it. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
