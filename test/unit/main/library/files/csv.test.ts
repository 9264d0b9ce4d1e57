/** The one CSV reader and writer (RFC 4180): what a spreadsheet program writes reads back field for field. */
import { describe, expect, it } from 'vitest';
import { csvText, CsvSyntaxError, readCsv } from '../../../../../main/library/files/csv';

describe('readCsv', () => {
  it('reads plain, quoted and empty fields, CRLF, LF and CR line ends, with the line each record starts on', () => {
    expect(readCsv('a,b,c\r\n"x,y","say ""hi""",\n\n1,2,3\r4,5,6')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x,y', 'say "hi"', ''] },
      { line: 4, fields: ['1', '2', '3'] },
      { line: 5, fields: ['4', '5', '6'] },
    ]);
  });

  it('keeps a line break inside quotes and counts it', () => {
    expect(readCsv('"two\r\nlines",b\nnext,c\n')).toEqual([
      { line: 1, fields: ['two\r\nlines', 'b'] },
      { line: 3, fields: ['next', 'c'] },
    ]);
  });

  it('refuses a quote left open and text after a closing quote, naming the line', () => {
    expect(() => readCsv('a,b\n"open,c\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => readCsv('a\n\n"x"y,z')).toThrow(new CsvSyntaxError(3, 'text follows a closing quote'));
  });

});

describe('csvText', () => {
  it('quotes what needs it (commas, quotes, line breaks, blank edges), ends every line in CRLF, and reads back', () => {
    const rows = [
      ['word', 'sentence'],
      ['经济', '他说："经济，很好"'],
      [' 前後空格 ', 'a,"b"\nnext line'],
      ['', 'plain'],
    ];
    const text = csvText(rows);
    expect(text).toBe('word,sentence\r\n经济,"他说：""经济，很好"""\r\n" 前後空格 ","a,""b""\nnext line"\r\n,plain\r\n');
    expect(readCsv(text).map((r) => r.fields)).toEqual(rows);
  });
});
